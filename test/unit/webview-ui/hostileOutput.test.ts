// The hostile-output set (issue 4, "Done when"): every payload is rendered
// through the streaming view, in small chunks with frames in between and at
// once, in Chromium with and without the webview CSP. No script may run, no
// request may leave the page, and nothing executable or loadable may remain
// in the DOM. A control case shows the detectors do see a real injection.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inPage, openRendererPage, type RendererPage } from './rendererPage';
import { HOSTILE_PAYLOADS } from './hostilePayloads';

const FORBIDDEN_SELECTOR =
  'script, img, picture, source, iframe, frame, object, embed, applet, style, link, meta, base, svg, math, ' +
  'form, input, textarea, select, video, audio, track, template, details, noscript, canvas';

interface RenderReport {
  pwned: unknown;
  pwnCount: number;
  forbidden: string[];
  badAttributes: string[];
  url: string;
}

async function startSink(): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Renders every payload (streamed or at once), clicks every link and button, and inspects the DOM. */
function renderAll(page: RendererPage['page'], payloads: string[], streamed: boolean): Promise<RenderReport> {
  return inPage<RenderReport>(page, 'renderHostile', { payloads, streamed, forbidden: FORBIDDEN_SELECTOR });
}

for (const csp of [true, false]) {
  describe(`hostile model output stays inert (Chromium, ${csp ? 'webview CSP' : 'no CSP: sanitizer alone'})`, function () {
    this.timeout(60_000);
    let browser: RendererPage;
    let sink: Awaited<ReturnType<typeof startSink>>;
    let dialogs = 0;
    let payloads: string[];

    before(async () => {
      sink = await startSink();
      browser = await openRendererPage({ csp });
      browser.page.on('dialog', (dialog) => {
        dialogs++;
        void dialog.dismiss();
      });
      payloads = HOSTILE_PAYLOADS.map((p) => p.replaceAll('SINK', sink.url));
    });
    after(async () => {
      await browser?.close();
      await sink?.close();
    });

    for (const streamed of [true, false]) {
      it(`renders all ${HOSTILE_PAYLOADS.length} payloads ${streamed ? 'streamed in 3-character chunks' : 'at once'} without running script or fetching`, async () => {
        const report = await renderAll(browser.page, payloads, streamed);
        assert.equal(report.pwned, null, 'window.__pwned was set');
        assert.equal(report.pwnCount, 0, 'pwn() was called');
        assert.equal(dialogs, 0, 'a dialog opened');
        assert.deepEqual(report.forbidden, [], 'forbidden elements in the DOM');
        assert.deepEqual(report.badAttributes, [], 'forbidden attributes in the DOM');
        assert.equal(report.url, `${browser.origin}/`, 'the page navigated');
        assert.deepEqual(browser.foreignRequests(), [], 'requests left the page');
        assert.deepEqual(sink.hits, [], 'the loopback sink was hit');
        assert.deepEqual(await inPage(browser.page, 'violations'), [], 'CSP had to block something');
        await inPage(browser.page, 'clearRoot');
      });
    }

    it('control: the detectors see an injection that bypasses the renderer', async () => {
      await inPage(browser.page, 'injectControl', sink.url);
      await browser.page.waitForTimeout(300);
      const foreign = browser.foreignRequests();
      assert.ok(foreign.includes(`${browser.origin}/control.png`), 'a request from the page is recorded');
      const state = await inPage<{ pwnCount: number; violations: number }>(browser.page, 'controlState');
      if (csp) {
        assert.equal(state.pwnCount, 0, 'CSP blocks the inline handler');
        assert.ok(state.violations > 0, 'and reports it');
        assert.deepEqual(sink.hits, [], 'CSP blocks the other origin');
      } else {
        assert.equal(state.pwnCount, 1, 'without CSP the handler runs, and the test sees it');
        assert.ok(sink.hits.includes('/control.png'), 'without CSP the sink is hit, and the test sees it');
      }
    });
  });
}
