// Helpers for Parley's chat view (the webview's own DOM, src/webview-ui) and the
// simulator's request log. Each waits for a concrete signal.
//   await sendMessage(page, 'Explain streaming');
//   const turn = lastTurn(page);
//   await waitForReplyEnd(turn);               // footer shown = reply ended
import type { Locator, Page } from 'playwright-core';
import { harness } from './harness';
import { openParley, parleyViewlet, webviewFrame } from './workbench';

export function chatInput(page: Page): Locator {
  return webviewFrame(page).locator('textarea.composer-input');
}

/** Types `text` into the chat input and presses Enter (the view's "send" key). */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const input = chatInput(page);
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  await input.press('Enter');
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
