// The chat view with the keyboard alone and for screen readers (issue 4,
// "Rendering": keyboard reachable; streaming text announced politely).
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { focusedInChat, lastTurn, newChat, showChat, turns, waitForChatFocus, waitForReplyEnd } from './support/chat';
import { activeEditor, openFile } from './support/editor';
import { closeWorkbench, openWorkbench, screenshot, webviewFrame } from './support/workbench';

describe('Keyboard and screen readers', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(() => closeWorkbench(page));

  it('Ctrl+Alt+J puts the cursor in the composer; Tab reaches the paperclip, then Send, Enter sends; Stop takes the focus and Enter stops', async () => {
    assert.ok(page);
    await showChat(page);
    await newChat(page);
    // Start from the editor: everything below is keys only.
    await openFile(page, 'sample.ts');
    await activeEditor(page).locator('.view-lines').click();
    assert.equal(await focusedInChat(page), 'outside');
    await page.keyboard.press('Control+Alt+J');
    await waitForChatFocus(page, 'composer-input');
    await page.keyboard.type('Explain how streaming responses work [[sim:slow ms=200]]');
    await page.keyboard.press('Tab');
    await waitForChatFocus(page, 'attach');
    await page.keyboard.press('Tab');
    await waitForChatFocus(page, 'send');
    await page.keyboard.press('Enter');
    const turn = lastTurn(page);
    await turn.locator('.answer[aria-busy="true"]').waitFor();
    // Send turned into Stop while the reply streams, and the focus went with it.
    await waitForChatFocus(page, 'stop');
    await turn.locator('.reply-body h2').waitFor();
    await page.keyboard.press('Enter');
    await turn.locator('.reply-status', { hasText: 'Stopped' }).waitFor();
    await waitForChatFocus(page, 'send');
  });

  it('Shift+Tab walks back from the composer through the reply\'s buttons to the toolbar; Enter on New Chat starts over', async () => {
    assert.ok(page);
    await page.keyboard.press('Shift+Tab');
    await waitForChatFocus(page, 'attach');
    await page.keyboard.press('Shift+Tab');
    await waitForChatFocus(page, 'composer-input');
    const passed: string[] = [];
    for (let presses = 0; presses < 60 && (await focusedInChat(page)) !== 'newChat'; presses++) {
      await page.keyboard.press('Shift+Tab');
      passed.push(await focusedInChat(page));
    }
    assert.equal(passed.at(-1), 'newChat', `New Chat was not reached with Shift+Tab; passed: ${passed.join(', ')}`);
    for (const stop of ['regenerate', 'copyReply', 'copyQuestion', 'edit', 'history']) {
      assert.ok(passed.includes(stop), `${stop} is reachable with the keyboard; passed: ${passed.join(', ')}`);
    }
    assert.ok(!passed.includes('outside') && !passed.includes('body'), `the focus stayed in the view: ${passed.join(', ')}`);
    await screenshot(page, 'keyboard-1-toolbar-focus');
    await page.keyboard.press('Enter');
    await turns(page).first().waitFor({ state: 'detached' });
    await webviewFrame(page).locator('.empty-state').waitFor({ state: 'visible' });
  });

  it('the conversation is a polite live region; the start and the end of a reply are announced', async () => {
    assert.ok(page);
    const frame = webviewFrame(page);
    const log = frame.locator('main.messages');
    assert.equal(await log.getAttribute('role'), 'log');
    assert.equal(await log.getAttribute('aria-live'), 'polite');
    const announcer = frame.locator('[role="status"][aria-live="polite"]');
    await frame.locator('textarea.composer-input').fill('Hello, who are you? [[sim:slow ms=100]]');
    await frame.locator('textarea.composer-input').press('Enter');
    const turn = lastTurn(page);
    await turn.locator('.answer[aria-busy="true"]').waitFor();
    await frame.locator('[role="status"][aria-live="polite"]', { hasText: 'Parley is answering.' }).waitFor({ state: 'attached' });
    await waitForReplyEnd(turn);
    await frame.locator('[role="status"][aria-live="polite"]', { hasText: 'Parley has answered.' }).waitFor({ state: 'attached' });
    assert.equal(await announcer.innerText(), 'Parley has answered.');
  });
});
