// A reply's code-block buttons as users reach them in the editor (issue 4,
// "Using it"): Apply as Diff opens VS Code's diff editor against the active
// file, Replace Selection writes the code over the selected lines, New File
// opens an untitled editor in the block's language, Copy takes the code only.
// (Insert at Cursor: chat-actions.test.ts.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { codeBlockAction, lastTurn, newChat, replyBody, sendMessage, showChat, waitForReplyEnd } from './support/chat';
import { activeEditor, activeTab, diffEditor, editorText, languageStatus, openFile, selectLines } from './support/editor';
import { harness } from './support/harness';
import { closeWorkbench, openWorkbench, screenshot } from './support/workbench';

const FILE = 'counter.ts';
const ORIGINAL = fs.readFileSync(path.join(__dirname, 'workspace', FILE), 'utf8');
const FIRST_LINE = '// A file the code-block action tests replace and diff against.';

describe('Code block actions', () => {
  let page: Page | undefined;
  let reply: Locator | undefined;
  before(async () => {
    page = await openWorkbench();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  after(() => closeWorkbench(page));

  it('Apply as Diff opens the diff editor: the active file against it with the code in place of the selection', async () => {
    assert.ok(page);
    await openFile(page, FILE);
    await selectLines(page, 2, 4);
    await showChat(page);
    await newChat(page);
    await sendMessage(page, 'Write a function for Fibonacci numbers');
    reply = lastTurn(page);
    await waitForReplyEnd(reply);
    await replyBody(reply).locator('.code-block').first().waitFor();
    await codeBlockAction(reply, 'Apply as Diff').click();

    const diff = diffEditor(page);
    await diff.root.waitFor({ state: 'visible' });
    await activeTab(page).and(page.locator(`[aria-label*="${FILE} ↔ Parley suggestion"]`)).waitFor();
    await diff.modified.locator('.view-lines', { hasText: 'export function fibonacci(n: number): number {' }).waitFor();
    const original = await editorText(diff.original);
    const modified = await editorText(diff.modified);
    assert.match(original, /export function placeholder\(\): number \{/, 'the left side is the file as it is');
    assert.ok(modified.startsWith(FIRST_LINE), `the line outside the selection stays:\n${modified}`);
    assert.doesNotMatch(modified, /placeholder/, 'the selected lines are replaced by the code');
    assert.equal(fs.readFileSync(path.join(harness().workspace, FILE), 'utf8'), ORIGINAL, 'nothing changed on disk');
    await screenshot(page, 'code-1-apply-as-diff');
  });

  it('Replace Selection writes the code over the selected lines of the active editor', async () => {
    assert.ok(page && reply);
    await openFile(page, FILE);
    await selectLines(page, 2, 4);
    await codeBlockAction(reply, 'Replace Selection').click();
    const editor = activeEditor(page);
    await editor.locator('.view-lines', { hasText: 'export function fibonacci(n: number): number {' }).waitFor();
    const text = await editorText(editor);
    assert.ok(text.startsWith(`${FIRST_LINE}\n/** Returns the n-th Fibonacci number, iteratively. */`), `the code follows the unselected first line:\n${text}`);
    assert.doesNotMatch(text, /placeholder/, 'the selected lines are gone');
    await screenshot(page, 'code-2-replace-selection');
  });

  it('Copy puts exactly the block\'s code on the clipboard', async () => {
    assert.ok(page && reply);
    await page.evaluate(`navigator.clipboard.writeText('')`);
    await codeBlockAction(reply, 'Copy').click();
    // The host writes the clipboard (vscode.env.clipboard) after a round trip: poll until it has.
    let copied = '';
    for (const deadline = Date.now() + 10_000; copied === '' && Date.now() < deadline; ) {
      copied = await page.evaluate<string>(`navigator.clipboard.readText()`);
    }
    assert.match(copied, /^\/\*\* Returns the n-th Fibonacci number, iteratively\. \*\/\nexport function fibonacci\(n: number\): number \{\n/);
    assert.match(copied, /\n {2}return a;\n\}\n?$/);
    assert.doesNotMatch(copied, /```|Here is|Notes/, 'only the code, not the reply around it');
  });

  it('New File opens an untitled editor with the code in the block\'s language', async () => {
    assert.ok(page);
    await showChat(page);
    await newChat(page);
    // An Italian question about code: the simulator answers with a Python block.
    await sendMessage(page, 'Scrivi una funzione che conta le parole');
    const turn = lastTurn(page);
    await waitForReplyEnd(turn);
    assert.equal(await replyBody(turn).locator('.code-block-language').first().innerText(), 'python');
    await codeBlockAction(turn, 'New File').click();
    await activeTab(page).and(page.locator('[data-resource-name^="Untitled-"]')).waitFor();
    const editor = activeEditor(page);
    await editor.locator('.view-lines', { hasText: 'def conta_parole(testo: str) -> dict[str, int]:' }).waitFor();
    assert.match(await editorText(editor), /^def conta_parole[\s\S]*return conteggi\s*$/);
    await languageStatus(page).filter({ hasText: /^Python$/ }).waitFor();
    await screenshot(page, 'code-3-new-file');
  });
});
