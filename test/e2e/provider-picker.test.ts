// The provider/model picker in the chat view's toolbar and the line under
// each reply (issue 4, "Using it"): the next question goes to the chosen
// profile, and its reply names provider and model, with the API's own token
// counts and the time to the first token.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { LOCAL_PROVIDER, lastTurn, modelPicker, newChat, pickModel, pickProvider, providerPicker, replyFooter, sendMessage, showChat, simulatorRequests, waitForReplyEnd, waitForSimulator, type SimulatedRequest, restoreProviderAndClose } from './support/chat';
import { answerInputBox, openWorkbench, screenshot } from './support/workbench';

const SECONDME = 'Simulator: SecondMe';
const EMMA = 'Simulator: Emma · emma-5';

/** Sends `question`, waits until its request is answered and the reply has ended; resolves with the request. */
async function ask(page: Page, question: string, whileWaiting?: () => Promise<void>): Promise<SimulatedRequest> {
  const before = (await simulatorRequests()).length;
  await sendMessage(page, question);
  await whileWaiting?.();
  const requests = await waitForSimulator((all) => all.length > before && all[before]?.outcome === 'completed');
  await waitForReplyEnd(lastTurn(page));
  return requests[before]!;
}

describe('Provider picker', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(() => restoreProviderAndClose(page));

  it('lists every configured profile with its model and marks the active one', async () => {
    assert.ok(page);
    await showChat(page);
    await newChat(page);
    const options = await providerPicker(page).locator('option').allInnerTexts();
    assert.deepEqual(options, [LOCAL_PROVIDER, EMMA, SECONDME, 'Simulator: OpenAI-compatible · sim-model']);
    assert.equal(await providerPicker(page).locator('option:checked').innerText(), LOCAL_PROVIDER);
    // This profile has a single model: there is nothing to choose, so no model picker.
    assert.equal(await modelPicker(page).isVisible(), false);
  });

  it('a reply names its provider and model, with the time to its first token', async () => {
    assert.ok(page);
    assert.equal((await ask(page, 'Hello, who are you?')).path, '/local/v1/chat/completions');
    // OpenAI-compatible profiles ask for token counts in the stream (includeUsage, default on): the line shows the API's.
    assert.match(
      await replyFooter(lastTurn(page)).innerText(),
      /^Simulator \(no key\) · sim-model · \d+ in · \d+ out · \d+ total tokens · first token \d+ ms$/,
    );
  });

  it('switching to SecondMe sends the next question there and its reply says so', async () => {
    assert.ok(page);
    await pickProvider(page, SECONDME);
    assert.equal((await ask(page, 'Hello, who are you?')).path, '/api/chat/sim-instance');
    assert.match(await replyFooter(lastTurn(page)).innerText(), /^Simulator: SecondMe · first token \d+ ms$/);
  });

  it('switching to Emma asks for its key once, then the reply shows Emma, its model and the API\'s token counts', async () => {
    assert.ok(page);
    await pickProvider(page, EMMA);
    const request = await ask(page, 'Explain how streaming responses work', async () => {
      // No key is stored for this profile in this browser yet: the workbench asks for it before the request.
      await answerInputBox(page!, 'sim-emma-key', 'API key for Simulator: Emma');
    });
    assert.equal(request.path, '/api/chat/stream');
    const footer = await replyFooter(lastTurn(page)).innerText();
    assert.match(footer, /^Simulator: Emma · emma-5 · \d+ in · \d+ out tokens · first token \d+ ms$/);
    await screenshot(page, 'provider-1-emma-reply-meta');
  });

  it('the model picker switches Emma to another model: the next request asks for it and the reply names it', async () => {
    assert.ok(page);
    const picker = modelPicker(page);
    await picker.waitFor({ state: 'visible' });
    assert.deepEqual(await picker.locator('option').allInnerTexts(), ['emma-5', 'emma-4', 'emma-3']);
    assert.equal(await picker.inputValue(), 'emma-5');
    await pickModel(page, 'emma-4', 'Simulator: Emma · emma-4');
    assert.equal(await providerPicker(page).locator('option:checked').innerText(), 'Simulator: Emma · emma-4');
    const request = await ask(page, 'Hello, who are you?');
    assert.equal((request.body as { model_key?: string }).model_key, 'emma-4');
    assert.match(await replyFooter(lastTurn(page)).innerText(), /^Simulator: Emma · emma-4 · \d+ in · \d+ out tokens · first token \d+ ms$/);
    await screenshot(page, 'provider-2-model-picker');
    // Back to Emma's default model for whatever runs next.
    await pickModel(page, 'emma-5', EMMA);
  });
});
