// A conversation file that cannot be read (here: cut-off JSON in Parley's
// global storage, as a crash of another program might leave it) is set aside
// and reported; the chat view still opens and the other conversations stay.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { lastTurn, newChat, sendMessage, waitForReplyEnd } from './support/chat';
import { harness } from './support/harness';
import { PARLEY_EXTENSION_ID } from './support/network-guard';
import { closeWorkbench, openParley, openWorkbench, runCommand, screenshot, webviewFrame } from './support/workbench';

function conversationsDir(): string {
  return path.join(harness().server.dataDir, 'user', 'User', 'globalStorage', PARLEY_EXTENSION_ID, 'conversations');
}

async function waitForFile(dir: string, predicate: (name: string) => boolean): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = fs.existsSync(dir) ? fs.readdirSync(dir).find(predicate) : undefined;
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching file in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Chat view: an unreadable conversation file', () => {
  const pages: Page[] = [];
  after(async () => {
    for (const page of pages) await closeWorkbench(page);
  });

  it('is set aside and reported; the view opens and the other conversations are still listed', async () => {
    const first = await openWorkbench();
    pages.push(first);
    await newChat(first);
    const question = 'Explain how the conversation store works';
    await sendMessage(first, question);
    await waitForReplyEnd(lastTurn(first));
    const dir = conversationsDir();
    await waitForFile(dir, (name) => name.endsWith('.json'));
    fs.writeFileSync(path.join(dir, 'broken-conversation.json'), '{"id":"broken-conversation","title":"cut off');

    // A new window: a new extension host reads the store from scratch.
    const second = await openWorkbench();
    pages.push(second);
    await openParley(second);
    // Reported in the view (the notice waits for the page to be ready) and as a VS Code warning.
    const frame = webviewFrame(second);
    await frame.locator('.notice', { hasText: 'could not be read' }).waitFor();
    await runCommand(second, 'Notifications: Show Notifications');
    await second.locator('.notifications-center', { hasText: 'A saved conversation could not be read (not valid JSON)' }).waitFor({ state: 'visible' });
    await screenshot(second, 'history-corrupt-file');
    const setAside = await waitForFile(dir, (name) => name.startsWith('broken-conversation.corrupt-'));
    assert.equal(fs.existsSync(path.join(dir, 'broken-conversation.json')), false, 'the unreadable file was moved');
    assert.equal(fs.readFileSync(path.join(dir, setAside), 'utf8'), '{"id":"broken-conversation","title":"cut off', 'its bytes are kept as they were');
    // The view works and the earlier conversation is still in the history.
    await frame.locator('[data-toolbar="history"]').click();
    await frame.locator('.history-list .history-item', { hasText: 'conversation store' }).first().waitFor();
    await frame.locator('textarea.composer-input').waitFor({ state: 'visible' });
  });
});
