import assert from 'node:assert/strict';
import { createProvider, parseInstanceId } from '../../../src/providers';
import { errorForStatus } from '../../../src/providers/httpErrors';
import type { ChatMessage, ProviderProfile, SecondMeOptions } from '../../../src/providers/types';
import { startSimulator, type Simulator } from '../../simulator/server';
import { expectError, expectSuccess, run, testDeps, types, user } from './helpers';

describe('SecondMe adapter (against the simulator)', () => {
  let sim: Simulator;
  const secondMe = (instanceId = 'sim-instance', options: SecondMeOptions = {}, baseUrl: string | null = sim.url) =>
    createProvider(
      { id: 'sm', kind: 'secondme', instanceId, options, ...(baseUrl !== null ? { baseUrl } : {}) } as ProviderProfile,
      testDeps(undefined),
    );

  before(async () => {
    sim = await startSimulator({ delayMs: 0, instances: { 'other-instance': 'online' } });
  });
  after(() => sim.close());
  beforeEach(() => {
    sim.clearRequests();
    sim.setFault(undefined);
  });

  describe('instance id', () => {
    it('accepts a bare id or a pasted chat URL (either endpoint)', () => {
      assert.deepEqual(parseInstanceId('abc123'), { id: 'abc123' });
      assert.deepEqual(parseInstanceId(' https://app.secondme.io/api/chat/abc123 '), {
        id: 'abc123',
        origin: 'https://app.secondme.io',
      });
      assert.deepEqual(parseInstanceId('https://app.secondme.io/api/chat/abc123/chat/completions'), {
        id: 'abc123',
        origin: 'https://app.secondme.io',
      });
      assert.deepEqual(parseInstanceId('app.secondme.io/api/chat/abc-1_2/'), { id: 'abc-1_2', origin: 'https://app.secondme.io' });
    });

    it('refuses something that is neither, naming the field', () => {
      assert.throws(() => parseInstanceId('https://app.secondme.io/profile/abc'), {
        code: 'invalid_request',
        message: /neither an instance id nor a SecondMe chat URL/,
      });
      assert.throws(() => secondMe('a b c'), { code: 'invalid_request' });
      assert.throws(() => secondMe(''), { code: 'invalid_request', message: /instanceId/ });
    });

    it('uses the id from a pasted URL and the profile base URL', async () => {
      expectSuccess(await run(secondMe('https://app.secondme.io/api/chat/other-instance'), user('hello')));
      assert.equal(sim.requests[0]?.path, '/api/chat/other-instance');
    });

    it('uses the pasted URL’s origin when the profile has no base URL', async () => {
      expectSuccess(await run(secondMe(`${sim.url}/api/chat/sim-instance/chat/completions`, {}, null), user('hello')));
      assert.equal(sim.requests[0]?.path, '/api/chat/sim-instance');
    });
  });

  describe('request mapping', () => {
    it('POSTs messages with stream: true to /api/chat/{id}, without any key header', async () => {
      const messages: ChatMessage[] = [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: 'Hello, please introduce yourself.' },
      ];
      expectSuccess(await run(secondMe(), { messages }));
      const request = sim.requests[0];
      assert.equal(request?.path, '/api/chat/sim-instance');
      assert.deepEqual(request?.body, { messages, stream: true });
      assert.equal(request?.headers.authorization, undefined);
      assert.equal(request?.headers['x-api-key'], undefined);
    });

    it('chooses the /chat/completions endpoint and maps metadata, temperature and max_tokens', async () => {
      const options: SecondMeOptions = { endpoint: 'chat-completions', enableL0Retrieval: false, roleId: 'default_role', temperature: 0.7, maxTokens: 2000 };
      expectSuccess(await run(secondMe('sim-instance', options), user('hello')));
      assert.equal(sim.requests[0]?.path, '/api/chat/sim-instance/chat/completions');
      assert.deepEqual(sim.requests[0]?.body, {
        messages: [{ role: 'user', content: 'hello' }],
        metadata: { enable_l0_retrieval: false, role_id: 'default_role' },
        temperature: 0.7,
        max_tokens: 2000,
        stream: true,
      });
    });

    it('lets the request override temperature and max tokens; max_tokens cuts the reply (finish_reason length)', async () => {
      const outcome = await run(secondMe('sim-instance', { temperature: 0.2 }), { ...user('hello'), temperature: 1, maxTokens: 3 });
      expectSuccess(outcome);
      const body = sim.requests[0]?.body as Record<string, unknown>;
      assert.equal(body.temperature, 1);
      assert.equal(body.max_tokens, 3);
      assert.equal(outcome.events.filter((e) => e.type === 'delta').length, 3);
      assert.deepEqual(outcome.events.at(-1), { type: 'done', finishReason: 'length' });
    });

    it('enforces temperature 0–1 before sending', async () => {
      expectSuccess(await run(secondMe(), { ...user('hi'), temperature: 0 }));
      expectError(await run(secondMe(), { ...user('hi'), temperature: 1.01 }), 'invalid_request', /between 0 and 1/);
      expectError(await run(secondMe(), { ...user('hi'), temperature: -0.1 }), 'invalid_request', /between 0 and 1/);
      assert.equal(sim.requests.length, 1);
    });
  });

  describe('events', () => {
    it('streams choices[0].delta.content as deltas and finishes on finish_reason + [DONE]', async () => {
      const outcome = await run(secondMe(), user('你好,请介绍一下你自己'));
      const text = expectSuccess(outcome);
      assert.match(text, /^你好!我是在你电脑上运行的模拟助手。/);
      assert.match(text, /你的问题: “你好,请介绍一下你自己”/);
      assert.ok(outcome.events.filter((e) => e.type === 'delta').length > 10);
      assert.deepEqual(outcome.events.at(-1), { type: 'done', finishReason: 'stop' });
    });

    it('handles a plain chat.completion JSON reply (server ignoring stream: true)', async () => {
      const streamed = expectSuccess(await run(secondMe(), user('explain streaming')));
      const outcome = await run(secondMe(), user('explain streaming [[sim:ignore-stream]]'));
      const text = expectSuccess(outcome);
      assert.deepEqual(types(outcome.events), ['delta', 'usage', 'done']);
      assert.equal(text, streamed, 'same text as the streamed reply');
    });

    it('turns data: {"error": …} into a ProviderError, keeping the deltas before it', async () => {
      const outcome = await run(secondMe(), user('hello [[sim:error-event after=3]]'));
      expectError(outcome, 'unavailable', /^SecondMe: Model inference failed/);
      assert.equal(outcome.events.filter((e) => e.type === 'delta').length, 3);
    });
  });

  describe('HTTP errors', () => {
    it('unknown instance: 404 → not_found naming the instance', async () => {
      const error = expectError(await run(secondMe('nope-123'), user('hi')), 'not_found');
      assert.equal(error.message, 'SecondMe: instance “nope-123” not found — check the instance id');
      assert.equal(error.status, 404);
    });

    it('offline instance: 503 → unavailable "not online — start it"', async () => {
      const outcome = await run(secondMe('sim-offline'), user('hi'));
      const error = expectError(outcome, 'unavailable', /^SecondMe: instance “sim-offline” is not online — start it and wait for status “online”/);
      assert.equal(error.status, 503);
    });

    it('offline instance is not retried: it stays offline until the user starts it (one request, no wait)', async () => {
      const deps = testDeps(undefined);
      const provider = createProvider({ id: 'sm', kind: 'secondme', baseUrl: sim.url, instanceId: 'sim-offline' }, deps);
      expectError(await run(provider, user('hi')), 'unavailable', /is not online/);
      assert.equal(sim.requests.length, 1, 'one request, no retries');
      assert.deepEqual(deps.sleeps, []);
    });

    it('a 503 page from a gateway in front of SecondMe is still retried', async () => {
      const deps = testDeps(undefined);
      const provider = createProvider({ id: 'sm', kind: 'secondme', baseUrl: sim.url, instanceId: 'sim-instance' }, deps);
      expectSuccess(await run(provider, user('hi [[sim:html status=503 times=1]]')));
      assert.equal(sim.requests.length, 2, 'the HTML 503, then the reply');
    });

    it('422 → invalid_request quoting the server detail (the simulator’s real 422 body)', async () => {
      const raw = await fetch(`${sim.url}/api/chat/sim-instance`, {
        method: 'POST',
        body: JSON.stringify({ messages: [{ role: 'bot', content: 'x' }], temperature: 2, max_tokens: 1.5, stream: 'yes', metadata: { role_id: 7, enable_l0_retrieval: 'no' } }),
      });
      assert.equal(raw.status, 422);
      const body = await raw.text();
      const error = errorForStatus(422, {}, body, { label: 'SecondMe', kind: 'secondme', instanceId: 'sim-instance' });
      assert.equal(error.code, 'invalid_request');
      for (const field of ['messages.0.role', 'metadata.enable_l0_retrieval', 'metadata.role_id', 'temperature', 'max_tokens', 'stream'])
        assert.ok(body.includes(JSON.stringify(field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))).slice(1, -1)), `422 names ${field}`);
      assert.match(error.message, /messages\.0\.role: Input should be 'system', 'user', 'assistant'/);
    });

    it('422 for a missing messages field', async () => {
      const raw = await fetch(`${sim.url}/api/chat/sim-instance`, { method: 'POST', body: '{}' });
      assert.equal(raw.status, 422);
      assert.deepEqual((await raw.json()) as unknown, { detail: [{ type: 'missing', loc: ['body', 'messages'], msg: 'Field required' }] });
    });
  });
});
