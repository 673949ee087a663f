import assert from 'node:assert/strict';
import type http from 'node:http';
import { closeDispatchers, retryAfterSeconds, sendRequest, type SendOptions } from '../../../src/net/http';
import { ProviderError } from '../../../src/net/errors';
import { abortableSleep, backoffMs, resolveMaxRetries, retryDelay } from '../../../src/net/retry';
import { readAll, rejectionOf, startServer, within, type TestServer } from './helpers/server';

/** Replies with the given steps in order (the last one repeats). */
function sequence(steps: Array<{ status: number; headers?: http.OutgoingHttpHeaders; body?: string }>) {
  return (_req: http.IncomingMessage, res: http.ServerResponse, index: number): void => {
    const step = steps[Math.min(index, steps.length - 1)]!;
    res.writeHead(step.status, step.headers ?? {});
    res.end(step.body ?? `reply ${index}`);
  };
}

/** A sleep that records the waits asked for and returns at once. */
function recordingSleep(): { waits: number[]; sleep: NonNullable<SendOptions['sleep']> } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

describe('sendRequest: retry before the first byte', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await closeDispatchers();
  });

  const spec = (url: string) => ({ url, headers: {}, body: '{}', label: 'Emma' });

  it('429 with Retry-After seconds, then 200 → waits what the server asked and returns the 200', async () => {
    server = await startServer(sequence([{ status: 429, headers: { 'Retry-After': '3' } }, { status: 200, body: 'ok' }]));
    const { waits, sleep } = recordingSleep();
    const response = await sendRequest(spec(server.url), { signal: new AbortController().signal, sleep });
    assert.equal(response.status, 200);
    assert.equal(response.retries, 1);
    assert.equal(await readAll(response.body), 'ok');
    assert.deepEqual(waits, [3000]);
    assert.equal(server.requests.length, 2);
    assert.equal(server.requests[1]!.body, '{}', 'the retry sends the same body');
  });

  it('Retry-After as an HTTP-date is honoured', async () => {
    const at = new Date(Date.now() + 10_000).toUTCString();
    server = await startServer(sequence([{ status: 503, headers: { 'Retry-After': at } }, { status: 200 }]));
    const { waits, sleep } = recordingSleep();
    const response = await sendRequest(spec(server.url), { signal: new AbortController().signal, sleep });
    assert.equal(response.status, 200);
    assert.equal(waits.length, 1);
    // whole seconds, rounded up from "now": between 9 and 11 s whatever the clock did meanwhile
    assert.ok(waits[0]! >= 9000 && waits[0]! <= 11_000, String(waits[0]));
  });

  it('Retry-After is capped at 60 s', async () => {
    server = await startServer(sequence([{ status: 429, headers: { 'Retry-After': '3600' } }, { status: 200 }]));
    const { waits, sleep } = recordingSleep();
    await (await sendRequest(spec(server.url), { signal: new AbortController().signal, sleep })).text();
    assert.deepEqual(waits, [60_000]);
  });

  it('503 → 503 → 503 gives up after 2 retries with jittered backoff and returns the last 503', async () => {
    server = await startServer(sequence([{ status: 503, body: 'instance offline' }]));
    const { waits, sleep } = recordingSleep();
    const response = await sendRequest(spec(server.url), { signal: new AbortController().signal, sleep });
    assert.equal(response.status, 503);
    assert.equal(response.retries, 2);
    assert.equal(await response.text(), 'instance offline');
    assert.equal(server.requests.length, 3);
    assert.equal(waits.length, 2);
    assert.ok(waits[0]! >= 375 && waits[0]! <= 625, `first wait ${waits[0]}`);
    assert.ok(waits[1]! >= 750 && waits[1]! <= 1250, `second wait ${waits[1]}`);
  });

  for (const status of [502, 504]) {
    it(`${status} is retried`, async () => {
      server = await startServer(sequence([{ status }, { status: 200 }]));
      const { sleep } = recordingSleep();
      const response = await sendRequest(spec(server!.url), { signal: new AbortController().signal, sleep });
      assert.equal(response.status, 200);
      assert.equal(server!.requests.length, 2);
    });
  }

  for (const status of [400, 401, 402, 404, 422, 500]) {
    it(`${status} is never retried`, async () => {
      server = await startServer(sequence([{ status, headers: { 'Retry-After': '1' } }, { status: 200 }]));
      const { waits, sleep } = recordingSleep();
      const response = await sendRequest(spec(server!.url), { signal: new AbortController().signal, sleep });
      assert.equal(response.status, status);
      assert.equal(response.retries, 0);
      await response.text();
      assert.equal(server!.requests.length, 1);
      assert.deepEqual(waits, []);
    });
  }

  it('retry.max 0 → no retry, the 429 is returned at once', async () => {
    server = await startServer(sequence([{ status: 429, headers: { 'Retry-After': '1' } }, { status: 200 }]));
    const { waits, sleep } = recordingSleep();
    const response = await sendRequest(spec(server.url), { signal: new AbortController().signal, sleep, network: { retry: { max: 0 } } });
    assert.equal(response.status, 429);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(waits, []);
    assert.equal(retryAfterSeconds(response.headers), 1);
  });

  it('retry.max above 2 is clamped to 2', async () => {
    server = await startServer(sequence([{ status: 503 }]));
    const { sleep } = recordingSleep();
    const response = await sendRequest(spec(server.url), { signal: new AbortController().signal, sleep, network: { retry: { max: 10 } } });
    assert.equal(response.status, 503);
    assert.equal(server.requests.length, 3);
  });

  it('never retries once the body has started: a 200 that breaks off is not sent again', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200);
      res.write('part');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const { sleep } = recordingSleep();
    const response = await sendRequest(spec(server.url), { signal: new AbortController().signal, sleep });
    const error = await rejectionOf(readAll(response.body));
    assert.ok(error instanceof ProviderError);
    assert.equal(error.code, 'network');
    assert.equal(server.requests.length, 1);
  });

  it('logs one line per retry with the wait, and a final line with the retry count', async () => {
    server = await startServer(sequence([{ status: 429, headers: { 'Retry-After': '2' } }, { status: 200 }]));
    const { sleep } = recordingSleep();
    const lines: string[] = [];
    const response = await sendRequest(spec(`${server.url}/api/chat/stream`), { signal: new AbortController().signal, sleep, log: (l) => lines.push(l) });
    await response.text();
    const id = response.requestId;
    assert.match(lines[0]!, new RegExp(`^\\[${id}\\] POST http://127\\.0\\.0\\.1:\\d+/api/chat/stream → 429 in \\d+ ms; retry 1/2 in 2 s \\(Retry-After\\)$`));
    assert.match(lines[1]!, new RegExp(`^\\[${id}\\] POST http://127\\.0\\.0\\.1:\\d+/api/chat/stream → 200 in \\d+ ms \\(retries 1\\)$`));
  });

  it('abort during the wait between retries → cancelled promptly, no further request', async () => {
    server = await startServer(sequence([{ status: 503, headers: { 'Retry-After': '30' } }, { status: 200 }]));
    const controller = new AbortController();
    const pending = sendRequest(spec(server.url), { signal: controller.signal });
    // the real sleep (30 s) is used; abort once the first request has been answered
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    setTimeout(() => controller.abort(), 50);
    const error = await within(rejectionOf(pending), 2000, 'rejection after abort');
    assert.ok(error instanceof ProviderError);
    assert.equal(error.code, 'cancelled');
    assert.equal(server.requests.length, 1);
  });
});

describe('retry policy helpers', () => {
  it('retryAfterSeconds reads delta-seconds and HTTP-dates, ignores junk', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    assert.equal(retryAfterSeconds({ 'retry-after': '120' }, now), 120);
    assert.equal(retryAfterSeconds({ 'Retry-After': '0' }, now), 0);
    assert.equal(retryAfterSeconds({ 'retry-after': 'Sun, 22 Nov 2026 10:00:30 GMT' }, now), 30);
    assert.equal(retryAfterSeconds({ 'retry-after': 'Sun, 22 Nov 2026 09:00:00 GMT' }, now), 0, 'a past date means now');
    assert.equal(retryAfterSeconds({ 'retry-after': '-5' }, now), undefined);
    assert.equal(retryAfterSeconds({ 'retry-after': '1.5' }, now), undefined);
    assert.equal(retryAfterSeconds({ 'retry-after': 'soon' }, now), undefined);
    assert.equal(retryAfterSeconds({}, now), undefined);
  });

  it('backoff doubles per retry within ±25 %', () => {
    assert.equal(backoffMs(0, () => 0), 375);
    assert.equal(backoffMs(0, () => 1), 625);
    assert.equal(backoffMs(1, () => 0.5), 1000);
    assert.equal(backoffMs(2, () => 0), 1500);
  });

  it('retryDelay prefers Retry-After and caps it at 60 s', () => {
    assert.deepEqual(retryDelay(0, { 'retry-after': '7' }), { ms: 7000, source: 'retry-after' });
    assert.deepEqual(retryDelay(0, { 'retry-after': '61' }), { ms: 60_000, source: 'retry-after' });
    assert.deepEqual(retryDelay(1, {}, Date.now(), () => 0.5), { ms: 1000, source: 'backoff' });
  });

  it('resolveMaxRetries clamps to 0..2 and defaults to 2', () => {
    assert.equal(resolveMaxRetries(undefined), 2);
    assert.equal(resolveMaxRetries({ retry: { max: -3 } }), 0);
    assert.equal(resolveMaxRetries({ retry: { max: 1.7 } }), 1);
    assert.equal(resolveMaxRetries({ retry: { max: 9 } }), 2);
    assert.equal(resolveMaxRetries({ retry: { max: Number.NaN } }), 2);
  });

  it('abortableSleep rejects with cancelled when aborted, before or during the wait', async () => {
    const before = new AbortController();
    before.abort();
    const early = await rejectionOf(abortableSleep(10_000, before.signal));
    assert.ok(early instanceof ProviderError && early.code === 'cancelled');
    const during = new AbortController();
    const pending = abortableSleep(10_000, during.signal);
    during.abort();
    const late = await within(rejectionOf(pending), 1000, 'rejection');
    assert.ok(late instanceof ProviderError && late.code === 'cancelled');
  });
});
