// History is never lost: a reply that is still streaming when the window
// reloads is kept, and after the reload the chat view shows it again, marked
// interrupted, with the text that had arrived.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { chatInput, lastTurn, newChat, replyBody, sendMessage } from './support/chat';
import { closeWorkbench, openWorkbench, parleyActivityBarItem, runCommand, screenshot } from './support/workbench';

describe('Chat view: a reload mid-reply', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(() => closeWorkbench(page));

  it('keeps the partial reply and shows it marked interrupted after the window reloads', async () => {
    assert.ok(page);
    await newChat(page);
    const question = 'Explain how streaming responses work (reload) [[sim:slow ms=250]]';
    await sendMessage(page, question);
    const turn = lastTurn(page);
    // Well over a second of text has arrived (the reply is saved at most every 500 ms while it streams).
    await replyBody(turn).locator('strong', { hasText: 'piece by piece' }).waitFor();
    await turn.locator('.answer[aria-busy="true"]').waitFor();
    const before = await replyBody(turn).innerText();
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForEvent('load');
    await page.locator('.monaco-workbench').waitFor();
    await parleyActivityBarItem(page).waitFor({ timeout: 45_000 });
    // The side bar comes back with Parley's view open (clicking its activity bar item now would close it).
    await chatInput(page).waitFor({ state: 'visible', timeout: 45_000 });
    const restored = lastTurn(page);
    await restored.locator('.question-text', { hasText: 'Explain how streaming responses work (reload)' }).waitFor();
    await restored.locator('.reply-status', { hasText: 'Interrupted' }).waitFor();
    const after = await replyBody(restored).innerText();
    assert.match(after, /^How streaming responses work\s+A streamed reply arrives piece by piece/, `the partial reply is kept: ${JSON.stringify(after)}`);
    assert.doesNotMatch(after, /You asked/, 'it was cut before its end');
    assert.ok(after.length > 0 && before.length > 0);
    await screenshot(page, 'chat-interrupted-by-reload');
  });
});
