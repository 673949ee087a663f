/**
 * "No secret in any message, file or export": generated proxy settings and
 * server replies carrying credentials go through the real chain — the chat
 * controller, the real providers (createProvider) and net layer, the real
 * ConversationStore on disk — and no password, token or stored key may
 * survive in any sink: the error card (and every update the view is sent),
 * the saved conversation JSON, the Markdown export, and the log lines.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ChatController } from '../../../src/chat/chatController';
import { ConversationStore } from '../../../src/storage/conversationStore';
import { rememberSecret } from '../../../src/net/redact';
import { closeDispatchers } from '../../../src/net/proxy';
import { createProvider } from '../../../src/providers';
import type { ProviderProfile } from '../../../src/providers/types';
import { FakeProviderSource } from './fakes';

/** Characters RFC 3986 allows in userinfo, plus a raw "@" inside (URL parsers take the last one as the end). */
const USERINFO_CHARS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=%:"];
const userArb = fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/);
/** A password that cannot be mistaken for ordinary message text: 8+ characters with a letter and a digit. */
const passwordArb = fc
  .tuple(
    fc.array(fc.constantFrom(...USERINFO_CHARS), { minLength: 6, maxLength: 24 }),
    fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ'),
    fc.integer({ min: 0, max: 9 }),
    fc.boolean(),
  )
  .map(([chars, letter, digit, withAt]) => {
    const middle = chars.join('');
    return `${letter}${digit}${withAt ? `${middle.slice(0, 3)}@${middle.slice(3)}` : middle}`;
  });

interface Sinks {
  card: string;
  views: string;
  saved: string;
  exported: string;
  log: string;
}

describe('no secret in any message, file or export (property, real sinks)', function () {
  this.timeout(120_000);
  let folder: string;
  /** A port nothing listens on (bound once, then closed). */
  let closedPort: number;
  let echoServer: Server;
  let echoUrl: string;
  /** What the echo server quotes back in its 502 body (a proxy page that prints the request headers). */
  let echoed = '';

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'parley-redaction-'));
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    echoServer = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(echoed);
      });
    });
    await new Promise<void>((resolve) => echoServer.listen(0, '127.0.0.1', resolve));
    echoUrl = `http://127.0.0.1:${(echoServer.address() as AddressInfo).port}/v1`;
  });

  after(async () => {
    await closeDispatchers();
    await new Promise<void>((resolve) => echoServer.close(() => resolve()));
    await rm(folder, { recursive: true, force: true });
  });

  /** One question through the whole chain; returns what every sink holds afterwards. */
  async function askThroughSinks(profile: ProviderProfile, proxy: string | undefined, key: string | undefined): Promise<Sinks> {
    const dir = await mkdtemp(join(folder, 'run-'));
    const store = new ConversationStore(dir);
    const log: string[] = [];
    const source = new FakeProviderSource([profile]);
    source.deps = () => ({
      getSecret: async () => key,
      network: { retry: { max: 0 }, timeouts: { connectMs: 2000, firstByteMs: 4000, idleMs: 4000 }, ...(proxy ? { proxy: { url: proxy } } : {}) },
      log: (line) => log.push(line),
    });
    const chat = new ChatController({ providers: source, createProvider, store, clock: Date, log: (line) => log.push(line) });
    const views: string[] = [];
    chat.onUpdate((update) => views.push(JSON.stringify(update)));
    await chat.ask({ prompt: 'hello' });
    const reply = chat.current().turns.at(-1)?.reply;
    assert.equal(reply?.status, 'error', `expected an error card, got ${JSON.stringify(reply)}`);
    const files = await readdir(dir);
    const saved = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
    assert.ok(saved.includes('"error"'), 'the conversation with its error card was saved');
    return { card: reply?.error?.message ?? '', views: views.join('\n'), saved, exported: chat.exportMarkdown() ?? '', log: log.join('\n') };
  }

  function assertNoneSurvive(sinks: Sinks, secrets: string[]): void {
    for (const [sink, text] of Object.entries(sinks)) {
      for (const secret of secrets) assert.ok(!text.includes(secret), `${sink} contains ${JSON.stringify(secret)}:\n${text}`);
    }
  }

  const localProfile = (): ProviderProfile => ({ id: 'local', kind: 'openai-compatible', label: 'Local', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' });

  it('reproduction: "http.proxy": "user:PASSWORD@127.0.0.1:99999" leaks into no card, saved file, export or log', async () => {
    const sinks = await askThroughSinks(localProfile(), 'user:PASSWORD@127.0.0.1:99999', undefined);
    assert.match(sinks.card, /http\.proxy/, 'the card still says which setting is wrong');
    assertNoneSurvive(sinks, ['PASSWORD']);
  });

  it('proxy settings with credentials (with or without a scheme, valid or invalid port) leave no password anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('', 'http://', 'https://', 'HTTP://'),
        userArb,
        passwordArb,
        fc.constantFrom('127.0.0.1', 'localhost', '[::1]'),
        fc.oneof(fc.integer({ min: 65536, max: 99999 }), fc.constant(-1)),
        async (scheme, user, password, host, port) => {
          const proxy = `${scheme}${user}:${password}@${host}:${port === -1 ? closedPort : port}`;
          const sinks = await askThroughSinks(localProfile(), proxy, undefined);
          assertNoneSurvive(sinks, [password]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a server that echoes Authorization, Proxy-Authorization, proxy URLs and the stored key leaves none of them anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(passwordArb, passwordArb, fc.stringMatching(/^[A-Za-z0-9]{16,32}$/), userArb, async (password, token, key, user) => {
        fc.pre(key.length >= 16 && /[0-9]/.test(key) && /[A-Za-z]/.test(key));
        rememberSecret(key);
        const basic = Buffer.from(`${user}:${password}`).toString('base64');
        echoed = [
          `upstream failed for ${user}:${password}@proxy.internal:3128`,
          `Proxy-Authorization: Basic ${basic}`,
          `authorization: Bearer ${token}`,
          `your key ${key} is wrong`,
        ].join('\n');
        const profile: ProviderProfile = { id: 'echo', kind: 'openai-compatible', label: 'Echo', baseUrl: echoUrl, model: 'm' };
        const sinks = await askThroughSinks(profile, undefined, key);
        assertNoneSurvive(sinks, [password, basic, token, key]);
      }),
      { numRuns: 30 },
    );
  });
});
