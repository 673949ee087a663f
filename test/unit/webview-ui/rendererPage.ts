// Shared harness for the renderer's browser tests and benchmark: bundles
// test/e2e/pages/rendererPage.ts with esbuild, serves it from a loopback
// server under a webview-like CSP, and opens it in headless Chromium.
import { createServer, type Server } from 'node:http';
import { mkdir, readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

const repoRoot = path.resolve(__dirname, '../../..');
const outDir = path.join(repoRoot, 'out/test-pages/renderer');
let bundle: Promise<string> | undefined;

/** Builds the page bundle once per process; returns its path. */
export function buildRendererBundle(): Promise<string> {
  bundle ??= (async () => {
    await mkdir(outDir, { recursive: true });
    const outfile = path.join(outDir, 'bundle.js');
    await build({
      entryPoints: [path.join(repoRoot, 'test/e2e/pages/rendererPage.ts')],
      outfile,
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      minify: !process.env.PARLEY_NO_MINIFY,
      logLevel: 'silent',
    });
    return outfile;
  })();
  return bundle;
}

/** The page's scenario registry, as seen from Node (the page code itself is DOM-typed). */
type PageGlobal = { parleyTest: { scenarios: Record<string, (arg: unknown) => unknown> } };

/**
 * Runs a browser-side scenario from test/e2e/pages/rendererScenarios.ts and
 * returns its (serializable) result.
 */
export function inPage<R>(page: Page, scenario: string, arg?: unknown): Promise<R> {
  return page.evaluate(
    ({ scenario, arg }) => {
      const run = (globalThis as unknown as PageGlobal).parleyTest.scenarios[scenario];
      if (!run) throw new Error(`no scenario ${scenario}`);
      return run(arg);
    },
    { scenario, arg },
  ) as Promise<R>;
}

export interface RendererPage {
  browser: Browser;
  page: Page;
  origin: string;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** URLs other than the page's own documents. */
  foreignRequests(): string[];
  close(): Promise<void>;
}

const statics: Record<string, { file: string; type: string }> = {
  '/bundle.js': { file: path.join(outDir, 'bundle.js'), type: 'text/javascript' },
  '/markdown.css': { file: path.join(repoRoot, 'media/markdown.css'), type: 'text/css' },
  '/chat.css': { file: path.join(repoRoot, 'media/chat.css'), type: 'text/css' },
  '/codicon.css': { file: path.join(repoRoot, 'node_modules/@vscode/codicons/dist/codicon.css'), type: 'text/css' },
  '/codicon.ttf': { file: path.join(repoRoot, 'node_modules/@vscode/codicons/dist/codicon.ttf'), type: 'font/ttf' },
};

function pageHtml(origin: string, nonce: string, withCsp: boolean): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${origin}`,
    `img-src ${origin} data:`,
    `font-src ${origin}`,
  ].join('; ');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
${withCsp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : ''}
<link rel="stylesheet" href="${origin}/codicon.css"><link rel="stylesheet" href="${origin}/markdown.css"><link rel="stylesheet" href="${origin}/chat.css">
</head><body><div id="root"></div><script nonce="${nonce}" src="${origin}/bundle.js"></script></body></html>`;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

/**
 * Opens the renderer page. `csp: false` drops the webview CSP so a test can
 * show the sanitizer alone keeps hostile output inert.
 */
export async function openRendererPage(options: { csp?: boolean } = {}): Promise<RendererPage> {
  await buildRendererBundle();
  const nonce = randomBytes(16).toString('base64');
  let origin = '';
  const server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0] ?? '/';
    if (url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml(origin, nonce, options.csp !== false));
      return;
    }
    const entry = statics[url];
    if (!entry) {
      res.writeHead(404).end();
      return;
    }
    readFile(entry.file).then(
      (body) => res.writeHead(200, { 'content-type': entry.type }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  origin = await listen(server);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  await page.goto(`${origin}/`);
  await page.waitForFunction('typeof window.parleyTest === "object"');
  const own = new Set(['/', ...Object.keys(statics)].map((p) => origin + p));
  return {
    browser,
    page,
    origin,
    requests,
    foreignRequests: () => requests.filter((url) => !own.has(url.split('?')[0] ?? url)),
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Registers a suite's hooks: one renderer page for the whole suite. Returns it (inside a test). */
export function useRendererPage(): () => RendererPage {
  let renderer: RendererPage | undefined;
  before(async () => {
    renderer = await openRendererPage();
  });
  after(async () => {
    await renderer?.close();
  });
  return () => {
    if (!renderer) throw new Error('no renderer page outside a suite');
    return renderer;
  };
}
