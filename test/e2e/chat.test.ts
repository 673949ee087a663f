// The chat view as a user meets it: empty state, a question sent with Enter,
// the reply streaming in as rendered markdown, the per-reply footer, Stop.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { chatInput, lastTurn, lastUserMessage, newChat, replyBody, sendMessage, simulatorRequests, waitForReplyEnd, waitForSimulator } from './support/chat';
import { closeWorkbench, openParley, openWorkbench, screenshot, webviewFrame } from './support/workbench';

describe('Chat view', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(() => closeWorkbench(page));

  it('shows an empty state with setup buttons before the first question', async () => {
    assert.ok(page);
    await openParley(page);
    // Conversations persist on the server across browser contexts: start a new one.
    await newChat(page);
    const empty = webviewFrame(page).locator('.empty-state');
    await empty.waitFor({ state: 'visible' });
    assert.equal(await empty.locator('h2').innerText(), 'Welcome to Parley');
    await empty.locator('[data-setup-action="manageProviders"]').waitFor();
    await empty.locator('[data-setup-action="setApiKey"]').waitFor();
    await screenshot(page, 'chat-1-empty-state');
  });

  it('sends a question with Enter and streams the reply in as rendered markdown', async () => {
    assert.ok(page);
    const question = 'Explain how streaming responses work';
    await sendMessage(page, question);
    const turn = lastTurn(page);
    assert.equal(await turn.locator('.question-text').innerText(), question);
    // The simulator's "explain" answer: a heading, a table and a TypeScript code block.
    const body = replyBody(turn);
    await body.locator('h2', { hasText: 'How streaming responses work' }).waitFor();
    await body.locator('table').waitFor();
    await body.locator('.code-block pre code').waitFor();
    await waitForReplyEnd(turn);
    assert.equal(await chatInput(page).inputValue(), '', 'Enter sent the text and cleared the input');
    assert.match(await body.locator('em').last().innerText(), /You asked: “Explain how streaming responses work”/);
    const footer = await turn.locator('.reply-footer').innerText();
    assert.match(footer, /Simulator \(no key\)/);
    assert.match(footer, /sim-model/);
    assert.match(footer, /\d+ in · \d+ out · \d+ total tokens/, 'the sandbox profile asks for usage and shows it');
    const requests = await simulatorRequests();
    const last = requests[requests.length - 1];
    assert.ok(last);
    assert.equal(last.path, '/local/v1/chat/completions');
    assert.equal(lastUserMessage(last), question);
    await screenshot(page, 'chat-2-reply-rendered');
  });

  it('Stop ends a slow reply mid-stream and keeps the partial text', async () => {
    assert.ok(page);
    await newChat(page);
    await sendMessage(page, 'Explain how streaming responses work [[sim:slow ms=250]]');
    const turn = lastTurn(page);
    const stop = webviewFrame(page).locator('[data-composer="stop"]');
    await stop.waitFor({ state: 'visible' });
    // Some rendered markdown has arrived (the heading, then bold text), the reply is still streaming.
    await replyBody(turn).locator('h2').waitFor();
    await replyBody(turn).locator('strong', { hasText: 'piece by piece' }).waitFor();
    await turn.locator('.answer[aria-busy="true"]').waitFor();
    await screenshot(page, 'chat-3-streaming');
    await stop.click();
    await turn.locator('.reply-status', { hasText: 'Stopped' }).waitFor();
    await waitForSimulator((requests) => requests[requests.length - 1]?.outcome === 'aborted');
    const partial = await replyBody(turn).innerText();
    assert.match(partial, /^How streaming responses work\s+A streamed reply arrives piece by piece/, `the partial reply stays: ${JSON.stringify(partial)}`);
    assert.doesNotMatch(partial, /You asked/, 'the reply was cut before its end');
    await webviewFrame(page).locator('[data-composer="send"]').waitFor({ state: 'visible' });
    assert.equal(await stop.isVisible(), false, 'Stop turns back into Send');
    // Nothing more arrives after the request was aborted.
    assert.equal(await replyBody(turn).innerText(), partial);
    await screenshot(page, 'chat-4-stopped');
  });
});
