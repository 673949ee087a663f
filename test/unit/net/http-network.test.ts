import assert from 'node:assert/strict';
import { closeDispatchers, sendRequest } from '../../../src/net/http';
import { ProviderError } from '../../../src/net/errors';
import { errorCode } from '../../../src/net/failures';
import { freePort, rejectionOf, startServer, type TestServer } from './helpers/server';

describe('sendRequest: network failures', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await closeDispatchers();
  });

  it('connection refused → network error naming the label, the host, ECONNREFUSED and what to check', async () => {
    const port = await freePort();
    const error = await rejectionOf(
      sendRequest({ url: `http://127.0.0.1:${port}/api/chat/stream`, headers: {}, label: 'Emma' }, { signal: new AbortController().signal }),
    );
    assert.ok(error instanceof ProviderError, String(error));
    assert.equal(error.code, 'network');
    assert.match(error.message, /^Emma: cannot reach /);
    assert.ok(error.message.includes(`127.0.0.1:${port}`));
    assert.ok(error.message.includes('ECONNREFUSED'));
    assert.match(error.message, /base URL/);
    assert.match(error.message, /proxy/);
  });

  it('unknown host → network error naming the host and the resolver code', async () => {
    const error = await rejectionOf(
      sendRequest(
        { url: 'http://parley-no-such-host.invalid/v1', headers: {}, label: 'ecovai' },
        { signal: new AbortController().signal, network: { timeouts: { connectMs: 5000 } } },
      ),
    );
    assert.ok(error instanceof ProviderError, String(error));
    // Without any DNS the resolver may time out instead of answering NXDOMAIN; both are actionable.
    assert.ok(error.code === 'network' || error.code === 'timeout', error.code);
    assert.ok(error.message.includes('parley-no-such-host.invalid'));
    if (error.code === 'network') assert.match(error.message, /\((ENOTFOUND|EAI_AGAIN)\)/);
  });

  it('connection reset before the headers → network error', async () => {
    server = await startServer((req) => req.socket.destroy());
    const error = await rejectionOf(sendRequest({ url: server.url, headers: {}, label: 'SecondMe' }, { signal: new AbortController().signal }));
    assert.ok(error instanceof ProviderError, String(error));
    assert.equal(error.code, 'network');
    assert.match(error.message, /^SecondMe: the connection to 127\.0\.0\.1:\d+ was closed before a reply arrived \((UND_ERR_SOCKET|ECONNRESET)\)/);
    // the GET/POST is not retried on a network error: the server saw it once
    assert.equal(server.requests.length, 1);
  });

  it('connection reset in the middle of the body → the iterator throws network after the chunks received', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      res.write('{"event":"update","response":"Ciao"}\n');
      setTimeout(() => res.socket?.destroy(), 30);
    });
    const response = await sendRequest({ url: server.url, headers: {}, label: 'Emma' }, { signal: new AbortController().signal });
    const received: string[] = [];
    let caught: unknown;
    try {
      for await (const chunk of response.body) received.push(Buffer.from(chunk).toString());
    } catch (error) {
      caught = error;
    }
    assert.deepEqual(received, ['{"event":"update","response":"Ciao"}\n']);
    assert.ok(caught instanceof ProviderError, String(caught));
    assert.equal(caught.code, 'network');
    assert.match(caught.message, /^Emma: the connection to 127\.0\.0\.1:\d+ broke off in the middle of the reply/);
  });

  it('errorCode finds codes on causes and AggregateError parts', () => {
    const inner = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    assert.equal(errorCode(new AggregateError([inner], 'all failed')), 'ECONNREFUSED');
    assert.equal(errorCode(new Error('wrapped', { cause: inner })), 'ECONNREFUSED');
    assert.equal(errorCode(new Error('plain')), undefined);
  });
});
