// Editor commands as users reach them: right-click → Explain Selection, the
// Parley submenu, and prompts from the command palette. Each reply streams into
// the chat view, which is revealed; the prompt that reached the simulator
// carries the selected code.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { lastTurn, lastUserMessage, newChat, replyBody, simulatorRequests, turns, waitForReplyEnd } from './support/chat';
import { chooseMenuItem, openEditorContextMenu, openFile, selectLines } from './support/editor';
import { closeWorkbench, openWorkbench, parleyViewlet, runCommand, screenshot } from './support/workbench';

const SELECTED_CODE = 'export function greet(name: string): string {';

async function lastPrompt(): Promise<string> {
  const requests = await simulatorRequests();
  const last = requests[requests.length - 1];
  assert.ok(last, 'a request reached the simulator');
  return lastUserMessage(last);
}

describe('Editor commands', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(() => closeWorkbench(page));

  it('right-click → Explain Selection reveals the chat and streams the explanation', async () => {
    assert.ok(page);
    await openFile(page, 'sample.ts');
    await selectLines(page, 2, 4);
    assert.equal(await parleyViewlet(page).isVisible(), false, 'the chat is not open before the command');
    const menu = await openEditorContextMenu(page);
    await menu.getByRole('menuitem', { name: 'Explain Selection' }).waitFor();
    await screenshot(page, 'explain-1-context-menu');
    await chooseMenuItem(page, menu.getByRole('menuitem', { name: 'Explain Selection' }));
    await parleyViewlet(page).waitFor({ state: 'visible' });
    const turn = lastTurn(page);
    assert.match(await turn.locator('.question-text').innerText(), /sample\.ts/);
    // The prompt holds code, so the simulator answers with its "code" reply: a code block and notes.
    await replyBody(turn).locator('.code-block').waitFor();
    await replyBody(turn).locator('h3', { hasText: 'Notes' }).waitFor();
    await waitForReplyEnd(turn);
    const prompt = await lastPrompt();
    assert.ok(prompt.includes('```typescript'), `the selection travels as a fenced typescript block:\n${prompt}`);
    assert.ok(prompt.includes(SELECTED_CODE), `the prompt carries the selected lines:\n${prompt}`);
    assert.ok(prompt.includes('sample.ts'), 'the prompt names the file');
    await screenshot(page, 'explain-2-reply');
  });

  it('shows the Parley submenu with the selection prompts', async () => {
    assert.ok(page);
    await openFile(page, 'sample.ts');
    await selectLines(page, 2, 4);
    const menu = await openEditorContextMenu(page);
    await menu.getByRole('menuitem', { name: 'Parley', exact: true }).hover();
    for (const title of ['Find Bugs', 'Refactor', 'Write Tests', 'Add Documentation', 'Ask About Selection…']) {
      await page.locator('.monaco-menu').getByRole('menuitem', { name: title, exact: true }).waitFor({ state: 'visible' });
    }
    await screenshot(page, 'explain-3-parley-submenu');
    await chooseMenuItem(page, page.locator('.monaco-menu').getByRole('menuitem', { name: 'Find Bugs', exact: true }));
    const turn = lastTurn(page);
    await turn.locator('.question-text', { hasText: 'Find Bugs' }).waitFor();
    await waitForReplyEnd(turn);
    assert.ok((await lastPrompt()).includes(SELECTED_CODE));
  });

  it('"Parley: Write Tests" from the command palette uses the selection', async () => {
    assert.ok(page);
    await newChat(page);
    await openFile(page, 'sample.ts');
    await selectLines(page, 2, 4);
    await runCommand(page, 'Parley: Write Tests');
    const turn = lastTurn(page);
    await turn.locator('.question-text', { hasText: 'Write Tests' }).waitFor();
    await replyBody(turn).locator('.code-block').waitFor();
    await waitForReplyEnd(turn);
    assert.equal(await turns(page).count(), 1);
    assert.ok((await lastPrompt()).includes(SELECTED_CODE));
    await screenshot(page, 'palette-1-write-tests');
  });

  it('"Parley: Run Prompt…" offers every prompt in a quick pick', async () => {
    assert.ok(page);
    await openFile(page, 'sample.ts');
    await selectLines(page, 2, 4);
    await runCommand(page, 'Parley: Run Prompt…', { opensQuickInput: true });
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Run Prompt' }).waitFor();
    for (const title of ['Explain Selection', 'Find Bugs', 'Refactor', 'Add Documentation']) {
      await widget.getByRole('option', { name: title }).first().waitFor();
    }
    await screenshot(page, 'palette-2-run-prompt');
    await widget.getByRole('option', { name: 'Add Documentation' }).first().click();
    const turn = lastTurn(page);
    await turn.locator('.question-text', { hasText: 'Add Documentation' }).waitFor();
    await waitForReplyEnd(turn);
    assert.ok((await lastPrompt()).includes(SELECTED_CODE));
    await screenshot(page, 'palette-3-run-prompt-reply');
  });
});
