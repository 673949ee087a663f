import assert from 'node:assert/strict';
import { closeDispatchers, sendRequest } from '../../../src/net/http';
import { ProviderError } from '../../../src/net/errors';
import { rejectionOf, startServer, startSilentServer, within, type TestServer } from './helpers/server';

/** Generous bound for "promptly": far above the real figure, far below every timeout in play (60 s defaults). */
const PROMPT_MS = 2000;

describe('sendRequest: cancellation', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await closeDispatchers();
  });

  it('an already aborted signal → cancelled, and nothing is sent', async () => {
    server = await startServer((_req, res) => res.end('ok'));
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(sendRequest({ url: server.url, headers: {}, label: 'Emma' }, { signal: controller.signal }));
    assert.ok(error instanceof ProviderError);
    assert.equal(error.code, 'cancelled');
    assert.match(error.message, /^Emma: request cancelled/);
    assert.equal(server.requests.length, 0);
  });

  it('abort before the headers → cancelled, and the server sees the connection close', async () => {
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    server = await startServer(() => arrived());
    const controller = new AbortController();
    const pending = sendRequest({ url: server.url, headers: {}, label: 'Emma' }, { signal: controller.signal });
    await requestArrived;
    controller.abort();
    const error = await within(rejectionOf(pending), PROMPT_MS, 'rejection after abort');
    assert.ok(error instanceof ProviderError, String(error));
    assert.equal(error.code, 'cancelled');
    await within(server.connectionClosed(0), PROMPT_MS, 'server-side close after abort');
  });

  it('abort while the body streams → the iterator throws cancelled, and the server sees the connection close', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200);
      res.write('first chunk');
    });
    const controller = new AbortController();
    const response = await sendRequest({ url: server.url, headers: {}, label: 'SecondMe' }, { signal: controller.signal });
    const received: string[] = [];
    let caught: unknown;
    try {
      for await (const chunk of response.body) {
        received.push(Buffer.from(chunk).toString());
        controller.abort();
      }
    } catch (error) {
      caught = error;
    }
    assert.deepEqual(received, ['first chunk']);
    assert.ok(caught instanceof ProviderError, String(caught));
    assert.equal(caught.code, 'cancelled');
    await within(server.connectionClosed(0), PROMPT_MS, 'server-side close after abort');
  });

  it('abort while the body is idle (caller waiting for the next chunk) → cancelled promptly', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200);
      res.write('a');
    });
    const controller = new AbortController();
    const response = await sendRequest({ url: server.url, headers: {}, label: 'X' }, { signal: controller.signal });
    const iterator = response.body[Symbol.asyncIterator]();
    await iterator.next();
    const next = iterator.next();
    setTimeout(() => controller.abort(), 50);
    const error = await within(rejectionOf(next), PROMPT_MS, 'rejection after abort');
    assert.ok(error instanceof ProviderError);
    assert.equal(error.code, 'cancelled');
    await within(server.connectionClosed(0), PROMPT_MS, 'server-side close after abort');
  });

  it('abort while the TLS connection is still being set up → cancelled promptly, not after the connect timeout', async () => {
    const silent = await startSilentServer();
    try {
      const controller = new AbortController();
      const pending = sendRequest(
        { url: `https://127.0.0.1:${silent.port}/`, headers: {}, label: 'X' },
        { signal: controller.signal, network: { timeouts: { connectMs: 60_000 } } },
      );
      setTimeout(() => controller.abort(), 50);
      const error = await within(rejectionOf(pending), PROMPT_MS, 'rejection after abort');
      assert.ok(error instanceof ProviderError);
      assert.equal(error.code, 'cancelled');
    } finally {
      await silent.close();
    }
  });
});
