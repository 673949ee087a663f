import assert from 'node:assert/strict';
import { closeDispatchers, sendRequest } from '../../../src/net/http';
import { ProviderError } from '../../../src/net/errors';
import { TIMEOUT_SETTING_KEYS } from '../../../src/net/timeouts';
import { rejectionOf, readAll, startServer, startSilentServer, type TestServer } from './helpers/server';

/** Tiny timeouts; the tests assert which error, never how long it took. */
const network = { timeouts: { connectMs: 200, firstByteMs: 200, idleMs: 200 } };

describe('sendRequest: timeouts', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await closeDispatchers();
  });

  it('connect timeout: a TLS handshake that never completes → timeout naming connect and its setting', async () => {
    const silent = await startSilentServer();
    try {
      const error = await rejectionOf(
        sendRequest({ url: `https://127.0.0.1:${silent.port}/v1/chat/completions`, headers: {}, label: 'ecovai' }, { signal: new AbortController().signal, network }),
      );
      assert.ok(error instanceof ProviderError, String(error));
      assert.equal(error.code, 'timeout');
      assert.match(error.message, /^ecovai: /);
      assert.match(error.message, /connect timeout/);
      assert.ok(error.message.includes(TIMEOUT_SETTING_KEYS.connectMs));
      assert.ok(error.message.includes(`127.0.0.1:${silent.port}`));
    } finally {
      await silent.close();
    }
  });

  it('first-byte timeout: no response headers in time → timeout naming first-byte and its setting', async () => {
    server = await startServer(() => {
      /* never answers */
    });
    const error = await rejectionOf(sendRequest({ url: server.url, headers: {}, label: 'Emma' }, { signal: new AbortController().signal, network }));
    assert.ok(error instanceof ProviderError, String(error));
    assert.equal(error.code, 'timeout');
    assert.match(error.message, /^Emma: .*first-byte timeout/);
    assert.ok(error.message.includes(TIMEOUT_SETTING_KEYS.firstByteMs));
  });

  it('idle timeout: the body stalls between chunks → the body iterator throws timeout naming idle and its setting', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write('data: {"x":1}\n\n');
      // then silence
    });
    const response = await sendRequest({ url: server.url, headers: {}, label: 'SecondMe' }, { signal: new AbortController().signal, network });
    const received: string[] = [];
    let caught: unknown;
    try {
      for await (const chunk of response.body) received.push(Buffer.from(chunk).toString());
    } catch (error) {
      caught = error;
    }
    assert.deepEqual(received, ['data: {"x":1}\n\n']);
    assert.ok(caught instanceof ProviderError, String(caught));
    assert.equal(caught.code, 'timeout');
    assert.match(caught.message, /^SecondMe: .*idle timeout/);
    assert.ok(caught.message.includes(TIMEOUT_SETTING_KEYS.idleMs));
    await server.connectionClosed(0);
  });

  it('a body whose chunks keep coming within the idle limit is not cut off', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200);
      let n = 0;
      const tick = setInterval(() => {
        res.write(`${n}\n`);
        if (++n === 4) {
          clearInterval(tick);
          res.end();
        }
      }, 100);
    });
    // 4 chunks 100 ms apart take longer than the 300 ms idle limit in total, but never 300 ms between two.
    const response = await sendRequest(
      { url: server.url, headers: {}, label: 'X' },
      { signal: new AbortController().signal, network: { timeouts: { idleMs: 300 } } },
    );
    assert.equal(await readAll(response.body), '0\n1\n2\n3\n');
  });

  it('falls back to the defaults for missing or invalid timeout values', async () => {
    const { resolveTimeouts } = await import('../../../src/net/timeouts');
    const { DEFAULT_TIMEOUTS } = await import('../../../src/net/settings');
    assert.deepEqual(resolveTimeouts(undefined), DEFAULT_TIMEOUTS);
    assert.deepEqual(resolveTimeouts({ timeouts: { connectMs: -1, firstByteMs: Number.NaN, idleMs: 5 } }), {
      ...DEFAULT_TIMEOUTS,
      idleMs: 5,
    });
  });
});
