// Chats in editor tabs (Parley: Open Chat in Editor): each tab is its own chat
// session next to the side bar's. Two of them stream at once without mixing
// their text, a tab comes back after a window reload with its conversation,
// and editor commands go to the chat that had the focus last.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { newChat, replyBody } from './support/chat';
import { openFile, selectLines } from './support/editor';
import { closeWorkbench, editorChatFrame, openWorkbench, parleyActivityBarItem, runCommand, screenshot, sidebarChatFrame } from './support/workbench';

const input = (frame: FrameLocator) => frame.locator('textarea.composer-input');
const turnsOf = (frame: FrameLocator) => frame.locator('article.turn');

/** Sends a question from a chat page and returns its turn. */
async function ask(frame: FrameLocator, text: string): Promise<Locator> {
  await input(frame).waitFor({ state: 'visible' });
  const before = await turnsOf(frame).count();
  await input(frame).fill(text);
  await input(frame).press('Enter');
  const turn = turnsOf(frame).nth(before);
  await turn.waitFor();
  return turn;
}

/** The editor tab whose label is `title`. */
function editorTab(page: Page, title: string): Locator {
  return page.locator('.part.editor .tabs-container .tab', { hasText: title });
}

async function openChatInEditor(page: Page): Promise<FrameLocator> {
  const tabs = page.locator('.part.editor .tabs-container .tab', { hasText: 'New chat' });
  const before = await tabs.count();
  await runCommand(page, 'Parley: Open Chat in Editor');
  await tabs.nth(before).waitFor();
  const frame = editorChatFrame(page);
  await input(frame).waitFor({ state: 'visible', timeout: 45_000 });
  return frame;
}

async function closeAllEditors(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.part.editor .tabs-container .tab').first().waitFor({ state: 'detached' });
}

describe('Chats in editor tabs', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  afterEach(async () => {
    if (page) await closeAllEditors(page).catch(() => undefined);
  });
  after(() => closeWorkbench(page));

  it('Open Chat in Editor opens a chat of its own in an editor tab, also from the chat view title', async () => {
    assert.ok(page);
    await newChat(page);
    const tab = await openChatInEditor(page);
    const turn = await ask(tab, 'Explain how streaming responses work (editor tab)');
    await turn.locator('.answer[aria-busy="false"]').waitFor({ timeout: 60_000 });
    assert.match(await replyBody(turn).innerText(), /You asked: “Explain how streaming responses work \(editor tab\)”/);
    // The tab is named after its conversation; the side bar's chat did not get the question.
    await editorTab(page, 'Explain how streaming responses work (editor tab)').waitFor();
    assert.equal(await turnsOf(sidebarChatFrame(page)).count(), 0);
    await screenshot(page, 'editor-chat-1-tab');
    // The chat view's title bar offers the same command.
    await page.locator('.part.sidebar .title-actions, .part.sidebar .pane-header .actions')
      .getByRole('button', { name: 'Open Chat in Editor' }).first().click();
    await editorTab(page, 'New chat').waitFor();
    await input(editorChatFrame(page)).waitFor({ state: 'visible', timeout: 45_000 });
  });

  it('two chats stream at the same time, each reply in its own chat', async () => {
    assert.ok(page);
    await newChat(page);
    const tab = await openChatInEditor(page);
    const side = sidebarChatFrame(page);
    const first = await ask(side, 'Explain how streaming responses work (alpha) [[sim:slow ms=300]]');
    await first.locator('.answer[aria-busy="true"]').waitFor();
    const second = await ask(tab, 'Write a function in Python that adds two numbers (beta) [[sim:slow ms=150]]');
    await second.locator('.answer[aria-busy="true"]').waitFor();
    // Both are streaming now: the side bar's reply has not ended while the tab's started.
    await replyBody(second).locator('p').first().waitFor();
    assert.equal(await first.locator('.answer').getAttribute('aria-busy'), 'true', 'the first reply still streams');
    await screenshot(page, 'editor-chat-2-two-streaming');
    await first.locator('.answer[aria-busy="false"]').waitFor({ timeout: 120_000 });
    await second.locator('.answer[aria-busy="false"]').waitFor({ timeout: 120_000 });
    const a = await replyBody(first).innerText();
    const b = await replyBody(second).innerText();
    assert.match(a, /piece by piece/);
    assert.match(a, /You asked: “Explain how streaming responses work \(alpha\)”$/);
    assert.doesNotMatch(a, /beta|def |Python/, `no text of the other reply in the side bar's: ${JSON.stringify(a)}`);
    assert.match(b, /You asked: “Write a function in Python that adds two numbers \(beta\)”$/);
    assert.doesNotMatch(b, /alpha|piece by piece/, `no text of the other reply in the tab's: ${JSON.stringify(b)}`);
    assert.equal(await turnsOf(side).count(), 1);
    assert.equal(await turnsOf(tab).count(), 1);
  });

  it('a tab comes back after a window reload with its conversation', async () => {
    assert.ok(page);
    const tab = await openChatInEditor(page);
    const turn = await ask(tab, 'Explain how streaming responses work (restored tab)');
    await turn.locator('.answer[aria-busy="false"]').waitFor({ timeout: 60_000 });
    const title = 'Explain how streaming responses work (restored tab)';
    await editorTab(page, title).waitFor();
    // Through the workbench's own reload (it saves the open editors first), as a user reloads.
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForEvent('load');
    await page.locator('.monaco-workbench').waitFor();
    await parleyActivityBarItem(page).waitFor({ timeout: 45_000 });
    await editorTab(page, title).waitFor({ timeout: 45_000 });
    const restored = editorChatFrame(page);
    const again = turnsOf(restored).first();
    await again.locator('.question-text', { hasText: title }).waitFor({ timeout: 45_000 });
    assert.match(await replyBody(again).innerText(), /You asked: “Explain how streaming responses work \(restored tab\)”/);
    await screenshot(page, 'editor-chat-3-restored');
  });

  it('Explain Selection goes to the chat focused last, and reveals it', async () => {
    assert.ok(page);
    await newChat(page);
    const tab = await openChatInEditor(page);
    await input(tab).click();
    // The file opens in the tab's editor group and hides the chat tab.
    await openFile(page, 'sample.ts');
    await selectLines(page, 2, 4);
    await runCommand(page, 'Parley: Explain Selection');
    const turn = turnsOf(editorChatFrame(page)).first();
    await turn.locator('.question-text', { hasText: 'sample.ts' }).waitFor({ timeout: 45_000 });
    await turn.locator('.answer[aria-busy="false"]').waitFor({ timeout: 60_000 });
    assert.equal(await turnsOf(sidebarChatFrame(page)).count(), 0, 'the side bar got nothing');
    await screenshot(page, 'editor-chat-4-explain-in-tab');
    // Focus the side bar's chat (still open beside the editor): the next command goes there.
    await input(sidebarChatFrame(page)).click();
    // Back to the file (its tab is still open behind the chat tab); clicking an editor tab focuses no chat.
    await page.locator('.part.editor .tab[data-resource-name="sample.ts"]').click();
    await page.locator('.part.editor .tab.active[data-resource-name="sample.ts"]').waitFor();
    await selectLines(page, 2, 4);
    await runCommand(page, 'Parley: Explain Selection');
    const sideTurn = turnsOf(sidebarChatFrame(page)).first();
    await sideTurn.locator('.question-text', { hasText: 'sample.ts' }).waitFor({ timeout: 45_000 });
    await sideTurn.locator('.answer[aria-busy="false"]').waitFor({ timeout: 60_000 });
  });
});
