// Opening a very long conversation (issue 9, "No reply can freeze the chat"):
// a 300-turn, ~7.5 MB conversation written into Parley's conversation folder
// opens from the history with only the replies near the viewport rendered,
// and the view answers typing at once; older replies render when scrolled to.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { chatInput, historyItem, newChat, openHistory, showChat } from './support/chat';
import { harness } from './support/harness';
import { PARLEY_EXTENSION_ID } from './support/network-guard';
import { closeWorkbench, openWorkbench, screenshot, webviewFrame } from './support/workbench';

const TURNS = 300;
const TITLE = 'Huge conversation (render test)';

/** ~25 KB of ordinary markdown: prose, a list, a table and code blocks. */
function replyText(turn: number): string {
  const section = (i: number): string =>
    `### Part ${turn}.${i}\n\nThe **service** retries a request at most twice, and only before any text arrived. ` +
    `See \`sendRequest()\` for the details; the delay grows from 0.5 s to 4 s.\n\n` +
    `- first item ${i}\n- second item with *emphasis*\n- third item\n\n` +
    `| status | retried |\n|---|---|\n| 429 | yes |\n| 401 | no |\n\n` +
    '```ts\n' + `export function delay${i}(attempt: number): number {\n  return Math.min(4000, 500 * 2 ** attempt);\n}\n` + '```\n\n';
  return Array.from({ length: 60 }, (_, i) => section(i)).join('');
}

function conversationFile(id: string): string {
  return path.join(harness().server.dataDir, 'user', 'User', 'globalStorage', PARLEY_EXTENSION_ID, 'conversations', `${id}.json`);
}

function writeConversation(id: string): number {
  const file = conversationFile(id);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const now = Date.now();
  const turns = Array.from({ length: TURNS }, (_, i) => ({
    id: `turn-${i}`,
    prompt: `Question ${i}: how does the retry policy work?`,
    notes: [],
    createdAt: now + i,
    reply: { text: replyText(i), status: 'done', providerId: 'sim-local', providerLabel: 'Simulator', startedAt: now + i },
  }));
  const body = JSON.stringify({ format: 'parley.conversation', version: 1, conversation: { id, title: TITLE, createdAt: now, updatedAt: now + TURNS, turns } });
  fs.writeFileSync(file, body);
  return body.length;
}

describe('Chat view: a very long conversation', () => {
  let page: Page | undefined;
  const id = `huge-${Date.now().toString(36)}`;
  after(async () => {
    // The next tests start from a new chat and a history without it.
    if (page) await newChat(page);
    fs.rmSync(conversationFile(id), { force: true });
    await closeWorkbench(page);
  });

  it('opens from the history rendering only the replies near the viewport, and stays responsive', async function () {
    this.timeout(240_000);
    const bytes = writeConversation(id);
    assert.ok(bytes > 7_000_000, `${bytes} bytes`);
    page = await openWorkbench();
    await showChat(page);
    await openHistory(page);
    await historyItem(page, TITLE).locator('.history-open').click();
    const frame = webviewFrame(page);
    const lastReply = frame.locator('.turn').last().locator('.parley-markdown');
    await lastReply.locator('h3', { hasText: `Part ${TURNS - 1}.59` }).waitFor({ timeout: 120_000 });
    assert.equal(await frame.locator('.turn').count(), TURNS, 'every turn is listed');
    // Responsive: typing shows up in the composer right away (well, as soon as the page handles input).
    await chatInput(page).click();
    await chatInput(page).pressSequentially('still responsive');
    assert.equal(await chatInput(page).inputValue(), 'still responsive');
    const rendered = await frame.locator('.turn .parley-markdown').count();
    assert.ok(rendered >= 1 && rendered <= 40, `${rendered} of ${TURNS} replies rendered after opening`);
    await screenshot(page, 'big-conversation-open');
    // Older replies render when scrolled to.
    await frame.locator('main.messages').evaluate((list) => (list.scrollTop = 0));
    await frame.locator('.turn').first().locator('.parley-markdown h3', { hasText: 'Part 0.0' }).waitFor({ timeout: 60_000 });
    await chatInput(page).fill('');
  });
});
