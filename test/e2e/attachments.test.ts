// Code context in the chat: Add Selection (editor context menu) and `#` make
// chips in the composer without sending; the chips travel as fenced blocks in
// the request; a removed chip does not; the budget meter disables Send over the
// limit; Regenerate after a reload sends the same attachments; a hostile file
// is shown as inert text; the export holds the attachments.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  chatInput,
  lastTurn,
  lastUserMessage,
  newChat,
  simulatorRequests,
  turns,
  waitForReplyEnd,
  waitForSimulator,
} from './support/chat';
import { chooseMenuItem, openEditorContextMenu, openFile, selectLines, selectionStatus } from './support/editor';
import { harness } from './support/harness';
import {
  closeWorkbench,
  modalDialog,
  openWorkbench,
  parleyViewlet,
  quickInput,
  reloadWorkbench,
  runCommand,
  screenshot,
  waitForInputBox,
  webviewFrame,
} from './support/workbench';

const SELECTED_CODE = 'export function greet(name: string): string {';
const COUNTER_CODE = 'export function placeholder(): number {';

function chips(page: Page) {
  return webviewFrame(page).locator('.chips .chip[data-chip-id]');
}

function meter(page: Page) {
  return webviewFrame(page).locator('.meter');
}

/** Sends what is in the composer with Enter; resolves once the new turn's reply has ended and its request is logged. */
async function sendAndWait(page: Page, text: string): Promise<string> {
  const before = (await simulatorRequests()).length;
  const count = await turns(page).count();
  await chatInput(page).fill(text);
  await chatInput(page).press('Enter');
  await turns(page).nth(count).waitFor();
  await waitForReplyEnd(lastTurn(page));
  const requests = await waitForSimulator((r) => r.length > before);
  return lastUserMessage(requests[requests.length - 1]!);
}

/** Attaches a workspace file with `#` in the composer and the quick pick it opens. */
async function attachWithHash(page: Page, fileName: string): Promise<void> {
  const count = await chips(page).count();
  await chatInput(page).focus();
  await chatInput(page).press('#');
  const input = await waitForInputBox(page, 'Attach a File to Parley Chat');
  await input.fill(fileName);
  await quickInput(page).getByRole('option', { name: new RegExp(`^${fileName.replace('.', '\\.')}`) }).first().waitFor();
  await input.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
  await chips(page).nth(count).waitFor();
}

describe('Attachments and the budget meter', () => {
  let page: Page | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(async () => {
    fs.rmSync(path.join(harness().workspace, 'big.ts'), { force: true });
    await closeWorkbench(page);
  });

  it('right-click → Add Selection to Parley Chat makes a chip without sending; Send carries the code to the simulator', async () => {
    assert.ok(page);
    await openFile(page, 'sample.ts');
    await selectLines(page, 2, 4);
    const requestsBefore = (await simulatorRequests()).length;
    const menu = await openEditorContextMenu(page);
    await chooseMenuItem(page, menu.getByRole('menuitem', { name: 'Add Selection to Parley Chat' }));
    await parleyViewlet(page).waitFor({ state: 'visible' });
    const chip = chips(page).first();
    await chip.waitFor();
    assert.match(await chip.innerText(), /sample\.ts[\s\S]*lines 2–4/);
    assert.equal(await chip.getAttribute('title'), 'sample.ts · lines 2–4');
    assert.equal((await simulatorRequests()).length, requestsBefore, 'nothing was sent');
    await newChat(page); // the chips belong to the draft, not to a conversation
    await chip.waitFor();
    await chatInput(page).fill('What does greet return?');
    await meter(page).filter({ hasText: /≈ \d+ \/ 6,144 tokens/ }).waitFor();
    const sent = await sendAndWait(page, 'What does greet return?');
    assert.ok(sent.includes('```typescript sample.ts:2-4\n'), `fenced with language, path and lines:\n${sent}`);
    assert.ok(sent.includes(SELECTED_CODE), sent);
    assert.ok(sent.endsWith('What does greet return?'), 'the question comes after the code');
    assert.equal(await chips(page).count(), 0, 'the chip went with the question');
    const shown = lastTurn(page).locator('.question-attachments details.attachment');
    assert.equal(await shown.getAttribute('open'), null, 'collapsed in the bubble');
    await shown.locator('summary').click();
    assert.ok((await shown.locator('pre code').innerText()).includes(SELECTED_CODE));
  });

  it('# picks a workspace file; removing a chip removes it from the request', async () => {
    assert.ok(page);
    await newChat(page);
    await attachWithHash(page, 'counter.ts');
    await attachWithHash(page, 'sample.ts');
    assert.equal(await chatInput(page).inputValue(), '', 'the # opened the picker instead of being typed');
    await chips(page).filter({ hasText: 'sample.ts' }).getByRole('button', { name: 'Remove sample.ts' }).click();
    await chips(page).filter({ hasText: 'sample.ts' }).waitFor({ state: 'detached' });
    const sent = await sendAndWait(page, 'Explain the attached file');
    assert.ok(sent.includes('```typescript counter.ts\n'), sent);
    assert.ok(sent.includes(COUNTER_CODE), sent);
    assert.ok(!sent.includes(SELECTED_CODE), 'the removed chip was not sent');
  });

  it('the meter reaches the limit: Send is disabled and the meter says what to do', async () => {
    assert.ok(page);
    await newChat(page);
    // sim-local: no contextWindow and no preset for its server → 8,192 tokens, 2,048 kept for the reply.
    await chatInput(page).fill('x'.repeat(6144 * 4));
    await meter(page).filter({ hasText: '6,144 / 6,144 tokens' }).waitFor();
    const send = webviewFrame(page).locator('[data-composer="send"]');
    assert.equal(await send.isDisabled(), false, 'exactly the limit may be sent');
    await chatInput(page).press('End');
    await chatInput(page).pressSequentially('yyyy');
    await meter(page).filter({ hasText: /6,145 \/ 6,144 tokens[\s\S]*1 over the limit: shorten the question/ }).waitFor();
    assert.equal(await send.isDisabled(), true);
    await screenshot(page, 'attachments-meter-over');
    const count = await turns(page).count();
    await chatInput(page).press('Enter');
    // Enter does not send either: shorten, and Send comes back.
    await chatInput(page).fill('short');
    await meter(page).filter({ hasText: /≈ 2 \/ 6,144 tokens/ }).waitFor();
    assert.equal(await send.isDisabled(), false);
    assert.equal(await turns(page).count(), count, 'nothing was sent while over the limit');
    await chatInput(page).fill('');
  });

  it('Regenerate after a reload sends the same attachments', async () => {
    assert.ok(page);
    await newChat(page);
    await attachWithHash(page, 'counter.ts');
    const first = await sendAndWait(page, 'Regenerate me with the file');
    assert.ok(first.includes(COUNTER_CODE));
    // The README's picture: the sent attachment opened in the bubble, a new chip and the meter (which now counts the turn).
    await lastTurn(page).locator('.question-attachments summary').click();
    await openFile(page, 'sample.ts');
    await selectLines(page, 2, 4);
    await page.keyboard.press('Control+Alt+U');
    await chips(page).filter({ hasText: 'sample.ts' }).waitFor();
    await chatInput(page).fill('And how would greet use it?');
    await meter(page).filter({ hasText: '1 earlier turn(s) sent' }).waitFor();
    await screenshot(page, 'attachments-chips-and-meter');
    await reloadWorkbench(page);
    // The side bar comes back with Parley's view open (clicking its activity bar item now would close it).
    await chatInput(page).waitFor({ state: 'visible', timeout: 45_000 });
    const turn = lastTurn(page);
    await turn.locator('.question-text', { hasText: 'Regenerate me with the file' }).waitFor();
    const before = (await simulatorRequests()).length;
    await turn.hover();
    await turn.getByRole('button', { name: 'Regenerate' }).click();
    const requests = await waitForSimulator((r) => r.length > before);
    assert.equal(lastUserMessage(requests[requests.length - 1]!), first, 'the same message, attachment included');
    await waitForReplyEnd(lastTurn(page));
  });

  it('a file holding <img onerror> and </script> shows as inert text; the export holds the attachments', async () => {
    assert.ok(page);
    await newChat(page);
    await openFile(page, 'hostile.html');
    await runCommand(page, 'Parley: Add File to Parley Chat');
    await chips(page).filter({ hasText: 'hostile.html' }).waitFor();
    await sendAndWait(page, 'Is this file safe?');
    const block = lastTurn(page).locator('.question-attachments details.attachment');
    await block.locator('summary').click();
    const text = await block.locator('pre code').innerText();
    assert.ok(text.includes('<img src=x onerror=') && text.includes('</script><script>'), text);
    assert.equal(await webviewFrame(page).locator('.question img, .question script').count(), 0);
    assert.doesNotMatch(await page.title(), /pwned/);
    await screenshot(page, 'attachments-hostile-inert');

    await runCommand(page, 'Parley: Export Chat as Markdown', { opensQuickInput: true });
    const input = await waitForInputBox(page);
    await page.waitForFunction(`/parley-chat-[^/]*\\.md$/.test(document.querySelector('.quick-input-widget input.input')?.value ?? '')`);
    const target = await input.inputValue();
    await input.press('Enter');
    await quickInput(page).waitFor({ state: 'hidden' });
    for (let i = 0; !fs.existsSync(target); i++) {
      assert.ok(i < 300, `the export ${target} was not written`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const markdown = fs.readFileSync(target, 'utf8');
    assert.match(markdown, /## You\n\nIs this file safe\?\n\n\*\*Attached:\*\* `hostile\.html`\n\n```html hostile\.html\n<!-- A file whose text/);
    assert.ok(markdown.includes('</script><script>'), markdown);
    fs.rmSync(target);
  });

  it('an editor command whose selection is over the budget offers the lines that fit, or Cancel — before anything is sent', async () => {
    assert.ok(page);
    await newChat(page);
    // ~80,000 characters: far over sim-local's 6,144 tokens.
    const lines = Array.from({ length: 2000 }, (_, i) => `export const line${i + 1} = ${i + 1}; // padding padding padding`);
    fs.writeFileSync(path.join(harness().workspace, 'big.ts'), `${lines.join('\n')}\n`);
    await openFile(page, 'big.ts');
    await activeEditorSelectAll(page);
    const before = (await simulatorRequests()).length;

    await runCommand(page, 'Parley: Explain Selection');
    const dialog = modalDialog(page);
    await dialog.waitFor({ state: 'visible' });
    const question = await dialog.innerText();
    const match = /Send only lines 1–(\d+) of lines 1–2000, the part that fits\?/.exec(question);
    assert.ok(match, question);
    const sentEnd = Number(match[1]);
    assert.ok(sentEnd > 100 && sentEnd < 2000, question);
    await screenshot(page, 'attachments-command-offer');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await simulatorRequests()).length, before, 'Cancel sends nothing');

    await runCommand(page, 'Parley: Explain Selection');
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: `Send Lines 1–${sentEnd}` }).click();
    const turn = lastTurn(page);
    await turn.locator('.note', { hasText: `You chose to send lines 1–${sentEnd} of the selection (lines 1–2000)` }).waitFor();
    await waitForReplyEnd(turn);
    const requests = await waitForSimulator((r) => r.length > before);
    const sent = lastUserMessage(requests[requests.length - 1]!);
    assert.ok(sent.includes(`\`\`\`typescript big.ts:1-${sentEnd}\n`), sent.slice(0, 300));
    assert.ok(sent.includes(`${lines[sentEnd - 1]}\n\`\`\``), 'the last line that fits, whole');
    assert.ok(!sent.includes(lines[sentEnd]!), 'nothing after it');
    assert.ok(sent.includes(`Only lines 1-${sentEnd} of the selection, which ends at line 2000, are included`));
  });
});

/** Selects the whole document of the active editor (Ctrl+A) and waits for the status bar to report it. */
async function activeEditorSelectAll(page: Page): Promise<void> {
  await page.locator('.part.editor .editor-instance .monaco-editor .view-lines').filter({ visible: true }).first().click();
  await page.keyboard.press('Control+A');
  await selectionStatus(page).waitFor();
}
