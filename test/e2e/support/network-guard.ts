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

/**
 * The webview's own resources (`webview.asWebviewUri`: dist/webview.js, the CSS,
 * the codicon font) have URLs like
 * `https://vscode-remote+127-002e0-002e0-002e1-003a45817.vscode-resource.vscode-cdn.net/<path>`.
 * That host is only a name: the webview's service worker (/webview/browser/pre/
 * service-worker.js) answers these requests itself, loading the file through the
 * workbench from the loopback code-server. So such a request is allowed only when
 * the encoded authority is a loopback address AND its response came from the
 * service worker (never from the network); anything else is still a violation.
 */
const RESOURCE_HOST = /^vscode-remote\+([0-9a-z-]+)\.vscode-resource\.vscode-cdn\.net$/;

/** `127-002e0-002e0-002e1-003a45817` → `127.0.0.1:45817` (VS Code escapes as -XXXX hex code units). */
function decodeAuthority(encoded: string): string {
  return encoded.replace(/-([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function loopbackResourceHost(hostname: string): boolean {
  const match = RESOURCE_HOST.exec(hostname);
  if (!match?.[1]) return false;
  const authority = decodeAuthority(match[1]);
  const host = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.split(':')[0];
  return host !== undefined && LOOPBACK.has(host);
}

export function guardWebviewNetwork(context: BrowserContext): void {
  // Webview resource requests, judged when they end: answered → by the service worker?
  const pendingResources = new Map<Request, string>();
  context.on('requestfinished', (request) => {
    const description = pendingResources.get(request);
    if (description === undefined) return;
    pendingResources.delete(request);
    void request.response().then((response) => {
      if (!response?.fromServiceWorker()) recordWebviewViolation(`${description} (not answered by the webview's service worker)`);
    });
  });
  context.on('requestfailed', (request) => {
    const description = pendingResources.get(request);
    if (description === undefined) return;
    pendingResources.delete(request);
    // Cancelled (e.g. the page closed at the end of a test) = answered by nobody. Any other
    // failure means it went to the network (offline: a DNS error for vscode-cdn.net).
    const failure = request.failure()?.errorText ?? '';
    if (failure !== 'net::ERR_ABORTED') recordWebviewViolation(`${description} (failed: ${failure})`);
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return;
    if (LOOPBACK.has(url.hostname)) return;
    if (!fromParleyWebview(request)) return;
    const description = `${request.method()} ${request.url()}`;
    if (url.protocol === 'https:' && loopbackResourceHost(url.hostname)) {
      pendingResources.set(request, description);
      return;
    }
    recordWebviewViolation(description);
  });
}
