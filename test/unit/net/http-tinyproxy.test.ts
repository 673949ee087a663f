import assert from 'node:assert/strict';
import { closeDispatchers, sendRequest } from '../../../src/net/http';
import { readAll, startServer, type TestServer } from './helpers/server';
import { TINYPROXY, startTinyproxy, type Tinyproxy } from './helpers/tinyproxy';

describe('sendRequest through a real proxy (Debian tinyproxy)', function () {
  let server: TestServer;
  let tinyproxy: Tinyproxy | undefined;

  before(async function () {
    if (!TINYPROXY) {
      console.log('      (skipped: tinyproxy not found at /usr/bin/tinyproxy or /usr/sbin/tinyproxy; install it with `apt-get install tinyproxy`)');
      this.skip();
    }
    tinyproxy = await startTinyproxy();
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      res.write('{"event":"update","response":"Ciao"}\n');
      res.end('{"event":"done","response":"Ciao!"}\n');
    });
  });
  after(async () => {
    await closeDispatchers();
    await server?.close();
    await tinyproxy?.stop();
  });

  it('streams a reply through tinyproxy with explicit http.proxy, and tinyproxy logs the CONNECT', async () => {
    const response = await sendRequest(
      { url: `${server.url}/api/chat/stream`, headers: { 'content-type': 'application/json' }, body: '{"message":"ciao"}', label: 'Emma' },
      { signal: new AbortController().signal, network: { proxy: { url: tinyproxy!.url } } },
    );
    assert.equal(response.status, 200);
    assert.equal(await readAll(response.body), '{"event":"update","response":"Ciao"}\n{"event":"done","response":"Ciao!"}\n');
    assert.equal(server.requests[0]!.body, '{"message":"ciao"}');
    assert.match(tinyproxy!.log(), new RegExp(`CONNECT 127\\.0\\.0\\.1:${server.port}`));
  });
});
