// Helpers for UI tests against the code-server workbench. Every helper waits
// for a concrete signal (an element, a frame, a row), never for a fixed time.
//   const page = await openWorkbench();      // fresh page, Parley installed
//   await openParley(page);                   // activity bar → Parley's view
//   webviewFrame(page).locator('…')           // DOM inside Parley's chat webview
//   await runCommand(page, 'Parley: Focus Chat');
//   await screenshot(page, 'chat-open');      // .artifacts/screenshots/chat-open.png
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { CodeServer } from '../../harness/code-server';
import { REPO_ROOT } from '../../harness/versions';
import { workbenchUrl } from '../../harness/workbench-url';
import { harness } from './harness';
import { PARLEY_EXTENSION_ID, guardWebviewNetwork } from './network-guard';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, '.artifacts', 'screenshots');
/** Extensions need ~10 s after the workbench appears on this machine. */
const EXTENSIONS_UP_MS = 60_000;

/**
 * A new browser context + page showing the workbench, once Parley's contributions are up.
 * `server`: a code-server of the test's own (default: the shared one); `locale`: what a
 * language pack's NLS script sets first, for a server started with that locale.
 */
export async function openWorkbench(folder = harness().workspace, options: { server?: CodeServer; locale?: string } = {}): Promise<Page> {
  const context = await harness().browser.newContext({ viewport: { width: 1280, height: 800 } });
  guardWebviewNetwork(context);
  if (options.locale) await context.addInitScript(`globalThis._VSCODE_NLS_LANGUAGE = ${JSON.stringify(options.locale)};`);
  const page = await context.newPage();
  await page.goto(workbenchUrl(options.server ?? harness().server, folder));
  await page.locator('.monaco-workbench').waitFor();
  await parleyActivityBarItem(page).waitFor({ timeout: EXTENSIONS_UP_MS });
  return page;
}

/** Reloads the window (a new extension host starts); resolves once Parley's contributions are up again. */
export async function reloadWorkbench(page: Page): Promise<void> {
  await page.reload();
  await page.locator('.monaco-workbench').waitFor();
  await parleyActivityBarItem(page).waitFor({ timeout: EXTENSIONS_UP_MS });
}

export async function closeWorkbench(page: Page | undefined): Promise<void> {
  await page?.context().close();
}

export function parleyActivityBarItem(page: Page): Locator {
  return page.locator('.part.activitybar').getByRole('tab', { name: 'Parley' });
}

/** Parley's view container in the side bar. */
export function parleyViewlet(page: Page): Locator {
  return page.locator('.part.sidebar [id="workbench.view.extension.parley"]');
}

/** The body of Parley's chat view pane (the webview is laid over it). */
export function chatViewPane(page: Page): Locator {
  return parleyViewlet(page).locator('.pane', { has: page.locator('.view-parley-chatView') }).locator('.pane-body');
}

/** Clicks Parley in the activity bar and waits until its view container shows. */
export async function openParley(page: Page): Promise<void> {
  await parleyActivityBarItem(page).click();
  await parleyViewlet(page).waitFor({ state: 'visible' });
}

/** The document inside Parley's chat webview (outer iframe.webview → inner #active-frame). */
export function webviewFrame(page: Page): FrameLocator {
  return page
    .frameLocator(`iframe.webview[src*="extensionId=${PARLEY_EXTENSION_ID}"]`)
    .frameLocator('#active-frame');
}

/**
 * The side bar's chat while editor chat tabs are open too (webviewFrame would match both):
 * a view's webview is loaded with purpose=webviewView, an editor tab's without it.
 */
export function sidebarChatFrame(page: Page): FrameLocator {
  return page
    .frameLocator(`iframe.webview[src*="extensionId=${PARLEY_EXTENSION_ID}"][src*="purpose=webviewView"]`)
    .frameLocator('#active-frame');
}

/** The document inside the visible Parley chat editor tab (Open Chat in Editor); `nth` among several shown side by side. */
export function editorChatFrame(page: Page, nth = 0): FrameLocator {
  return page
    .frameLocator(`iframe.webview[src*="extensionId=${PARLEY_EXTENSION_ID}"]:not([src*="purpose=webviewView"])`)
    .nth(nth)
    .frameLocator('#active-frame');
}

/** Runs a command by its palette title (e.g. 'Parley: Focus Chat') via F1; `opensQuickInput` for commands that ask in a quick pick. */
export async function runCommand(page: Page, title: string, options: { opensQuickInput?: boolean } = {}): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  const input = widget.locator('input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  // The accessible name may carry the keybinding after a comma ("Parley: Focus Chat, Ctrl+Alt+J").
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await widget.getByRole('option', { name: new RegExp(`^${escaped}(,|$)`) }).click();
  // A command that asks with its own quick pick keeps the widget open: wait for the palette's text to go.
  if (options.opensQuickInput) await page.waitForFunction(`!document.querySelector('.quick-input-widget input')?.value.startsWith('>')`);
  else await widget.waitFor({ state: 'hidden' });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // Finished CSS transitions: no half-faded widgets (e.g. a closing Quick Open) in the picture.
  await page.screenshot({ path: file, animations: 'disabled' });
  return file;
}

/** The workbench's quick input (input boxes, quick picks, the simple file dialog). */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/** Waits for an input box (e.g. one an extension opened with showInputBox) and returns its text field. */
export async function waitForInputBox(page: Page, title?: string | RegExp): Promise<Locator> {
  const widget = quickInput(page);
  if (title !== undefined) await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible' });
  const input = widget.locator('input.input').first();
  await input.waitFor({ state: 'visible' });
  return input;
}

/** Types `value` into the open input box and accepts it with Enter; waits for the box to close. */
export async function answerInputBox(page: Page, value: string, title?: string | RegExp): Promise<void> {
  const input = await waitForInputBox(page, title);
  await input.fill(value);
  await input.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
}

/** A modal dialog of the workbench (showWarningMessage with modal: true). */
export function modalDialog(page: Page): Locator {
  return page.locator('.monaco-dialog-box');
}

/** A notification (a toast, or an entry of the open notification center) whose message contains `text`. */
export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast, .notifications-center .notification-list-item', { hasText: text }).first();
}
