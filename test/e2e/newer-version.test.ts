// A conversation file written by a newer Parley (a higher format `version`) is
// left in place and as it is: listed in the history as "saved by a newer
// Parley", and opening it explains instead of loading (or rewriting) it. The
// same start removes a temp file left by a save that never finished.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { historyItem, openHistory, showChat } from './support/chat';
import { harness } from './support/harness';
import { PARLEY_EXTENSION_ID } from './support/network-guard';
import { closeWorkbench, notification, openWorkbench, runCommand, screenshot } from './support/workbench';

const FILE_NAME = 'from-a-newer-parley.json';
const CONTENT = `${JSON.stringify(
  {
    format: 'parley.conversation',
    version: 7,
    conversation: { id: 'from-a-newer-parley', title: 'Planned with a future Parley', createdAt: 1, updatedAt: 4_102_444_800_000, turns: [], tags: ['new'] },
  },
  null,
  2,
)}\n`;

function conversationsDir(): string {
  return path.join(harness().server.dataDir, 'user', 'User', 'globalStorage', PARLEY_EXTENSION_ID, 'conversations');
}

describe('Chat view: a conversation saved by a newer Parley', () => {
  let page: Page | undefined;
  after(async () => {
    await closeWorkbench(page);
    fs.rmSync(path.join(conversationsDir(), FILE_NAME), { force: true });
  });

  it('is listed as saved by a newer Parley, opening it explains, and its file is never moved or rewritten', async () => {
    const dir = conversationsDir();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, FILE_NAME), CONTENT);
    // Also left there: the empty temp file of a save whose process is gone (as older builds left on a full disk).
    const leftover = path.join(dir, '.some-conversation.json.999999-0badf00d.tmp');
    fs.writeFileSync(leftover, '');
    page = await openWorkbench();
    await showChat(page);
    await openHistory(page);
    const item = historyItem(page, 'Planned with a future Parley');
    await item.waitFor();
    assert.match(await item.innerText(), /saved by a newer Parley/);
    assert.equal(await item.locator('[data-history-action="historyDelete"]').count(), 0, 'nothing offered that would touch the file');
    await item.locator('[data-history-action="historyOpen"]').click();
    // The toast may come and go quickly; the notification center keeps it.
    await runCommand(page, 'Notifications: Show Notifications');
    await notification(page, 'was saved by a newer version of Parley').waitFor({ state: 'visible' });
    await screenshot(page, 'history-newer-version');
    assert.equal(fs.readFileSync(path.join(dir, FILE_NAME), 'utf8'), CONTENT, 'the file is as it was');
    assert.deepEqual(fs.readdirSync(dir).filter((name) => name.startsWith('from-a-newer-parley')), [FILE_NAME], 'not set aside as corrupt');
    const deadline = Date.now() + 30_000;
    while (fs.existsSync(leftover) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(fs.existsSync(leftover), false, 'the leftover temp file was removed at startup');
  });
});
