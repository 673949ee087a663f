import assert from 'node:assert/strict';
import { createProvider } from '../../../src/providers';
import { isProviderError, ProviderError } from '../../../src/net/errors';
import { errorForStatus } from '../../../src/providers/httpErrors';
import { completionEvents } from '../../../src/providers/openaiStream';
import { isUsageFieldRejection } from '../../../src/providers/usageInStream';
import type { ChatMessage, OpenAICompatibleOptions } from '../../../src/providers/types';
import type { Simulator } from '../../simulator/server';
import { expectError, expectSuccess, run, testDeps, types, user } from './helpers';
import { useSimulator } from '../../simulator/mochaHooks';

describe('OpenAI-compatible adapter (against the simulator)', () => {
  let sim: Simulator;
  const ecovai = (options: OpenAICompatibleOptions = {}, key: string | null = 'sim-openai-key', model = 'spark-v3', path = '/v1', id = 'eco') =>
    createProvider(
      { id, kind: 'openai-compatible', label: 'ecovai', baseUrl: `${sim.url}${path}`, model, options },
      testDeps(key ?? undefined),
    );

  useSimulator((started) => {
    sim = started;
  });

  describe('request mapping', () => {
    it('POSTs model, messages and stream: true to {baseUrl}/chat/completions with a Bearer key', async () => {
      const messages: ChatMessage[] = [
        { role: 'system', content: '你是一个有帮助的助手' },
        { role: 'user', content: '你好,请介绍一下你自己' },
      ];
      expectSuccess(await run(ecovai(), { messages }));
      const request = sim.requests[0];
      assert.equal(request?.path, '/v1/chat/completions');
      assert.equal(request?.headers.authorization, 'Bearer sim-openai-key');
      assert.deepEqual(request?.body, { model: 'spark-v3', messages, stream: true, stream_options: { include_usage: true } });
    });

    it('tolerates a trailing slash in the base URL', async () => {
      expectSuccess(await run(ecovai({}, 'sim-openai-key', 'spark-v3', '/v1/'), user('hi')));
      assert.equal(sim.requests[0]?.path, '/v1/chat/completions');
    });

    it('maps temperature, top_k, max_tokens; the request overrides the profile', async () => {
      expectSuccess(await run(ecovai({ temperature: 0.7, topK: 4, maxTokens: 2048 }), user('hi')));
      assert.deepEqual(sim.requests[0]?.body, {
        model: 'spark-v3',
        messages: [{ role: 'user', content: 'hi' }],
        temperature: 0.7,
        top_k: 4,
        max_tokens: 2048,
        stream: true,
        stream_options: { include_usage: true },
      });
      const outcome = await run(ecovai({ temperature: 0.7, maxTokens: 2048 }), { ...user('hi'), temperature: 0.2, maxTokens: 4 });
      expectSuccess(outcome);
      const body = sim.requests[1]?.body as Record<string, unknown>;
      assert.equal(body.temperature, 0.2);
      assert.equal(body.max_tokens, 4);
      assert.deepEqual(outcome.events.at(-1), { type: 'done', finishReason: 'length' });
    });

    it('enforces temperature 0–1 for ecovai (and the maxTemperature option elsewhere) before sending', async () => {
      expectError(await run(ecovai({ maxTemperature: 1 }), { ...user('hi'), temperature: 1.2 }), 'invalid_request', /between 0 and 1 for this endpoint .*\(got 1\.2\)/);
      const ecovaiHost = createProvider(
        { id: 'e', kind: 'openai-compatible', baseUrl: 'https://api.ecovai.cn/v1', model: 'spark-v3' },
        testDeps('k'),
      );
      expectError(await run(ecovaiHost, { ...user('hi'), temperature: 1.5 }), 'invalid_request', /between 0 and 1/);
      assert.equal(sim.requests.length, 0);
      expectSuccess(await run(ecovai({ maxTemperature: 1 }), { ...user('hi'), temperature: 1 }));
      expectError(await run(ecovai({ maxTemperature: 2 }), { ...user('hi'), temperature: 2.5 }), 'invalid_request', /between 0 and 2/);
      assert.equal(sim.requests.length, 1);
      // Without maxTemperature a non-ecovai host allows up to 2; the simulated ecovai then answers 400, shown readably.
      const outcome = await run(ecovai(), { ...user('hi'), temperature: 1.2 });
      expectError(outcome, 'invalid_request', /HTTP 400\)\. The server said: “Invalid value for 'temperature'/);
    });

    it('refuses top_k < 1 and max_tokens < 1 (profile validation names the field)', () => {
      assert.throws(() => ecovai({ topK: 0 }), { code: 'invalid_request', message: /options\.topK/ });
      assert.throws(() => ecovai({ maxTokens: 0 }), { code: 'invalid_request', message: /options\.maxTokens/ });
    });

    it('asks for usage in the stream by default and reports prompt, completion and total tokens', async () => {
      const outcome = await run(ecovai(), user('hi'));
      expectSuccess(outcome);
      assert.deepEqual((sim.requests[0]?.body as Record<string, unknown>).stream_options, { include_usage: true });
      const usage = outcome.events.find((e) => e.type === 'usage');
      assert.ok(usage && usage.type === 'usage' && usage.promptTokens! > 0 && usage.outputTokens! > 0);
      assert.equal(usage.totalTokens, usage.promptTokens! + usage.outputTokens!);
    });

    it('includeUsage: false never asks, and then no counts are reported (none invented)', async () => {
      const outcome = await run(ecovai({ includeUsage: false }), user('hi'));
      expectSuccess(outcome);
      assert.equal((sim.requests[0]?.body as Record<string, unknown>).stream_options, undefined);
      assert.ok(!types(outcome.events).includes('usage'), JSON.stringify(types(outcome.events)));
    });

    it('an endpoint whose 400 names stream_options gets the request once more without it, remembered for the profile', async () => {
      const lines: string[] = [];
      const strict = (id: string) => {
        const deps = { ...testDeps('sim-openai-key'), log: (line: string) => lines.push(line) };
        return createProvider({ id, kind: 'openai-compatible', label: 'strict', baseUrl: `${sim.url}/v1`, model: 'spark-v3' }, deps);
      };
      sim.setFault({ kind: 'reject-stream-options' });
      const first = await run(strict('strict-endpoint'), user('hi'));
      assert.match(expectSuccess(first), /hi/i);
      assert.deepEqual(sim.requests.map((r) => (r.body as Record<string, unknown>).stream_options ?? null), [{ include_usage: true }, null]);
      assert.ok(!types(first.events).includes('usage'), 'no counts arrived, none are shown');
      assert.ok(lines.some((l) => /rejected stream_options/.test(l)));

      expectSuccess(await run(strict('strict-endpoint'), user('again')));
      assert.equal(sim.requests.length, 3, 'remembered: the next request goes without the field at once');
      assert.equal((sim.requests[2]?.body as Record<string, unknown>).stream_options, undefined);

      expectSuccess(await run(strict('another-profile'), user('hi')));
      assert.deepEqual((sim.requests[3]?.body as Record<string, unknown>).stream_options, { include_usage: true }, 'per profile');
    });

    it('only a 400/422 that names stream_options or include_usage counts as refusing the field', () => {
      const said = (status: number, text: string) =>
        new ProviderError('invalid_request', `ecovai: the server rejected the request (HTTP ${status}). The server said: “${text}”`, { status });
      assert.equal(isUsageFieldRejection(said(400, 'Unrecognized request argument supplied: stream_options')), true);
      assert.equal(isUsageFieldRejection(said(422, 'extra fields not permitted: include_usage')), true);
      assert.equal(isUsageFieldRejection(said(400, 'temperature must be at most 1')), false);
      assert.equal(isUsageFieldRejection(said(500, 'stream_options crashed us')), false);
    });

    it('stream: false → one chat.completion JSON: whole content as one delta, usage, done', async () => {
      const streamed = expectSuccess(await run(ecovai(), user('compare REST and gRPC')));
      const outcome = await run(ecovai({ stream: false }), user('compare REST and gRPC'));
      const text = expectSuccess(outcome);
      assert.equal((sim.requests[1]?.body as Record<string, unknown>).stream, false);
      assert.match(sim.requests[1]?.headers.accept ?? '', /application\/json/);
      assert.deepEqual(types(outcome.events), ['delta', 'usage', 'done']);
      assert.equal(text, streamed);
      assert.match(text, /\| gRPC \| fast, streaming \|/);
      const usage = outcome.events[1];
      assert.ok(usage?.type === 'usage' && usage.promptTokens! > 0 && usage.outputTokens! > 0);
    });

    it('handles a JSON reply when the server ignores stream: true', async () => {
      const outcome = await run(ecovai(), user('write a function [[sim:ignore-stream]]'));
      const text = expectSuccess(outcome);
      assert.deepEqual(types(outcome.events), ['delta', 'usage', 'done']);
      assert.match(text, /```typescript\n/);
    });

    it('sends no Authorization header when no key is stored (local servers)', async () => {
      expectSuccess(await run(ecovai({}, null, 'llama3.2', '/local/v1'), user('hi')));
      assert.equal(sim.requests[0]?.path, '/local/v1/chat/completions');
      assert.equal(sim.requests[0]?.headers.authorization, undefined);
    });
  });

  describe('events', () => {
    it('skips role-only deltas, empty choices, ping events and comments', async () => {
      const plain = expectSuccess(await run(ecovai(), user('hi there')));
      const noisy = expectSuccess(await run(ecovai(), user('hi there [[sim:unknown-events]] [[sim:sse-extras]]')));
      assert.equal(noisy, plain);
    });

    it('turns data: {"error": …} into a ProviderError, keeping the deltas before it', async () => {
      const outcome = await run(ecovai(), user('hi [[sim:error-event after=4]]'));
      expectError(outcome, 'unavailable', /^ecovai: The server had an error/);
      assert.equal(outcome.events.filter((e) => e.type === 'delta').length, 3, 'role chunk + 3 content chunks were sent');
    });

    it('an error event with HTTP 200 is mapped by its code like the HTTP status: invalid_api_key → auth (Set API Key card)', async () => {
      const outcome = await run(ecovai(), user('hi [[sim:error-event after=0 code=invalid_api_key type=invalid_request_error message=Incorrect-API-key-provided]]'));
      const error = expectError(outcome, 'auth', /^ecovai: the API key is missing or invalid — run “Parley: Set API Key”\. The server said: “Incorrect-API-key-provided”$/);
      assert.equal(error.status, undefined, 'the reply was a 200: no HTTP status is claimed');
      assert.equal(sim.requests.length, 1);
    });

    for (const [fields, code] of [
      ['code=insufficient_quota', 'quota'],
      ['code=rate_limit_exceeded', 'rate_limited'],
      ['code=model_not_found', 'not_found'],
      ['type=invalid_request_error code=context_length_exceeded', 'invalid_request'],
      ['type=authentication_error code=none', 'auth'],
      ['type=permission_error code=none', 'auth'],
      ['code=401', 'auth'],
      ['type=server_error code=internal_error', 'unavailable'],
    ] as const) {
      it(`an error event with ${fields} → ${code}`, async () => {
        expectError(await run(ecovai(), user(`hi [[sim:error-event after=1 ${fields}]]`)), code);
      });
    }

    it('the same error object in a plain JSON 200 reply is mapped the same way', () => {
      const body = JSON.stringify({ error: { message: 'Incorrect API key', type: 'invalid_request_error', code: 'invalid_api_key' } });
      assert.throws(
        () => [...completionEvents(body, { label: 'ecovai', kind: 'openai-compatible' })],
        (error: unknown) => isProviderError(error) && error.code === 'auth' && /Set API Key/.test(error.message),
      );
    });
  });

  describe('HTTP errors', () => {
    it('401 without a key → auth', async () => {
      const error = expectError(await run(ecovai({}, null), user('hi')), 'auth', /^ecovai: the API key is missing or invalid — run “Parley: Set API Key”$/);
      assert.equal(error.status, 401);
    });

    it('401 for a wrong key → auth, and the echoed key never appears in the message', async () => {
      const canary = 'sk-canary-7f3a9c2e51d84b06';
      const deps = testDeps(canary);
      const provider = createProvider({ id: 'eco', kind: 'openai-compatible', label: 'ecovai', baseUrl: `${sim.url}/v1`, model: 'spark-v3' }, deps);
      const error = expectError(await run(provider, user('hi')), 'auth');
      assert.ok(!error.message.includes(canary));
      assert.ok(!deps.lines.join('\n').includes(canary), 'no log line carries the key');
      assert.ok(deps.lines.length > 0, 'the call was logged');
    });

    it('403 insufficient_user_quota → quota', async () => {
      const error = expectError(await run(ecovai({}, 'sim-openai-nocredit'), user('hi')), 'quota', /quota is exhausted — top up/);
      assert.equal(error.status, 403);
      assert.match(error.message, /user quota is not enough/);
    });

    it('404 model_not_found → not_found naming the model', async () => {
      const error = expectError(await run(ecovai({}, 'sim-openai-key', 'spark-v9'), user('hi')), 'not_found');
      assert.match(error.message, /^ecovai: model “spark-v9” not found — check the model name/);
    });

    it('400 on an invalid body → invalid_request quoting the server (the simulator’s real 400 body)', async () => {
      const bad = [
        [{ messages: [{ role: 'user', content: 'x' }] }, 'model'],
        [{ model: 'spark-v3', messages: [{ role: 'bot', content: 'x' }] }, 'messages.0.role'],
        [{ model: 'spark-v3', messages: [{ role: 'user', content: 'x' }], temperature: 1.1 }, 'temperature'],
        [{ model: 'spark-v3', messages: [{ role: 'user', content: 'x' }], top_k: 0 }, 'top_k'],
        [{ model: 'spark-v3', messages: [{ role: 'user', content: 'x' }], max_tokens: 0 }, 'max_tokens'],
        [{ model: 'spark-v3', messages: [{ role: 'user', content: 'x' }], stream: 'yes' }, 'stream'],
      ] as const;
      for (const [body, param] of bad) {
        const raw = await fetch(`${sim.url}/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: 'Bearer sim-openai-key' },
          body: JSON.stringify(body),
        });
        assert.equal(raw.status, 400, param);
        const text = await raw.text();
        assert.equal((JSON.parse(text) as { error: { param: string } }).error.param, param);
        const error = errorForStatus(400, {}, text, { label: 'ecovai', kind: 'openai-compatible' });
        assert.equal(error.code, 'invalid_request');
        assert.match(error.message, new RegExp(`Invalid value for '${param.replace(/\./g, '\\.')}'`));
      }
    });
  });
});
