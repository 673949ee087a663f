// Links in a reply open through the extension host (vscode.env.openExternal):
// VS Code asks before opening an external site, and the webview itself never
// navigates. The simulator quotes the question in its reply, so a URL in the
// question comes back as a (linkified) link in the answer.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { lastTurn, newChat, replyBody, sendMessage, waitForReplyEnd } from './support/chat';
import { closeWorkbench, openWorkbench, screenshot, webviewFrame } from './support/workbench';

const URL_IN_REPLY = 'https://example.com/parley-docs';

describe('Chat view: links', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(() => closeWorkbench(page));

  it('a link in a reply opens through VS Code, which asks before opening the site', async () => {
    assert.ok(page);
    await newChat(page);
    await sendMessage(page, `Explain what ${URL_IN_REPLY} says`);
    const turn = lastTurn(page);
    await waitForReplyEnd(turn);
    const link = replyBody(turn).locator(`a[data-href="${URL_IN_REPLY}"]`);
    assert.equal(await link.innerText(), URL_IN_REPLY);
    assert.equal(await link.getAttribute('href'), null, 'the webview has nothing to navigate to');
    const popups: string[] = [];
    page.context().on('page', (opened) => popups.push(opened.url()));
    await link.click();
    // VS Code's own "open external website" confirmation, in the workbench (not in the webview).
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible' });
    assert.match(await dialog.innerText(), /example\.com\/parley-docs/);
    await screenshot(page, 'link-confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(popups, [], 'nothing opened after Cancel');
    // The chat view is still there: the click did not navigate the webview.
    await webviewFrame(page).locator('textarea.composer-input').waitFor({ state: 'visible' });
    assert.equal(await replyBody(turn).locator(`a[data-href="${URL_IN_REPLY}"]`).count(), 1);
  });
});
