// The chat view keeps its conversation when it is hidden and shown again (the
// host owns the state; no retainContextWhenHidden) and when it is moved to the
// secondary side bar, as VS Code lets users do with any view.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { lastTurn, newChat, sendMessage, turns, waitForReplyEnd } from './support/chat';
import { closeWorkbench, openParley, openWorkbench, runCommand, screenshot, webviewFrame } from './support/workbench';

const QUESTION = 'Explain how view placement works';

describe('Chat view: hidden, shown and moved', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(async () => {
    // View locations are remembered for the whole suite: put them back.
    if (page) await runCommand(page, 'View: Reset View Locations').catch(() => undefined);
    await closeWorkbench(page);
  });

  it('keeps the conversation when another view container hides it and Parley is shown again', async () => {
    assert.ok(page);
    await newChat(page);
    await sendMessage(page, QUESTION);
    await waitForReplyEnd(lastTurn(page));
    await page.locator('.part.activitybar').getByRole('tab', { name: /^Explorer/ }).click();
    await page.locator('.part.sidebar [id="workbench.view.explorer"]').waitFor({ state: 'visible' });
    await openParley(page);
    const question = lastTurn(page).locator('.question-text');
    await question.waitFor();
    assert.equal(await question.innerText(), QUESTION);
    assert.equal(await turns(page).count(), 1);
  });

  it('moves to the secondary side bar with "View: Move View" and shows the same conversation there', async () => {
    assert.ok(page);
    await newChat(page);
    await sendMessage(page, QUESTION);
    await waitForReplyEnd(lastTurn(page));
    await runCommand(page, 'View: Move View', { opensQuickInput: true });
    const widget = page.locator('.quick-input-widget');
    await widget.getByRole('option', { name: /^Chat, Side Bar \/ Parley/ }).click();
    const destination = widget.getByRole('option', { name: /Secondary Side Bar/ }).first();
    await destination.waitFor();
    await destination.click();
    await widget.waitFor({ state: 'hidden' });
    const auxiliaryBar = page.locator('.part.auxiliarybar');
    // The moved view's pane (its header is hidden: it is the only view of its new container).
    await auxiliaryBar.locator('.pane', { has: page.locator('.view-parley-chatView') }).locator('.pane-body').waitFor({ state: 'visible' });
    await page.locator('.part.sidebar .view-parley-chatView').waitFor({ state: 'detached' });
    const question = lastTurn(page).locator('.question-text');
    await question.waitFor();
    assert.equal(await question.innerText(), QUESTION);
    // The composer works from there too.
    await webviewFrame(page).locator('textarea.composer-input').waitFor({ state: 'visible' });
    await screenshot(page, 'chat-secondary-side-bar');
  });
});
