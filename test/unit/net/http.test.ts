import assert from 'node:assert/strict';
import { closeDispatchers, sendRequest } from '../../../src/net/http';
import { cachedDispatcherCount } from '../../../src/net/proxy';
import { readAll, rejectionOf, startServer, type TestServer } from './helpers/server';
import { ProviderError } from '../../../src/net/errors';

describe('sendRequest: basics', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await closeDispatchers();
  });

  it('POSTs the body and headers and streams the reply chunk by chunk', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson', 'X-Trace': 'abc' });
      res.write('{"a":1}\n');
      setTimeout(() => res.end('{"b":2}\n'), 20);
    });
    const response = await sendRequest(
      { url: `${server.url}/api/chat/stream?x=1`, headers: { 'content-type': 'application/json' }, body: '{"message":"ciao"}', label: 'Emma' },
      { signal: new AbortController().signal },
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'application/x-ndjson');
    assert.equal(response.headers['x-trace'], 'abc');
    assert.equal(response.retries, 0);
    assert.match(response.requestId, /^[0-9a-f]{8}$/);
    assert.equal(await readAll(response.body), '{"a":1}\n{"b":2}\n');
    const seen = server.requests[0]!;
    assert.equal(seen.method, 'POST');
    assert.equal(seen.url, '/api/chat/stream?x=1');
    assert.equal(seen.body, '{"message":"ciao"}');
    assert.equal(seen.headers['content-type'], 'application/json');
  });

  it('sends GET when asked, and gives each call its own request id', async () => {
    server = await startServer((_req, res) => res.end('ok'));
    const signal = new AbortController().signal;
    const a = await sendRequest({ url: server.url, method: 'GET', headers: {}, label: 'X' }, { signal });
    const b = await sendRequest({ url: server.url, method: 'GET', headers: {}, label: 'X' }, { signal });
    assert.equal(await a.text(), 'ok');
    assert.equal(await b.text(), 'ok');
    assert.equal(server.requests[0]!.method, 'GET');
    assert.notEqual(a.requestId, b.requestId);
  });

  it('text() reads at most the limit and discards the rest, closing the connection', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'text/html' });
      res.write('<html>' + 'x'.repeat(10_000));
      // never ends: text() must not wait for the end once it has its bytes
    });
    const response = await sendRequest({ url: server.url, headers: {}, label: 'X' }, { signal: new AbortController().signal });
    const text = await response.text(100);
    assert.equal(text.length, 100);
    assert.ok(text.startsWith('<html>xxx'));
    await server.connectionClosed(0);
  });

  it('text() returns the whole body when it is shorter than the limit', async () => {
    server = await startServer((_req, res) => res.writeHead(404).end('{"detail":"Not Found"}'));
    const response = await sendRequest({ url: server.url, headers: {}, label: 'X' }, { signal: new AbortController().signal });
    assert.equal(response.status, 404);
    assert.equal(await response.text(), '{"detail":"Not Found"}');
  });

  it('stops reading and closes the connection when the caller breaks out of the body loop', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200);
      res.write('first');
      // keeps the stream open
    });
    const response = await sendRequest({ url: server.url, headers: {}, label: 'X' }, { signal: new AbortController().signal });
    for await (const chunk of response.body) {
      assert.equal(Buffer.from(chunk).toString(), 'first');
      break;
    }
    await server.connectionClosed(0);
  });

  it('refuses to iterate the body twice', async () => {
    server = await startServer((_req, res) => res.end('once'));
    const response = await sendRequest({ url: server.url, headers: {}, label: 'X' }, { signal: new AbortController().signal });
    assert.equal(await readAll(response.body), 'once');
    const error = await rejectionOf(readAll(response.body));
    assert.ok(error instanceof ProviderError);
    assert.equal(error.code, 'protocol');
  });

  it('rejects a URL that is not http(s) with an invalid_request error naming the label', async () => {
    const error = await rejectionOf(
      sendRequest({ url: 'ftp://example.invalid/x', headers: {}, label: 'ecovai' }, { signal: new AbortController().signal }),
    );
    assert.ok(error instanceof ProviderError);
    assert.equal(error.code, 'invalid_request');
    assert.match(error.message, /^ecovai: .*base URL/);
  });

  it('logs the status line and the body outcome with the request id, never the body', async () => {
    server = await startServer((_req, res) => res.writeHead(200).end('secret reply text'));
    const lines: string[] = [];
    const response = await sendRequest(
      { url: `${server.url}/api/chat/stream`, headers: {}, body: 'secret prompt text', label: 'Emma' },
      { signal: new AbortController().signal, log: (l) => lines.push(l) },
    );
    await readAll(response.body);
    const id = response.requestId;
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.match(lines[0]!, new RegExp(`^\\[${id}\\] POST http://127\\.0\\.0\\.1:\\d+/api/chat/stream → 200 in \\d+ ms \\(retries 0\\)$`));
    assert.match(lines[1]!, new RegExp(`^\\[${id}\\] POST .* body complete: 17 bytes in \\d+ ms$`));
    assert.ok(lines.every((l) => !l.includes('secret reply') && !l.includes('secret prompt')));
  });

  it('a log sink that throws does not fail the request', async () => {
    server = await startServer((_req, res) => res.end('ok'));
    const response = await sendRequest(
      { url: server.url, headers: {}, label: 'X' },
      {
        signal: new AbortController().signal,
        log: () => {
          throw new Error('sink broken');
        },
      },
    );
    assert.equal(await response.text(), 'ok');
  });

  it('reuses one dispatcher for requests with the same settings', async () => {
    server = await startServer((_req, res) => res.end('ok'));
    const network = { timeouts: { connectMs: 1234 } };
    for (let i = 0; i < 3; i++) {
      const response = await sendRequest({ url: server.url, headers: {}, label: 'X' }, { signal: new AbortController().signal, network: { ...network } });
      await response.text();
    }
    assert.equal(cachedDispatcherCount(), 1);
    await closeDispatchers();
    assert.equal(cachedDispatcherCount(), 0);
  });
});
