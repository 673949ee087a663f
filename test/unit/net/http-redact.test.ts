import assert from 'node:assert/strict';
import { closeDispatchers, redactHeaders, redactText, sendRequest } from '../../../src/net/http';
import { ProviderError } from '../../../src/net/errors';
import { freePort, readAll, rejectionOf, startServer, type TestServer } from './helpers/server';

const CANARY = 'pk-parley-CANARY-7f3a9c1e5b20';
const CANARY_BEARER = 'sk-parley-canary-0042aa77bb99cc';

describe('redaction helpers', () => {
  it('redactHeaders masks the key-carrying headers whatever their case, keeps the rest and the auth scheme', () => {
    const input = {
      Authorization: `Bearer ${CANARY_BEARER}`,
      'X-API-Key': CANARY,
      'api-key': CANARY,
      'Proxy-Authorization': 'Basic dXNlcjpwYXNz',
      'Content-Type': 'application/json',
    };
    const out = redactHeaders(input);
    assert.deepEqual(out, {
      Authorization: 'Bearer ***',
      'X-API-Key': '***',
      'api-key': '***',
      'Proxy-Authorization': 'Basic ***',
      'Content-Type': 'application/json',
    });
    assert.equal(input['X-API-Key'], CANARY, 'the input is not modified');
  });

  it('redactText masks exact secrets passed in, wherever they appear', () => {
    const out = redactText(`invalid key "${CANARY}" (prefix ${CANARY}x)`, [CANARY]);
    assert.ok(!out.includes(CANARY));
    assert.equal(out, 'invalid key "***" (prefix ***x)');
  });

  it('redactText masks Bearer tokens, key= pairs, header-like lines, URL credentials and sk- keys', () => {
    const cases: Array<[string, string]> = [
      ['Authorization: Bearer abc.def-ghi', 'Authorization: ***'],
      ['got bearer abc123== back', 'got bearer *** back'],
      ['https://h/p?key=abc123&x=1', 'https://h/p?key=***&x=1'],
      ['api_key=abc123 token=zzz', 'api_key=*** token=***'],
      ['{"x-api-key":"abc123","model":"emma-5"}', '{"x-api-key":"***","model":"emma-5"}'],
      ['http://user:s3cret@proxy.corp:3128', 'http://user:***@proxy.corp:3128'],
      [`error for ${CANARY_BEARER}`, 'error for sk-***'],
    ];
    for (const [input, expected] of cases) assert.equal(redactText(input), expected, input);
  });

  it('redactText leaves ordinary text alone, and ignores secrets too short to mask safely', () => {
    const text = 'The monkey keys in the key word; status 429, retry in 2 s.';
    assert.equal(redactText(text, ['ab', '']), text);
  });
});

describe('sendRequest: keys never reach logs or errors', () => {
  let server: TestServer | undefined;
  let lines: string[];
  const log = (line: string): void => void lines.push(line);
  beforeEach(() => (lines = []));
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await closeDispatchers();
  });

  const assertClean = (text: string, what: string): void => {
    assert.ok(!text.includes(CANARY), `${what} contains the X-API-Key canary: ${text}`);
    assert.ok(!text.includes(CANARY_BEARER), `${what} contains the Bearer canary: ${text}`);
  };

  it('a successful call with retries: log lines name the request but never the key, the query key is not logged', async () => {
    server = await startServer((_req, res, index) => {
      if (index === 0) res.writeHead(429, { 'Retry-After': '1' }).end();
      else res.writeHead(200).end('ok');
    });
    const response = await sendRequest(
      { url: `${server.url}/v1/chat/completions?key=${CANARY}`, headers: { Authorization: `Bearer ${CANARY_BEARER}`, 'X-API-Key': CANARY }, body: '{}', label: 'ecovai' },
      { signal: new AbortController().signal, log, sleep: async () => undefined },
    );
    assert.equal(await readAll(response.body), 'ok');
    assert.equal(server.requests[0]!.headers['x-api-key'], CANARY, 'the key is still sent to the server');
    assert.ok(lines.length >= 3, lines.join('\n'));
    for (const line of lines) assertClean(line, 'log line');
  });

  it('an error body that echoes the key comes back from text() masked', async () => {
    server = await startServer((req, res) => res.writeHead(401).end(`{"detail":"Invalid API key ${String(req.headers['x-api-key'])}"}`));
    const response = await sendRequest(
      { url: server.url, headers: { 'X-API-Key': CANARY }, label: 'Emma' },
      { signal: new AbortController().signal, log },
    );
    const text = await response.text();
    assertClean(text, 'text()');
    assert.equal(text, '{"detail":"Invalid API key ***"}');
  });

  it('failures (refused, timeout, mid-body reset): messages and log lines carry no key', async () => {
    const headers = { Authorization: `Bearer ${CANARY_BEARER}`, 'x-api-key': CANARY };
    const port = await freePort();
    const refused = await rejectionOf(
      sendRequest({ url: `http://127.0.0.1:${port}/?api_key=${CANARY}`, headers, label: 'Emma' }, { signal: new AbortController().signal, log }),
    );
    assert.ok(refused instanceof ProviderError);
    assertClean(refused.message, 'refused message');

    server = await startServer((_req, res, index) => {
      if (index === 0) return; // stalls: first-byte timeout
      res.writeHead(200);
      res.write('partial');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const timedOut = await rejectionOf(
      sendRequest({ url: server.url, headers, label: 'Emma' }, { signal: new AbortController().signal, log, network: { timeouts: { firstByteMs: 200 } } }),
    );
    assert.ok(timedOut instanceof ProviderError && timedOut.code === 'timeout');
    assertClean(timedOut.message, 'timeout message');

    const response = await sendRequest({ url: server.url, headers, label: 'Emma' }, { signal: new AbortController().signal, log });
    const broken = await rejectionOf(readAll(response.body));
    assert.ok(broken instanceof ProviderError && broken.code === 'network');
    assertClean(broken.message, 'mid-body message');

    assert.ok(lines.length >= 4, lines.join('\n'));
    for (const line of lines) assertClean(line, 'log line');
  });

  it('an invalid URL carrying the key is reported without it', async () => {
    const error = await rejectionOf(
      sendRequest({ url: `notaurl ${CANARY}`, headers: { 'X-API-Key': CANARY }, label: 'Emma' }, { signal: new AbortController().signal, log }),
    );
    assert.ok(error instanceof ProviderError && error.code === 'invalid_request');
    assertClean(error.message, 'invalid URL message');
  });
});
