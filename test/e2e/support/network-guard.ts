// Records every request that Parley's webview (its frames, or the webview
// service worker) sends to a host other than 127.0.0.1/localhost. The root
// afterEach hook fails the test when any was recorded.
import type { BrowserContext, Frame, Request } from 'playwright-core';
import { recordWebviewViolation } from './harness';

export const PARLEY_EXTENSION_ID = 'parley-dev.parley';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const WEBVIEW_PATH = '/webview/browser/pre/';

function isParleyWebviewFrame(frame: Frame): boolean {
  for (let f: Frame | null = frame; f; f = f.parentFrame()) {
    const url = f.url();
    if (url.includes(WEBVIEW_PATH) && url.includes(`extensionId=${PARLEY_EXTENSION_ID}`)) return true;
  }
  return false;
}

function fromParleyWebview(request: Request): boolean {
  const worker = request.serviceWorker();
  if (worker) return worker.url().includes(WEBVIEW_PATH);
  try {
    return isParleyWebviewFrame(request.frame());
  } catch {
    return false; // no frame (e.g. a request of another worker)
  }
}

export function guardWebviewNetwork(context: BrowserContext): void {
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return;
    if (LOOPBACK.has(url.hostname)) return;
    if (fromParleyWebview(request)) recordWebviewViolation(`${request.method()} ${request.url()}`);
  });
}
