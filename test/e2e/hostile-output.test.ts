// Untrusted model output in the real chat view: the simulator quotes each
// question in its reply, so HTML and markdown payloads in a question come back
// as model output. None may run script, load anything (the root hook fails a
// test on any non-loopback request from the webview) or add active elements;
// the question itself is shown as plain text.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { lastTurn, newChat, replyBody, sendMessage, waitForReplyEnd } from './support/chat';
import { closeWorkbench, openWorkbench, screenshot, webviewFrame } from './support/workbench';

/** Each under the simulator's 80-character quote limit, so it comes back whole. */
const PAYLOADS = [
  'Explain <img src=http://evil.example/a.png onerror=alert(1)>',
  'Explain ![pic](http://evil.example/b.png) and <script>alert(2)</script>',
  'Explain [click](javascript:alert(3)) <iframe src=http://evil.example/f>',
  'Explain <svg onload=alert(4)></svg> [x](data:text/html,<b>5</b>)',
  'Explain <style>body{background:url(http://evil.example/s)}</style>',
];

describe('Chat view: hostile model output', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(() => closeWorkbench(page));

  it('shows HTML and markdown payloads from a reply as text and inert links, never as active content', async () => {
    assert.ok(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await newChat(page);
    for (const payload of PAYLOADS) {
      await sendMessage(page, payload);
      const turn = lastTurn(page);
      await waitForReplyEnd(turn);
      assert.equal(await turn.locator('.question-text').innerText(), payload, 'the question is shown as typed');
      const body = replyBody(turn);
      const active = await body.locator('img, script, iframe, svg, style, object, embed, form, input:not([type="checkbox"]), link, meta').count();
      assert.equal(active, 0, `active elements in the reply to: ${payload}`);
      const attributes = await body.locator('*').evaluateAll((nodes) => nodes.flatMap((node) => node.getAttributeNames()));
      const handlers = attributes.filter((name) => name.startsWith('on') || name === 'href' || name === 'src' || name === 'style');
      assert.deepEqual(handlers, [], `event handler, href, src or style attributes in the reply to: ${payload}`);
    }
    const text = await replyBody(lastTurn(page)).innerText();
    assert.match(text, /<style>body\{background:url\(http:\/\/evil\.example\/s\)\}<\/style>/, 'raw HTML is shown as text');
    // The markdown image became a link the user may choose to open; the javascript: and data: links stayed text.
    const replies = webviewFrame(page).locator('.reply-body');
    assert.equal(await replies.locator('a.md-image-link[data-href="http://evil.example/b.png"]').count(), 1, 'the remote image is a link, not an image');
    assert.equal(await replies.locator('[data-href^="javascript:"], [data-href^="data:"]').count(), 0, 'no javascript: or data: link targets');
    assert.deepEqual(dialogs, [], 'no script ran');
    await screenshot(page, 'hostile-output');
  });
});
