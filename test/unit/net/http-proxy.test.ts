import assert from 'node:assert/strict';
import { closeDispatchers, sendRequest } from '../../../src/net/http';
import { ProviderError } from '../../../src/net/errors';
import { bypassesProxy } from '../../../src/net/proxy';
import { startProxy, type TestProxy } from './helpers/proxy';
import { freePort, readAll, rejectionOf, startServer, startSilentServer, type TestServer } from './helpers/server';
import { OPENSSL, selfSignedCertificate, startHttpsServer } from './helpers/tls';

const PROXY_ENV = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'];

describe('sendRequest: proxy', () => {
  let server: TestServer;
  let proxy: TestProxy;
  let savedEnv: Record<string, string | undefined>;
  let lines: string[];
  const log = (line: string): void => void lines.push(line);
  const signal = (): AbortSignal => new AbortController().signal;

  beforeEach(async () => {
    savedEnv = Object.fromEntries(PROXY_ENV.map((name) => [name, process.env[name]]));
    for (const name of PROXY_ENV) delete process.env[name];
    lines = [];
    server = await startServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('through'));
    proxy = await startProxy();
  });
  afterEach(async () => {
    for (const name of PROXY_ENV) {
      const value = savedEnv[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await closeDispatchers();
    await server.close();
    await proxy.close();
  });

  it('explicit http.proxy: the request goes through the proxy (CONNECT tunnel) and the log says so', async () => {
    const response = await sendRequest(
      { url: `${server.url}/v1/chat/completions`, headers: {}, body: '{}', label: 'ecovai' },
      { signal: signal(), log, network: { proxy: { url: proxy.url } } },
    );
    assert.equal(await readAll(response.body), 'through');
    assert.deepEqual(proxy.seen.map((s) => `${s.method} ${s.target}`), [`CONNECT 127.0.0.1:${server.port}`]);
    assert.equal(server.requests[0]!.url, '/v1/chat/completions');
    assert.ok(lines.some((l) => l.includes(`via http://127.0.0.1:${proxy.port}`)), lines.join('\n'));
  });

  it('explicit http.proxy without a scheme is taken as http://', async () => {
    const response = await sendRequest(
      { url: server.url, headers: {}, label: 'X' },
      { signal: signal(), network: { proxy: { url: `127.0.0.1:${proxy.port}` } } },
    );
    assert.equal(await response.text(), 'through');
    assert.equal(proxy.seen.length, 1);
  });

  it('proxy credentials in http.proxy are sent to the proxy and never logged', async () => {
    const password = 'proxy-CANARY-pass-9d2e';
    const response = await sendRequest(
      { url: server.url, headers: {}, label: 'X' },
      { signal: signal(), log, network: { proxy: { url: `http://alice:${password}@127.0.0.1:${proxy.port}` } } },
    );
    await response.text();
    assert.equal(proxy.seen[0]!.proxyAuthorization, `Basic ${Buffer.from(`alice:${password}`).toString('base64')}`);
    assert.ok(lines.length > 0);
    for (const line of lines) assert.ok(!line.includes(password), line);
  });

  it('http.noProxy: a listed host bypasses the proxy', async () => {
    for (const noProxy of [['127.0.0.1'], ['*'], [`127.0.0.1:${server.port}`], ['example.com, 127.0.0.1']]) {
      const response = await sendRequest(
        { url: server.url, headers: {}, label: 'X' },
        { signal: signal(), network: { proxy: { url: proxy.url, noProxy } } },
      );
      assert.equal(await response.text(), 'through', JSON.stringify(noProxy));
    }
    assert.equal(proxy.seen.length, 0);
    assert.equal(server.requests.length, 4);
  });

  it('http.noProxy: hosts not listed (or another port) still go through the proxy', async () => {
    const response = await sendRequest(
      { url: server.url, headers: {}, label: 'X' },
      { signal: signal(), network: { proxy: { url: proxy.url, noProxy: ['example.com', '127.0.0.1:1', '.corp.internal'] } } },
    );
    await response.text();
    assert.equal(proxy.seen.length, 1);
  });

  it('HTTP_PROXY from the environment is used when http.proxy is empty', async () => {
    process.env.HTTP_PROXY = proxy.url;
    const response = await sendRequest({ url: server.url, headers: {}, label: 'X' }, { signal: signal(), log, network: { proxy: { url: '' } } });
    assert.equal(await response.text(), 'through');
    assert.deepEqual(proxy.seen.map((s) => s.method), ['CONNECT']);
    assert.ok(lines.some((l) => l.includes(`via http://127.0.0.1:${proxy.port}`)), lines.join('\n'));
  });

  it('NO_PROXY from the environment bypasses the environment proxy', async () => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = 'localhost,127.0.0.1';
    const response = await sendRequest({ url: server.url, headers: {}, label: 'X' }, { signal: signal() });
    assert.equal(await response.text(), 'through');
    assert.equal(proxy.seen.length, 0);
  });

  it('explicit http.proxy wins over the environment (which points at a dead port here)', async () => {
    process.env.HTTP_PROXY = `http://127.0.0.1:${await freePort()}`;
    const response = await sendRequest({ url: server.url, headers: {}, label: 'X' }, { signal: signal(), network: { proxy: { url: proxy.url } } });
    assert.equal(await response.text(), 'through');
    assert.equal(proxy.seen.length, 1);
  });

  it('a proxy that is down → network error naming the proxy', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const error = await rejectionOf(
      sendRequest({ url: server.url, headers: {}, label: 'Emma' }, { signal: signal(), network: { proxy: { url: dead } } }),
    );
    assert.ok(error instanceof ProviderError, String(error));
    assert.equal(error.code, 'network');
    assert.ok(error.message.includes(dead), error.message);
    assert.match(error.message, /http\.proxy/);
  });

  it('a proxy that refuses the tunnel (407) → network error telling to check the proxy', async () => {
    // a raw TCP "proxy" that answers every CONNECT with 407
    const net = await import('node:net');
    const raw = net.createServer((socket) => {
      socket.once('data', () => socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n'));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      const port = (raw.address() as import('node:net').AddressInfo).port;
      const error = await rejectionOf(
        sendRequest({ url: server.url, headers: {}, label: 'Emma' }, { signal: signal(), network: { proxy: { url: `http://127.0.0.1:${port}` } } }),
      );
      assert.ok(error instanceof ProviderError, String(error));
      assert.equal(error.code, 'network');
      assert.match(error.message, /proxy/);
      assert.ok(error.message.includes(`127.0.0.1:${port}`), error.message);
    } finally {
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });

  it('a proxy that accepts but never answers CONNECT → connect timeout (not a 300 s wait)', async () => {
    const silent = await startSilentServer();
    try {
      const error = await rejectionOf(
        sendRequest(
          { url: server.url, headers: {}, label: 'SecondMe' },
          { signal: signal(), network: { proxy: { url: `http://127.0.0.1:${silent.port}` }, timeouts: { connectMs: 200 } } },
        ),
      );
      assert.ok(error instanceof ProviderError, String(error));
      assert.equal(error.code, 'timeout');
      assert.match(error.message, /connect timeout/);
      assert.ok(error.message.includes(`via http://127.0.0.1:${silent.port}`), error.message);
    } finally {
      await silent.close();
    }
  });

  it('an unusable http.proxy value → network error naming the setting, nothing sent', async () => {
    for (const url of ['http://[bad', 'socks5://127.0.0.1:1080']) {
      const error = await rejectionOf(sendRequest({ url: server.url, headers: {}, label: 'Emma' }, { signal: signal(), network: { proxy: { url } } }));
      assert.ok(error instanceof ProviderError, String(error));
      assert.equal(error.code, 'network');
      assert.match(error.message, /^Emma: .*"http\.proxy"/);
    }
    assert.equal(server.requests.length, 0);
  });

  describe('https targets (self-signed certificate made with openssl)', function () {
    let certificate: ReturnType<typeof selfSignedCertificate> | undefined;
    before(function () {
      if (!OPENSSL) {
        console.log('      (skipped: openssl not found at /usr/bin/openssl; install it with `apt-get install openssl`)');
        this.skip();
      }
      certificate = selfSignedCertificate();
    });

    it('HTTPS_PROXY from the environment tunnels https targets; strictSSL false accepts the certificate', async () => {
      const secure = await startHttpsServer(certificate!, (_req, res) => res.end('secure'));
      try {
        process.env.HTTPS_PROXY = proxy.url;
        const response = await sendRequest({ url: `${secure.url}/v1`, headers: {}, label: 'X' }, { signal: signal(), network: { proxy: { strictSSL: false } } });
        assert.equal(await response.text(), 'secure');
        assert.deepEqual(proxy.seen.map((s) => `${s.method} ${s.target}`), [`CONNECT 127.0.0.1:${secure.port}`]);
      } finally {
        await secure.close();
      }
    });

    it('strictSSL true (the default) rejects the self-signed certificate with an actionable network error', async () => {
      const secure = await startHttpsServer(certificate!, (_req, res) => res.end('secure'));
      try {
        const error = await rejectionOf(
          sendRequest({ url: secure.url, headers: {}, label: 'ecovai' }, { signal: signal(), network: { proxy: { url: proxy.url } } }),
        );
        assert.ok(error instanceof ProviderError, String(error));
        assert.equal(error.code, 'network');
        assert.match(error.message, /certificate/);
        assert.match(error.message, /http\.proxyStrictSSL/);
        assert.equal(proxy.seen.length, 1, 'the tunnel was opened through the proxy');
        assert.equal(secure.hits, 0);
      } finally {
        await secure.close();
      }
    });
  });
});

describe('bypassesProxy (http.noProxy matching)', () => {
  const url = (u: string): URL => new URL(u);
  it('matches exact hosts and their subdomains, .suffix and *.suffix, *, and host:port', () => {
    assert.equal(bypassesProxy(url('https://api.ecovai.cn/v1'), ['api.ecovai.cn']), true);
    assert.equal(bypassesProxy(url('https://api.ecovai.cn/v1'), ['ecovai.cn']), true);
    assert.equal(bypassesProxy(url('https://api.ecovai.cn/v1'), ['.ecovai.cn']), true);
    assert.equal(bypassesProxy(url('https://api.ecovai.cn/v1'), ['*.ecovai.cn']), true);
    assert.equal(bypassesProxy(url('https://ecovai.cn/v1'), ['.ecovai.cn']), true);
    assert.equal(bypassesProxy(url('https://app.secondme.io/'), ['*']), true);
    assert.equal(bypassesProxy(url('http://localhost:11434/v1'), ['localhost:11434']), true);
    assert.equal(bypassesProxy(url('https://emma.egomnia.com/'), ['emma.egomnia.com:443']), true);
    assert.equal(bypassesProxy(url('http://[::1]:8080/'), ['[::1]:8080']), true);
    assert.equal(bypassesProxy(url('http://[::1]:8080/'), ['::1']), true);
    assert.equal(bypassesProxy(url('https://API.Ecovai.CN/'), ['api.ecovai.cn']), true);
  });

  it('does not match other hosts, lookalike suffixes or other ports', () => {
    assert.equal(bypassesProxy(url('https://api.ecovai.cn/v1'), []), false);
    assert.equal(bypassesProxy(url('https://api.ecovai.cn/v1'), undefined), false);
    assert.equal(bypassesProxy(url('https://notecovai.cn/'), ['ecovai.cn']), false);
    assert.equal(bypassesProxy(url('http://localhost:1234/'), ['localhost:11434']), false);
    assert.equal(bypassesProxy(url('https://emma.egomnia.com/'), ['emma.egomnia.com:80']), false);
    assert.equal(bypassesProxy(url('https://emma.egomnia.com/'), ['', '  ']), false);
  });
});
