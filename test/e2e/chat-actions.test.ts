// What users do with replies (issue 4, "Using it"): regenerate, edit and
// resend, copy a message, a code block's Insert at Cursor, an error card whose
// partial reply stays (Retry), and the history list.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { lastTurn, lastUserMessage, newChat, replyBody, sendMessage, showChat, simulatorRequests, turns, waitForReplyEnd, waitForSimulator } from './support/chat';
import { activeEditor, openFile } from './support/editor';
import { closeWorkbench, openWorkbench, screenshot, webviewFrame } from './support/workbench';

describe('Chat actions', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  after(() => closeWorkbench(page));

  it('Regenerate asks again and replaces the reply', async () => {
    assert.ok(page);
    await showChat(page);
    await newChat(page);
    await sendMessage(page, 'Hello, who are you?');
    const turn = lastTurn(page);
    await waitForReplyEnd(turn);
    const before = (await simulatorRequests()).length;
    await turn.locator('[data-turn-action="regenerate"]').click();
    await waitForSimulator((requests) => requests.length === before + 1 && requests[before]?.outcome === 'completed');
    await waitForReplyEnd(turn);
    assert.equal(await turns(page).count(), 1, 'regenerate replaces, it adds no turn');
    const request = (await simulatorRequests())[before];
    assert.ok(request);
    assert.equal(lastUserMessage(request), 'Hello, who are you?');
    assert.match(await replyBody(turn).innerText(), /simulated assistant/);
  });

  it('Edit and resend replaces the question and its reply', async () => {
    assert.ok(page);
    const turn = lastTurn(page);
    await turn.locator('[data-turn-action="edit"]').click();
    const editor = turn.locator('textarea.edit-input');
    await editor.waitFor();
    assert.equal(await editor.inputValue(), 'Hello, who are you?');
    await editor.fill('Compare REST and gRPC in a table');
    await screenshot(page, 'actions-1-edit');
    await turn.locator('[data-edit="save"]').click();
    const edited = lastTurn(page);
    await edited.locator('.question-text', { hasText: 'Compare REST and gRPC in a table' }).waitFor();
    await replyBody(edited).locator('table').waitFor();
    await waitForReplyEnd(edited);
    assert.equal(await turns(page).count(), 1, 'the edited question replaces the old one');
    const requests = await simulatorRequests();
    assert.equal(lastUserMessage(requests[requests.length - 1]!), 'Compare REST and gRPC in a table');
  });

  it('Copy puts the reply\'s markdown on the clipboard', async () => {
    assert.ok(page);
    const turn = lastTurn(page);
    await page.evaluate(`navigator.clipboard.writeText('')`);
    await turn.locator('[data-turn-action="copyReply"]').click();
    // The host writes the clipboard (vscode.env.clipboard) after a round trip: poll until it has.
    let copied = '';
    for (const deadline = Date.now() + 10_000; copied === '' && Date.now() < deadline; ) {
      copied = await page.evaluate<string>(`navigator.clipboard.readText()`);
    }
    assert.match(copied, /^## Comparison/);
    assert.match(copied, /\| REST \| simple, cacheable \| many round trips \|/);
  });

  it('a code block\'s Insert at Cursor writes the code into the editor', async () => {
    assert.ok(page);
    await openFile(page, 'sample.ts');
    // Put the cursor at the end of the file (after the last line).
    await activeEditor(page).locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await showChat(page);
    await newChat(page);
    await sendMessage(page, 'Write a function for Fibonacci numbers');
    const turn = lastTurn(page);
    await waitForReplyEnd(turn);
    const insert = replyBody(turn).locator('.code-block [data-action="insert"]').first();
    await insert.click();
    await activeEditor(page).locator('.view-lines', { hasText: 'export function fibonacci(n: number): number {' }).waitFor();
    assert.match(await activeEditor(page).locator('.view-lines').innerText(), /greet[\s\S]*fibonacci/);
    await screenshot(page, 'actions-2-insert-at-cursor');
  });

  it('a dropped connection shows an error card, keeps the partial reply and offers Retry', async () => {
    assert.ok(page);
    await newChat(page);
    await sendMessage(page, 'Explain how streaming responses work [[sim:disconnect after=8]]');
    const turn = lastTurn(page);
    const card = turn.locator('.error-card');
    await card.waitFor();
    await waitForReplyEnd(turn);
    const partial = await replyBody(turn).innerText();
    assert.match(partial, /How streaming responses work/, 'the partial reply stays');
    assert.doesNotMatch(partial, /You asked/);
    const retry = card.locator('[data-error-action="retry"]');
    await retry.waitFor();
    await screenshot(page, 'actions-3-error-card');
    const before = (await simulatorRequests()).length;
    await retry.click();
    // The marker is still in the question, so the retry is cut off again: what matters is that it was sent.
    await waitForSimulator((requests) => requests.length === before + 1);
    await turn.locator('.error-card').waitFor();
  });

  it('the history lists saved conversations and reopens one', async () => {
    assert.ok(page);
    const frame = webviewFrame(page);
    await frame.locator('[data-toolbar="history"]').click();
    const items = frame.locator('.history-list .history-item');
    await items.first().waitFor();
    assert.ok((await items.count()) >= 3, 'earlier conversations are listed');
    await screenshot(page, 'actions-4-history');
    // Search matches text, not only titles: only the conversation edited to the REST/gRPC question is left.
    await frame.locator('.history-search').fill('gRPC');
    await frame.locator('.history-list').locator('.history-item').nth(1).waitFor({ state: 'detached' });
    assert.equal(await items.count(), 1);
    await items.first().locator('[data-history-action="historyOpen"]').click();
    await lastTurn(page).locator('.question-text', { hasText: 'Compare REST and gRPC in a table' }).waitFor();
    await replyBody(lastTurn(page)).locator('table').waitFor();
  });
});
