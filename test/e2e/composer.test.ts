// The composer's keys in the real workbench (issue 4, "Using it"): Shift+Enter
// makes a new line and sends nothing, Up in the empty input recalls the last
// prompt. (Enter sends: chat.test.ts.)
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { chatInput, lastTurn, lastUserMessage, newChat, sendMessage, showChat, simulatorRequests, turns, waitForReplyEnd, waitForSimulator } from './support/chat';
import { closeWorkbench, openWorkbench, reloadWorkbench, webviewFrame } from './support/workbench';

const TWO_LINES = 'Explain how streaming responses work\nin two short paragraphs';

describe('Composer keys', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(() => closeWorkbench(page));

  it('Shift+Enter inserts a new line and does not send', async () => {
    assert.ok(page);
    await showChat(page);
    await newChat(page);
    const before = (await simulatorRequests()).length;
    const input = chatInput(page);
    await input.click();
    await page.keyboard.type('Explain how streaming responses work');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('in two short paragraphs');
    assert.equal(await input.inputValue(), TWO_LINES, 'the text holds a line break');
    assert.equal(await turns(page).count(), 0, 'no question was added to the conversation');
    await webviewFrame(page).locator('.empty-state').waitFor({ state: 'visible' });
    // Now send with Enter: exactly one question — both lines in one message — reaches the provider.
    await page.keyboard.press('Enter');
    const turn = lastTurn(page);
    await waitForReplyEnd(turn);
    assert.equal(await turns(page).count(), 1);
    assert.equal(await turn.locator('.question-text').innerText(), TWO_LINES);
    const requests = await waitForSimulator((all) => all.length > before);
    assert.equal(requests.length, before + 1, 'Shift+Enter sent nothing of its own');
    assert.equal(lastUserMessage(requests[before]!), TWO_LINES);
  });

  it('Up in the empty composer recalls the last prompt', async () => {
    assert.ok(page);
    const input = chatInput(page);
    assert.equal(await input.inputValue(), '', 'the input was cleared by sending');
    await input.focus();
    await page.keyboard.press('ArrowUp');
    assert.equal(await input.inputValue(), TWO_LINES);
    // Recalled text is a draft: Enter sends it again as a new question.
    await page.keyboard.press('Enter');
    await turns(page).nth(1).waitFor();
    await waitForReplyEnd(lastTurn(page));
    assert.equal(await lastTurn(page).locator('.question-text').innerText(), TWO_LINES);
  });

  it('after a reload, Up recalls the last prompt of the restored conversation', async () => {
    assert.ok(page);
    await newChat(page);
    await sendMessage(page, 'Compare JSON and YAML in a table');
    await waitForReplyEnd(lastTurn(page));
    // Reload the window: the composer starts without memory, the conversation comes back from disk.
    await reloadWorkbench(page);
    // The side bar comes back with Parley's view open, showing the latest conversation.
    await chatInput(page).waitFor({ state: 'visible', timeout: 45_000 });
    await lastTurn(page).locator('.question-text', { hasText: 'Compare JSON and YAML in a table' }).waitFor();
    const input = chatInput(page);
    // The view may bring back a saved draft (webview state, not always the newest after a reload): start empty.
    await input.fill('');
    await page.keyboard.press('ArrowUp');
    assert.equal(await input.inputValue(), 'Compare JSON and YAML in a table');
  });
});
