// The chat view follows a streaming reply to the bottom unless the user
// scrolled up, and it takes its colours from the VS Code theme: light, dark
// and high contrast (where borders and outlines come from contrastBorder).
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { lastTurn, newChat, replyBody, sendMessage, waitForReplyEnd } from './support/chat';
import { closeWorkbench, openWorkbench, runCommand, screenshot, webviewFrame } from './support/workbench';

const SLACK_PX = 24;

interface ScrollState {
  top: number;
  height: number;
  /** Distance between the bottom of what is shown and the end of the content. */
  fromBottom: number;
}

function messages(page: Page): Locator {
  return webviewFrame(page).locator('main.messages');
}

function scrollState(page: Page): Promise<ScrollState> {
  return messages(page).evaluate((el) => ({
    top: el.scrollTop,
    height: el.scrollHeight,
    fromBottom: el.scrollHeight - el.scrollTop - el.clientHeight,
  }));
}

/** Polls the scroll state (every frame or so) until `done` holds; bounded by the test's timeout. */
async function waitForScroll(page: Page, done: (state: ScrollState) => boolean, what: string): Promise<ScrollState> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await scrollState(page);
    if (done(state)) return state;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
}

/** Waits until the content has grown past `height` (the reply is still streaming in). */
function waitForGrowth(page: Page, height: number): Promise<ScrollState> {
  return waitForScroll(page, (state) => state.height > height, 'the reply grows');
}

/** Picks a colour theme with "Preferences: Color Theme" and waits for Parley's webview to show it. */
async function pickTheme(page: Page, theme: string, bodyClass: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme', { opensQuickInput: true });
  const widget = page.locator('.quick-input-widget');
  await widget.locator('input').fill(theme);
  await widget.getByRole('option', { name: new RegExp(`^${theme}(,|$)`) }).first().waitFor();
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden' });
  await webviewFrame(page).locator(`body.${bodyClass}`).waitFor();
}

/** The page's window, as far as these tests use it (this file is type-checked without the DOM library). */
interface PageWindow {
  getComputedStyle(element: unknown): Record<string, string> & { getPropertyValue(name: string): string };
  document: { createElement(tag: string): { style: Record<string, string>; remove(): void }; body: { appendChild(node: unknown): void } };
}

/** A computed style property of an element in the webview (colours as rgb()). */
function computed(element: Locator, property: string): Promise<string> {
  return element.evaluate((el, name) => {
    const view = el.ownerDocument.defaultView as unknown as PageWindow;
    return String(view.getComputedStyle(el)[name]);
  }, property);
}

/** Resolves a --vscode-* variable of the webview to the rgb() form computed styles use ('' when unset). */
function themeColour(page: Page, variable: string): Promise<string> {
  return messages(page).evaluate((el, name) => {
    const view = el.ownerDocument.defaultView as unknown as PageWindow;
    const value = view.getComputedStyle(el).getPropertyValue(name).trim();
    if (!value) return '';
    const probe = view.document.createElement('span');
    probe.style.color = value;
    view.document.body.appendChild(probe);
    const rgb = String(view.getComputedStyle(probe).color);
    probe.remove();
    return rgb;
  }, variable);
}

describe('Chat view: scrolling and themes', () => {
  let page: Page | undefined;
  /** The theme the suite runs with (VS Code's default: Light 2026 or Dark 2026, after the browser's colour scheme). */
  let suiteTheme: { name: string; bodyClass: string } | undefined;
  before(async () => {
    page = await openWorkbench();
  });
  after(async () => {
    // The theme is a user setting shared with the rest of the suite: put the default back.
    if (page && suiteTheme) await pickTheme(page, suiteTheme.name, suiteTheme.bodyClass).catch(() => undefined);
    await closeWorkbench(page);
  });

  it('follows a streaming reply to the bottom, and stays where the user scrolled up', async () => {
    assert.ok(page);
    await newChat(page);
    // Two full replies first, so the conversation is taller than the view.
    for (let i = 0; i < 2; i++) {
      await sendMessage(page, `Explain how streaming responses work (${i + 1})`);
      await waitForReplyEnd(lastTurn(page));
    }
    await sendMessage(page, 'Explain how streaming responses work [[sim:slow ms=120]]');
    const turn = lastTurn(page);
    await replyBody(turn).locator('h2').waitFor();
    let state = await scrollState(page);
    for (let i = 0; i < 3; i++) {
      state = await waitForGrowth(page, state.height);
      assert.ok(state.fromBottom <= SLACK_PX, `update ${i + 1}: ${state.fromBottom}px from the bottom while following`);
    }
    // The user scrolls up with the mouse wheel: the view stops following.
    const box = await messages(page).boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    const scrolledUp = await waitForScroll(page, (now) => now.top < state.top, 'the wheel scrolled the view up');
    const later = await waitForGrowth(page, scrolledUp.height);
    assert.equal(later.top, scrolledUp.top, 'new text does not move the view the user scrolled');
    assert.ok(later.fromBottom > SLACK_PX);
    await waitForReplyEnd(turn);
    assert.equal((await scrollState(page)).top, scrolledUp.top);
    // Sending the next question follows the conversation again.
    await sendMessage(page, 'Explain how streaming responses work (again)');
    await waitForReplyEnd(lastTurn(page));
    assert.ok((await scrollState(page)).fromBottom <= SLACK_PX, 'a new question pins the view to the bottom');
  });

  it('takes its colours from the light, dark and high-contrast themes', async () => {
    assert.ok(page);
    await newChat(page);
    await sendMessage(page, 'Explain how streaming responses work');
    const turn = lastTurn(page);
    await waitForReplyEnd(turn);
    const codeBlock = replyBody(turn).locator('.code-block').first();
    const input = webviewFrame(page).locator('textarea.composer-input');
    const textColour = (): Promise<string> => computed(replyBody(turn).locator('p').first(), 'color');

    const light2026 = await webviewFrame(page).locator('body.vscode-light').count();
    suiteTheme = light2026 ? { name: 'Light 2026', bodyClass: 'vscode-light' } : { name: 'Dark 2026', bodyClass: 'vscode-dark' };
    await pickTheme(page, 'Dark 2026', 'vscode-dark');
    const dark = await textColour();
    await pickTheme(page, 'Light Modern', 'vscode-light');
    const light = await textColour();
    assert.equal(light, await themeColour(page, '--vscode-foreground'), 'reply text uses the theme foreground');
    assert.match(light, /^rgb/);
    assert.notEqual(light, dark, 'the text colour changed with the theme');
    assert.equal(await themeColour(page, '--vscode-contrastBorder'), '', 'no contrast border outside high contrast');
    await screenshot(page, 'theme-light');

    await pickTheme(page, 'Dark High Contrast', 'vscode-high-contrast');
    const border = await themeColour(page, '--vscode-contrastBorder');
    assert.notEqual(border, '', 'high contrast themes define contrastBorder');
    assert.equal(await computed(codeBlock, 'borderTopColor'), border, 'code blocks are outlined');
    assert.equal(await computed(input, 'outlineColor'), border, 'the input is outlined');
    const highContrast = await textColour();
    assert.equal(highContrast, await themeColour(page, '--vscode-foreground'));
    await screenshot(page, 'theme-high-contrast');

    await pickTheme(page, 'Dark 2026', 'vscode-dark');
    assert.equal(await textColour(), dark);
  });
});
