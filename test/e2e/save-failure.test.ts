// Nothing lost when saving fails: with the conversations folder on a full disk
// (a 2 MB tmpfs mounted over it, filled up), a new turn and a new conversation
// show a banner "Not saved: disk full — retrying" and one VS Code warning;
// once there is room again the retries save both, the banner goes away, no
// temp file is left, and after a reload both conversations are in the history.
// Needs root on Linux (mount); skipped where mounting is not permitted.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { chatInput, historyItem, lastTurn, newChat, openHistory, sendMessage, waitForReplyEnd } from './support/chat';
import { harness } from './support/harness';
import { PARLEY_EXTENSION_ID } from './support/network-guard';
import { closeWorkbench, openWorkbench, reloadWorkbench, runCommand, screenshot, webviewFrame } from './support/workbench';

function conversationsDir(): string {
  return path.join(harness().server.dataDir, 'user', 'User', 'globalStorage', PARLEY_EXTENSION_ID, 'conversations');
}

/** Fills the file system of `dir` to the last byte. */
function fillUp(file: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    const chunk = Buffer.alloc(64 * 1024, 1);
    for (;;) fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

function savedPrompts(dir: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const data = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { conversation: { title: string; turns: { prompt: string }[] } };
    found.set(data.conversation.title, data.conversation.turns.map((t) => t.prompt));
  }
  return found;
}

describe('Chat view: saving fails (disk full)', () => {
  let page: Page | undefined;
  let mounted: string | undefined;
  before(function () {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) this.skip();
  });
  after(async () => {
    await closeWorkbench(page);
    if (mounted) execFileSync('umount', [mounted]);
  });

  it('shows a banner and one warning, keeps the chat in memory, saves it once there is room, and nothing is lost after a reload', async function () {
    this.timeout(240_000);
    page = await openWorkbench();
    await newChat(page);
    const dir = conversationsDir();
    fs.mkdirSync(dir, { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0700', 'tmpfs', dir], { stdio: 'ignore' });
    } catch {
      this.skip();
    }
    mounted = dir;
    const filler = path.join(dir, 'filler.bin');
    fillUp(filler);

    const frame = webviewFrame(page);
    const banner = frame.locator('.save-banner');
    const first = 'Explain how a full disk is handled (first)';
    await sendMessage(page, first);
    await waitForReplyEnd(lastTurn(page));
    await banner.locator('.save-banner-text', { hasText: 'Not saved: disk full — retrying' }).waitFor({ timeout: 30_000 });
    await banner.getByRole('button', { name: 'Retry' }).waitFor();
    await banner.getByRole('button', { name: 'Export as Markdown' }).waitFor();
    await screenshot(page, 'save-failure-banner');

    // A new conversation while the disk is still full: its own banner, no second warning.
    await newChat(page);
    await banner.waitFor({ state: 'hidden' });
    const second = 'Explain how a full disk is handled (second)';
    await sendMessage(page, second);
    await waitForReplyEnd(lastTurn(page));
    await banner.locator('.save-banner-text', { hasText: 'Not saved: disk full — retrying' }).waitFor({ timeout: 30_000 });
    // The warning's toast may have timed out meanwhile; the notification center keeps it.
    await runCommand(page, 'Notifications: Show Notifications');
    const warnings = page.locator('.notifications-center .notification-list-item', { hasText: 'could not save the conversation' });
    await warnings.first().waitFor({ state: 'visible' });
    assert.equal(await warnings.count(), 1, 'one warning for the spell of failures');
    assert.match(await warnings.first().innerText(), /Not saved: disk full/);
    assert.deepEqual(fs.readdirSync(dir), ['filler.bin'], 'nothing written, no temp file left');
    // The first conversation, left for the second, is still reachable: listed from memory, flagged.
    await openHistory(page);
    await historyItem(page, first).filter({ hasText: 'not saved yet' }).waitFor();

    // Room again: the retries (backoff, no click) save both conversations and the banner goes away.
    fs.rmSync(filler);
    await banner.waitFor({ state: 'hidden', timeout: 90_000 });
    const deadline = Date.now() + 90_000;
    while (savedPrompts(dir).size < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const saved = savedPrompts(dir);
    assert.deepEqual([...saved.values()].map((prompts) => prompts.join('|')).sort(), [first, second].sort());
    assert.ok(fs.readdirSync(dir).every((name) => !name.endsWith('.tmp')), 'no temp file left');

    // A reload (new extension host) finds both in the history.
    await reloadWorkbench(page);
    await chatInput(page).waitFor({ state: 'visible', timeout: 45_000 });
    await openHistory(page);
    for (const prompt of [first, second]) await historyItem(page, prompt).waitFor();
    await screenshot(page, 'save-failure-recovered');
  });
});
