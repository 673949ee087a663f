import assert from 'node:assert/strict';
import { closeDispatchers, sendRequest } from '../../../src/net/http';
import { ProviderError } from '../../../src/net/errors';
import { readAll, rejectionOf, startServer, type TestServer } from './helpers/server';

/**
 * A kept-alive connection the server closes just as the next request is
 * written to it fails with "other side closed" before any reply (seen in a CI
 * run under load). Sending again on a fresh connection is what a browser does.
 */
describe('sendRequest: a kept-alive connection closed by the server', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await closeDispatchers();
  });

  const send = (log?: (line: string) => void) =>
    sendRequest({ url: server!.url, headers: {}, body: '{}', label: 'Emma' }, { signal: new AbortController().signal, ...(log ? { log } : {}) });

  /** Reads the first reply whole, then lets undici put its connection back in the pool (one turn of the event loop). */
  const firstReply = async () => {
    const text = await readAll((await send()).body);
    await new Promise((resolve) => setImmediate(resolve));
    return text;
  };

  it('a request on a reused connection that closes before any reply is sent again once, on a new connection', async () => {
    const ports: (number | undefined)[] = [];
    server = await startServer((req, res, index) => {
      ports[index] = req.socket.remotePort;
      if (index === 1) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/plain', Connection: 'keep-alive' });
      res.end(`reply ${index}`);
    });
    assert.equal(await firstReply(), 'reply 0');
    const lines: string[] = [];
    const second = await send((line) => lines.push(line));
    assert.equal(second.status, 200);
    assert.equal(await readAll(second.body), 'reply 2');
    assert.equal(server.requests.length, 3);
    assert.equal(ports[1], ports[0], 'the second request reused the first one\'s connection');
    assert.notEqual(ports[2], ports[1], 'sent again on a new connection');
    assert.ok(lines.some((line) => /closed by the server while idle; sending again/.test(line)), lines.join('\n'));
  });

  it('a fresh connection closed before any reply is not sent again (the server may have seen the request)', async () => {
    server = await startServer((req) => req.socket.destroy());
    const error = await rejectionOf(send());
    assert.ok(error instanceof ProviderError, String(error));
    assert.equal(error.code, 'network');
    assert.equal(server.requests.length, 1);
  });

  it('is sent again only once: a second close before any reply is a network error', async () => {
    server = await startServer((req, res, index) => {
      if (index >= 1) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/plain', Connection: 'keep-alive' });
      res.end('reply 0');
    });
    assert.equal(await firstReply(), 'reply 0');
    const error = await rejectionOf(send());
    assert.ok(error instanceof ProviderError, String(error));
    assert.equal(error.code, 'network');
    assert.equal(server.requests.length, 3);
  });
});
