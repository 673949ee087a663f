// The history list's entry actions in the real workbench (issue 4,
// "Conversations"): rename through an input box (kept on disk), export to a
// Markdown file through the save dialog, delete after a modal confirmation.
// (Open and search: chat-actions.test.ts.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { historyItem, lastTurn, newChat, openHistory, savedConversation, sendMessage, showChat, waitForReplyEnd } from './support/chat';
import { harness } from './support/harness';
import { answerInputBox, closeWorkbench, modalDialog, notification, openWorkbench, quickInput, runCommand, screenshot, waitForInputBox, webviewFrame } from './support/workbench';

const ZEBRA = 'Explain how the zebra protocol streams';
const RENAMED = 'Zebra notes (renamed)';
const OKAPI = 'Explain how the okapi protocol streams';

/** Asks `question` in a new conversation and waits for the reply to end. */
async function converse(page: Page, question: string): Promise<void> {
  await newChat(page);
  await sendMessage(page, question);
  await waitForReplyEnd(lastTurn(page));
}

async function waitForFile(file: string, timeoutMs = 15_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !fs.existsSync(file); ) {
    if (Date.now() > deadline) throw new Error(`${file} was not written`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function conversationId(item: Locator): Promise<string> {
  const id = await item.getAttribute('data-conversation-id');
  assert.ok(id, 'a history entry carries its conversation id');
  return id;
}

describe('History entries', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(() => closeWorkbench(page));

  it('Rename asks for a title in an input box; the list and the saved file keep it', async () => {
    assert.ok(page);
    await showChat(page);
    await converse(page, ZEBRA);
    await openHistory(page);
    const item = historyItem(page, ZEBRA);
    const id = await conversationId(item);
    await item.getByRole('button', { name: 'Rename', exact: true }).click();
    const input = await waitForInputBox(page, 'Rename conversation');
    assert.equal(await input.inputValue(), ZEBRA, 'the input box starts with the current title');
    await screenshot(page, 'history-1-rename');
    await answerInputBox(page, RENAMED);
    await historyItem(page, RENAMED).waitFor();
    assert.equal(await historyItem(page, ZEBRA).count(), 0);
    // Close and reopen the list: it is read again from the saved conversations.
    await webviewFrame(page).locator('[data-history="close"]').click();
    await webviewFrame(page).locator('.history-panel').waitFor({ state: 'hidden' });
    await openHistory(page);
    await historyItem(page, RENAMED).waitFor();
    assert.equal(await conversationId(historyItem(page, RENAMED)), id);
    assert.equal(savedConversation(id)?.title, RENAMED, 'the file on disk has the new title');
  });

  it('Export as Markdown saves the conversation as a .md file through the save dialog', async () => {
    assert.ok(page);
    const target = path.join(harness().workspace, 'Zebra notes renamed.md');
    assert.equal(fs.existsSync(target), false);
    await historyItem(page, RENAMED).getByRole('button', { name: 'Export as Markdown', exact: true }).click();
    // code-server's save dialog is the workbench's own file dialog: a quick input holding the path.
    const input = await waitForInputBox(page);
    await page.waitForFunction(`document.querySelector('.quick-input-widget input.input')?.value.endsWith('Zebra notes renamed.md')`);
    assert.equal(await input.inputValue(), target, 'it proposes the title as file name in the workspace folder');
    await screenshot(page, 'history-2-export-dialog');
    await input.press('Enter');
    await quickInput(page).waitFor({ state: 'hidden' });
    await waitForFile(target);
    // The confirmation lands in the notification center (no toast pops up over the workbench here).
    await runCommand(page, 'Notifications: Show Notifications');
    await notification(page, `Conversation exported to ${target}`).waitFor();
    await page.keyboard.press('Escape');
    const markdown = fs.readFileSync(target, 'utf8');
    assert.ok(markdown.startsWith(`# ${RENAMED}\n\n## You\n\n${ZEBRA}\n\n### Simulator (no key) · sim-model\n\n## How streaming responses work\n`), markdown);
    assert.match(markdown, /\| NDJSON \| one JSON object per line \| Emma \|/);
    assert.match(markdown, /```typescript\nfor await \(const line of lines\(response\.body\)\) \{/);
  });

  it('Delete asks for confirmation, then removes the conversation from the list and the disk', async () => {
    assert.ok(page);
    await converse(page, OKAPI);
    await openHistory(page);
    const item = historyItem(page, OKAPI);
    const id = await conversationId(item);
    assert.ok(savedConversation(id));
    await item.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = modalDialog(page);
    await dialog.waitFor({ state: 'visible' });
    assert.match(await dialog.innerText(), new RegExp(`Delete the conversation “${OKAPI}”\\?`));
    await screenshot(page, 'history-3-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await item.waitFor({ state: 'detached' });
    assert.equal(savedConversation(id), undefined, 'the file is gone');
    await historyItem(page, RENAMED).waitFor();
    // It was the open conversation: the view starts a new one.
    await webviewFrame(page).locator('.empty-state').waitFor({ state: 'visible' });
  });
});
