/**
 * Loads the built dist/webview.js into Chromium (playwright-core) in a page
 * with a stub `acquireVsCodeApi` that records what the view posts; the test
 * posts host messages with `send()`.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HostMessage, WebviewMessage } from '../../../src/protocol/messages';
import { UI_STRING_KEYS } from '../../../src/protocol/uiStringKeys';

const root = path.resolve(__dirname, '../../..');

export function buildWebview(): void {
  execFileSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
}

/** UI strings that show their key, so tests can find texts without depending on English. */
export const STRINGS: Record<string, string> = Object.fromEntries(UI_STRING_KEYS.map((key) => [key, `«${key}»`]));
STRINGS['footer.tokens'] = '{0} in · {1} out';
STRINGS['footer.tokensTotal'] = '{0} in · {1} out · {2} total';
STRINGS['footer.ttft'] = 'ttft {0} ms';

/** What the page's global scope offers to `page.evaluate` callbacks (this tsconfig has no DOM lib). */
export interface PageGlobals {
  __posted: WebviewMessage[];
  postMessage(message: unknown, targetOrigin: string): void;
  setTimeout(callback: () => void, ms: number): void;
  requestAnimationFrame(callback: () => void): void;
}

const STUB = `
window.__posted = [];
window.__state = undefined;
window.acquireVsCodeApi = () => ({
  postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
  getState: () => window.__state,
  setState: (s) => { window.__state = s; },
});`;

export class ChatPage {
  readonly warnings: string[] = [];
  private constructor(readonly page: Page) {
    page.on('console', (m) => {
      if (m.type() === 'warning') this.warnings.push(m.text());
    });
  }

  static async open(browser: Browser): Promise<ChatPage> {
    const page = await browser.newPage();
    const chat = new ChatPage(page);
    await page.setContent('<!DOCTYPE html><html><body><div id="root"></div></body></html>');
    await page.addStyleTag({ path: path.join(root, 'media', 'chat.css') });
    await page.addStyleTag({ path: path.join(root, 'media', 'attachments.css') });
    await page.addScriptTag({ content: STUB });
    await page.addScriptTag({ path: path.join(root, 'dist', 'webview.js') });
    return chat;
  }

  async send(message: HostMessage | unknown): Promise<void> {
    await this.page.evaluate((m) => (globalThis as unknown as PageGlobals).postMessage(m, '*'), message);
    // Messages are dispatched as tasks; one round trip through the event loop delivers it.
    await this.page.evaluate(() => new Promise((resolve) => (globalThis as unknown as PageGlobals).setTimeout(() => resolve(undefined), 0)));
  }

  /**
   * What the view posted, without the `draft` messages the composer sends for the budget meter (see drafts())
   * and the `viewFocus` signals the page sends whenever it gains the focus.
   */
  async posted(): Promise<WebviewMessage[]> {
    const all = await this.page.evaluate(() => (globalThis as unknown as PageGlobals).__posted);
    return all.filter((m) => m.type !== 'draft' && m.type !== 'viewFocus');
  }

  /** The `draft` messages only (text + revision), in order. */
  async drafts(): Promise<Array<Extract<WebviewMessage, { type: 'draft' }>>> {
    const all = await this.page.evaluate(() => (globalThis as unknown as PageGlobals).__posted);
    return all.filter((m): m is Extract<WebviewMessage, { type: 'draft' }> => m.type === 'draft');
  }

  async clearPosted(): Promise<void> {
    await this.page.evaluate(() => ((globalThis as unknown as PageGlobals).__posted.length = 0));
  }

  /**
   * Lets pending renders happen: the streaming renderer paces its updates
   * (at most 200 ms apart, counted in frame timestamps), so this runs frames
   * until that interval has passed, then two more.
   */
  async frames(): Promise<void> {
    // A string, not a function: tsx would wrap a named inner function in a `__name` helper the page lacks.
    await this.page.evaluate(`new Promise((resolve) => {
      let first;
      function tick(now) {
        first ??= now;
        if (now - first < 250) requestAnimationFrame(tick);
        else requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined)));
      }
      requestAnimationFrame(tick);
    })`);
  }
}

/**
 * Registers a suite's hooks: the webview is built and Chromium launched once,
 * each test gets a fresh ChatPage (after `prepare`, if given), closed after it.
 * Returns the current test's page.
 */
export function useChatPage(prepare?: (chat: ChatPage) => Promise<void>): () => ChatPage {
  let browser: Browser | undefined;
  let current: ChatPage | undefined;
  before(async () => {
    buildWebview();
    browser = await launch();
  });
  after(async () => browser?.close());
  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    current = await ChatPage.open(browser);
    await prepare?.(current);
  });
  afterEach(async () => current?.page.close());
  return () => {
    if (!current) throw new Error('no chat page outside a test');
    return current;
  };
}
