/**
 * Activation time as VS Code itself measures it, for Parley and for the
 * built-in Git extension in the same window of the code-server harness: the
 * extension host's own performance marks (read through its inspector) and
 * what "Developer: Show Running Extensions" shows. Each sample is a fresh
 * window (a new extension host).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../harness/browser';
import { stopAll } from '../../harness/cleanup';
import { HARNESS_DEFAULT_SETTINGS, startCodeServer } from '../../harness/code-server';
import { REPO_ROOT } from '../../harness/versions';
import { workbenchUrl } from '../../harness/workbench-url';
import { makeWorkspace } from '../../harness/workspace';

/** The part of the `ws` client this file uses. */
interface DevToolsSocket {
  on(event: 'open' | 'error' | 'message', listener: (value: unknown) => void): void;
  send(data: string): void;
  close(): void;
}
// playwright-core's bundled `ws` (Node 20 has no WebSocket): a DevTools connection to the extension host.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ws: WebSocket } = require('playwright-core/lib/utilsBundle') as { ws: new (url: string) => DevToolsSocket };

export interface RunningExtensionTimes {
  /** Activation time per extension display name, in ms, as the Running Extensions view shows it. */
  [displayName: string]: number;
}

const VSIX = path.join(REPO_ROOT, 'out', 'parley.vsix');
const WAIT_MS = 120_000;

async function runCommand(page: Page, title: string): Promise<void> {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const widget = page.locator('.quick-input-widget');
  // The palette can lose focus to a view that is still settling and close again: then it is opened again.
  for (let attempt = 1; ; attempt++) {
    try {
      // Focus the workbench (not Parley's webview, which keeps F1 to itself), then open the palette.
      await page.locator('.part.editor').click({ position: { x: 200, y: 200 } });
      await page.keyboard.press('F1');
      const input = widget.locator('input');
      await input.waitFor({ state: 'visible', timeout: 20_000 });
      await input.fill(`>${title}`, { timeout: 10_000 });
      await widget.getByRole('option', { name: new RegExp(`^${escaped}(,|$)`) }).click({ timeout: 20_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** The rows of the Running Extensions editor: display name → activation ms. */
export async function readRunningExtensions(page: Page, wanted: readonly string[]): Promise<RunningExtensionTimes> {
  await runCommand(page, 'Developer: Show Running Extensions');
  const rows = page.locator('.runtime-extensions-editor .monaco-list-row');
  await rows.first().waitFor({ timeout: WAIT_MS });
  const found: RunningExtensionTimes = {};
  const list = page.locator('.runtime-extensions-editor .monaco-list');
  for (let scrolls = 0; scrolls < 20 && wanted.some((name) => found[name] === undefined); scrolls++) {
    const visible = await page.evaluate(`[...document.querySelectorAll('.runtime-extensions-editor .monaco-list-row')].map((row) => [
      row.querySelector('.name')?.textContent?.trim() ?? '',
      row.querySelector('.activation-time')?.textContent?.trim() ?? '',
    ])`) as [string, string][];
    for (const [name, time] of visible) {
      const ms = /(\d+)\s*ms/.exec(time)?.[1];
      if (name && ms) found[name] = Number(ms);
    }
    await list.hover();
    await page.mouse.wheel(0, 400);
  }
  return found;
}

/** Both figures for one extension in one window. */
export interface ActivationSample {
  /** The extension host's own marks: `require` of the extension's main file (ms, wall). */
  loadMs: number;
  /** The extension host's own marks: activate() until its promise settled (ms, wall). */
  activateMs: number;
  /** What "Developer: Show Running Extensions" shows (code loading + the activate() call, ms). */
  runningMs?: number;
}

/** One window's figures for Parley and the built-in peer. */
export interface WindowSample {
  parley: ActivationSample;
  builtin: ActivationSample;
}

interface ExtensionHostInspector {
  evaluate(expression: string): Promise<unknown>;
  close(): void;
}

/** The DevTools endpoint of the extension host that started after `linesBefore` lines of the server log. */
async function newestExtensionHost(logFile: string, linesBefore: number): Promise<ExtensionHostInspector> {
  const deadline = Date.now() + WAIT_MS;
  let url: string | undefined;
  while (url === undefined) {
    const lines = fs.readFileSync(logFile, 'utf8').split('\n').slice(linesBefore);
    url = lines.map((line) => /\[ExtensionHostConnection\].*Debugger listening on (ws:\/\/\S+)/.exec(line)?.[1]).filter((u) => u !== undefined).at(-1);
    if (url !== undefined) break;
    if (Date.now() > deadline) throw new Error('the extension host did not start with an inspector');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.on('open', resolve);
    socket.on('error', reject);
  });
  let nextId = 0;
  const pending = new Map<number, (value: unknown) => void>();
  socket.on('message', (data: unknown) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: { result?: { value?: unknown } } };
    if (message.id !== undefined) pending.get(message.id)?.(message.result?.result?.value);
  });
  return {
    evaluate: (expression) =>
      new Promise((resolve) => {
        const id = ++nextId;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }));
      }),
    close: () => socket.close(),
  };
}

/** The extension host's performance marks (VS Code's own: will/didLoadExtensionCode, will/didActivateExtension), name → epoch ms. */
async function extensionHostMarks(host: ExtensionHostInspector): Promise<Map<string, number>> {
  const marks = (await host.evaluate('JSON.stringify(globalThis.MonacoPerformanceMarks?.getMarks() ?? [])')) as string;
  return new Map((JSON.parse(marks) as { name: string; startTime: number }[]).map((mark) => [mark.name, mark.startTime]));
}

function fromMarks(marks: Map<string, number>, id: string): Omit<ActivationSample, 'runningMs'> | undefined {
  const at = (what: string) => marks.get(`code/extHost/${what}/${id}`);
  const [willLoad, didLoad, willActivate, didActivate] = ['willLoadExtensionCode', 'didLoadExtensionCode', 'willActivateExtension', 'didActivateExtension'].map(at);
  if (willLoad === undefined || didLoad === undefined || willActivate === undefined || didActivate === undefined) return undefined;
  return { loadMs: didLoad - willLoad, activateMs: didActivate - willActivate };
}

/**
 * `runs` fresh windows (each a new extension host). In each, once the
 * window's startup activations are over (the built-in peer has activated), Parley is
 * activated by opening its view; then both extensions' times are read from the
 * extension host's own marks and from Show Running Extensions.
 */
export async function measureVsCodeActivation(runs: number, builtin: { name: string; id: string }): Promise<WindowSample[]> {
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package:vsix\` first`);
  const workspace = makeWorkspace(undefined, 'bench');
  const server = await startCodeServer({ workspace, settings: HARNESS_DEFAULT_SETTINGS, vsix: [VSIX], nodeArgs: ['--inspect', '--inspect-port=0'] });
  const { browser } = await launchChromium();
  const samples: WindowSample[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const linesBefore = fs.readFileSync(server.logFile, 'utf8').split('\n').length - 1;
      await page.goto(workbenchUrl(server, workspace));
      const host = await newestExtensionHost(server.logFile, linesBefore);
      try {
        const parley = page.locator('.part.activitybar').getByRole('tab', { name: 'Parley' });
        await parley.waitFor({ timeout: WAIT_MS });
        // Startup activations first (Git's among them), so neither figure includes the other's work.
        for (const deadline = Date.now() + WAIT_MS; fromMarks(await extensionHostMarks(host), builtin.id) === undefined; ) {
          if (Date.now() > deadline) throw new Error(`${builtin.name} did not activate`);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        await parley.click();
        // Parley's chat is up (its composer shows): activation is over.
        await page
          .frameLocator('iframe.webview[src*="extensionId=parley-dev.parley"]')
          .frameLocator('#active-frame')
          .locator('textarea.composer-input')
          .waitFor({ timeout: WAIT_MS });
        const marks = await extensionHostMarks(host);
        const parleyMarks = fromMarks(marks, 'parley-dev.parley');
        const builtinMarks = fromMarks(marks, builtin.id);
        if (parleyMarks === undefined || builtinMarks === undefined) throw new Error('activation marks missing');
        const running = await readRunningExtensions(page, ['Parley', builtin.name]);
        samples.push({ parley: { ...parleyMarks, runningMs: running.Parley }, builtin: { ...builtinMarks, runningMs: running[builtin.name] } });
      } finally {
        host.close();
      }
      await context.close();
    }
  } finally {
    await stopAll();
  }
  return samples;
}
