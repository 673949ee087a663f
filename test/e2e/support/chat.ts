// Helpers for Parley's chat view (the webview's own DOM, src/webview-ui) and the
// simulator's request log. Each waits for a concrete signal.
//   await sendMessage(page, 'Explain streaming');
//   const turn = lastTurn(page);
//   await waitForReplyEnd(turn);               // footer shown = reply ended
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { harness } from './harness';
import { PARLEY_EXTENSION_ID } from './network-guard';
import { closeWorkbench, openParley, parleyViewlet, webviewFrame } from './workbench';

export function chatInput(page: Page): Locator {
  return webviewFrame(page).locator('textarea.composer-input');
}

/**
 * Types `text` into the chat input, presses Enter (the view's "send" key) and
 * waits for the question's own turn: until then lastTurn() would still be the
 * previous one (whose reply may already have ended).
 */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const input = chatInput(page);
  await input.waitFor({ state: 'visible' });
  const before = await turns(page).count();
  await input.fill(text);
  await input.press('Enter');
  await turns(page).nth(before).waitFor();
}

export function turns(page: Page): Locator {
  return webviewFrame(page).locator('article.turn');
}

export function lastTurn(page: Page): Locator {
  return turns(page).last();
}

/** The rendered reply text (markdown HTML) of a turn. */
export function replyBody(turn: Locator): Locator {
  return turn.locator('.answer .reply-body');
}

/** A reply has ended (done, stopped or failed) once it is no longer busy. */
export async function waitForReplyEnd(turn: Locator): Promise<void> {
  await turn.locator('.answer[aria-busy="false"]').waitFor();
}

/** Opens Parley's view unless it is showing, then waits for the chat input. */
export async function showChat(page: Page): Promise<void> {
  if (!(await parleyViewlet(page).isVisible())) await openParley(page);
  await chatInput(page).waitFor({ state: 'visible' });
}

/** Starts a new, empty conversation with the view's toolbar button. */
export async function newChat(page: Page): Promise<void> {
  await showChat(page);
  await webviewFrame(page).locator('[data-toolbar="newChat"]').click();
  await turns(page).first().waitFor({ state: 'detached' });
}

export interface SimulatedRequest {
  method: string;
  path: string;
  body: unknown;
  outcome?: string;
}

function simulatorUrl(): string {
  const url = harness().simulatorUrl;
  if (!url) throw new Error('the UI suite needs the simulator (test/simulator/main.ts)');
  return url;
}

/** What reached the simulator so far (its `/__sim/requests` log). */
export async function simulatorRequests(): Promise<SimulatedRequest[]> {
  const response = await fetch(`${simulatorUrl()}/__sim/requests`);
  const body = (await response.json()) as SimulatedRequest[] | { requests: SimulatedRequest[] };
  return Array.isArray(body) ? body : body.requests;
}

/** The text of the last user message of a recorded chat request. */
export function lastUserMessage(request: SimulatedRequest): string {
  const body = request.body as { messages?: { role: string; content: string }[] } | undefined;
  const users = (body?.messages ?? []).filter((m) => m.role === 'user');
  return users[users.length - 1]?.content ?? '';
}

/** Polls the simulator's log until `predicate` holds (bounded by the test's timeout). */
export async function waitForSimulator(predicate: (requests: SimulatedRequest[]) => boolean, timeoutMs = 30_000): Promise<SimulatedRequest[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const requests = await simulatorRequests();
    if (predicate(requests)) return requests;
    if (Date.now() > deadline) throw new Error(`the simulator's log did not reach the expected state:\n${JSON.stringify(requests.slice(-3), null, 1)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The line under a finished reply: provider · model · tokens · time to first token. */
export function replyFooter(turn: Locator): Locator {
  return turn.locator('.reply-footer');
}

/** A code block action button of a reply, by its accessible name ('Replace Selection', 'Apply as Diff', …). */
export function codeBlockAction(turn: Locator, label: string, block = 0): Locator {
  return replyBody(turn).locator('.code-block').nth(block).getByRole('button', { name: label, exact: true });
}

/** The provider/model picker in the view's toolbar. */
export function providerPicker(page: Page): Locator {
  return webviewFrame(page).locator('select.provider-picker');
}

/** The picker option of the suite's default profile (the key-less simulator route, test/harness/parley-settings.ts). */
export const LOCAL_PROVIDER = 'Simulator (no key) · sim-model';

/**
 * After a test file that switched profiles: the active profile is a user
 * setting shared by every window, so leave the suite's default behind, then
 * close the page. Best effort (the page may be in any state after a failure).
 */
export async function restoreProviderAndClose(page: Page | undefined): Promise<void> {
  if (page) await pickProvider(page, LOCAL_PROVIDER).catch(() => undefined);
  await closeWorkbench(page);
}

/** Chooses a provider profile in the view's picker by the option's visible text. */
export async function pickProvider(page: Page, optionText: string): Promise<void> {
  await providerPicker(page).selectOption({ label: optionText });
  // The host has made it the active profile once Parley's status bar item names it.
  await page.locator('.statusbar-item', { hasText: optionText }).waitFor();
  assert.equal(await providerPicker(page).locator('option:checked').innerText(), optionText);
}

/** The model picker next to the provider picker (shown when the active profile offers several models). */
export function modelPicker(page: Page): Locator {
  return webviewFrame(page).locator('select.model-picker');
}

/** Chooses a model of the active profile; waits until Parley's status bar item shows `statusText` ("Label · model"). */
export async function pickModel(page: Page, model: string, statusText: string): Promise<void> {
  await modelPicker(page).selectOption(model);
  await page.locator('.statusbar-item', { hasText: statusText }).waitFor();
  assert.equal(await modelPicker(page).inputValue(), model);
}

/** Opens the history list with the toolbar button (unless it is open already). */
export async function openHistory(page: Page): Promise<Locator> {
  const frame = webviewFrame(page);
  const panel = frame.locator('.history-panel');
  if (!(await panel.isVisible())) await frame.locator('[data-toolbar="history"]').click();
  await panel.waitFor({ state: 'visible' });
  return panel;
}

/** The history entry whose title is exactly `title`. */
export function historyItem(page: Page, title: string): Locator {
  return webviewFrame(page)
    .locator('.history-list .history-item')
    .filter({ has: webviewFrame(page).locator('.history-title', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) });
}

/** What has the keyboard focus inside the chat view: its data-* role, else its accessible name, else its tag. */
export async function focusedInChat(page: Page): Promise<string> {
  // Runs in the webview's page; the test code is compiled without the DOM types, hence the small shapes.
  interface Focusable {
    dataset: Record<string, string | undefined>;
    classList: { contains(name: string): boolean };
    tagName: string;
    getAttribute(name: string): string | null;
  }
  interface Body {
    ownerDocument: { hasFocus(): boolean; activeElement: Focusable | null; body: unknown };
  }
  return webviewFrame(page)
    .locator('body')
    .evaluate((body: Body) => {
      const doc = body.ownerDocument;
      // The page keeps its activeElement while the workbench has the focus: ask whether it has it.
      if (!doc.hasFocus()) return 'outside';
      const el = doc.activeElement;
      if (!el || el === doc.body) return 'body';
      const data = el.dataset;
      const role = data.composer ?? data.toolbar ?? data.turnAction ?? data.action ?? data.historyAction;
      if (role) return role;
      if (el.classList.contains('composer-input')) return 'composer-input';
      return el.getAttribute('aria-label') ?? el.tagName.toLowerCase();
    });
}

/** Waits until the element described by `focusedInChat` is `expected`. */
export async function waitForChatFocus(page: Page, expected: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let current = await focusedInChat(page);
  while (current !== expected) {
    if (Date.now() > deadline) throw new Error(`expected the focus on ${expected} in the chat view, it is on ${current}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    current = await focusedInChat(page);
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A conversation file as Parley saved it in its global storage (on the code-server machine = here). */
export function savedConversation(id: string): { title: string; turns: { prompt: string }[] } | undefined {
  const file = path.join(harness().server.dataDir, 'user', 'User', 'globalStorage', PARLEY_EXTENSION_ID, 'conversations', `${id}.json`);
  if (!fs.existsSync(file)) return undefined;
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { conversation: { title: string; turns: { prompt: string }[] } }).conversation;
}
