/** The simulator itself: seed validation, stream shapes, fault controls, the CLI. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fc from 'fast-check';
import { parseMarkers, stripMarkers } from '../../simulator/faults';
import { detectLanguage, replyFor, splitPieces } from '../../simulator/replies';
import type { Simulator } from '../../simulator/server';
import { useSimulator } from '../../simulator/mochaHooks';

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('provider simulator', () => {
  let sim: Simulator;
  useSimulator((started) => {
    sim = started;
  });

  describe('Emma', () => {
    const emma = (body: unknown, key: string | null = 'sim-emma-key') =>
      post(`${sim.url}/api/chat/stream`, body, key === null ? {} : { 'x-api-key': key });

    it('401 without or with a wrong key, 402 for the no-credit key', async () => {
      assert.deepEqual(await emma({ message: 'x' }, null).then((r) => [r.status, JSON.parse(r.text)]), [401, { detail: 'API key mancante' }]);
      assert.deepEqual(await emma({ message: 'x' }, 'nope').then((r) => [r.status, JSON.parse(r.text)]), [401, { detail: 'API key non valida' }]);
      assert.equal((await emma({ message: 'x' }, 'sim-emma-nocredit')).status, 402);
    });

    it('422 with FastAPI detail for every documented field', async () => {
      const cases: [Record<string, unknown>, (string | number)[]][] = [
        [{}, ['body', 'message']],
        [{ message: '' }, ['body', 'message']],
        [{ message: 'a'.repeat(4501) }, ['body', 'message']],
        [{ message: 'x', model_key: 'emma-6' }, ['body', 'model_key']],
        [{ message: 'x', history: new Array(7).fill({ user: 'u', assistant: 'a' }) }, ['body', 'history']],
        [{ message: 'x', history: [{ user: 'u' }] }, ['body', 'history', 0, 'assistant']],
        [{ message: 'x', use_history: 'yes' }, ['body', 'use_history']],
        [{ message: 'x', use_rag: 1 }, ['body', 'use_rag']],
        [{ message: 'x', mode: 'fast' }, ['body', 'mode']],
        [{ message: 'x', preset: 'wild' }, ['body', 'preset']],
        [{ message: 'x', max_new_tokens: 0 }, ['body', 'max_new_tokens']],
        [{ message: 'x', max_new_tokens: 2.5 }, ['body', 'max_new_tokens']],
        [{ message: 'x', temperature: 0.09 }, ['body', 'temperature']],
        [{ message: 'x', temperature: 1.51 }, ['body', 'temperature']],
      ];
      for (const [body, loc] of cases) {
        const response = await emma(body);
        assert.equal(response.status, 422, JSON.stringify(body).slice(0, 60));
        const detail = (JSON.parse(response.text) as { detail: { loc: unknown[]; msg: string }[] }).detail;
        assert.deepEqual(detail[0]?.loc, loc);
        assert.ok(detail[0]?.msg);
      }
      assert.equal((await emma('{not json')).status, 422);
      assert.equal((await emma({ message: 'x', temperature: 0.1, max_new_tokens: 1, history: [], use_history: false })).status, 200);
    });

    it('streams application/x-ndjson: meta, cumulative updates, done with response and stats.output_tokens', async () => {
      const response = await emma({ message: 'Ciao, chi sei?' });
      assert.equal(response.headers.get('content-type'), 'application/x-ndjson');
      const events = response.text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      assert.equal(events[0]?.type, 'meta');
      assert.ok((events[0]?.prompt_tokens as number) > 0);
      const updates = events.filter((e) => e.type === 'update').map((e) => e.content as string);
      updates.forEach((content, i) => i > 0 && assert.ok(content.startsWith(updates[i - 1]!)));
      const done = events.at(-1)!;
      assert.equal(done.type, 'done');
      assert.equal(done.response, updates.at(-1));
      assert.equal((done.stats as { output_tokens: number }).output_tokens, updates.length);
    });
  });

  describe('SecondMe', () => {
    it('streams the seed’s chunk shape, then [DONE]; stream:false gives chat.completion', async () => {
      const response = await post(`${sim.url}/api/chat/sim-instance/chat/completions`, { messages: [{ role: 'user', content: 'hi' }] });
      assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
      const frames = response.text.split('\n\n').filter(Boolean);
      assert.equal(frames.at(-1), 'data: [DONE]');
      const first = JSON.parse(frames[0]!.slice(6)) as Record<string, unknown>;
      assert.deepEqual(Object.keys(first), ['id', 'object', 'created', 'model', 'system_fingerprint', 'choices']);
      assert.equal(first.object, 'chat.completion.chunk');
      assert.equal(first.model, 'lpm-registry-model');
      assert.match(first.id as string, /^chatcmpl-/);
      const last = JSON.parse(frames.at(-2)!.slice(6)) as { choices: unknown[] };
      assert.deepEqual(last.choices, [{ index: 0, delta: {}, finish_reason: 'stop' }]);

      const plain = await post(`${sim.url}/api/chat/sim-instance`, { messages: [{ role: 'user', content: 'hi' }], stream: false });
      assert.equal((JSON.parse(plain.text) as { object: string }).object, 'chat.completion');
    });

    it('404 unknown instance, 503 offline instance', async () => {
      const body = { messages: [{ role: 'user', content: 'hi' }] };
      assert.equal((await post(`${sim.url}/api/chat/who`, body)).status, 404);
      assert.equal((await post(`${sim.url}/api/chat/sim-offline`, body)).status, 503);
    });
  });

  describe('OpenAI-compatible', () => {
    const auth = { authorization: 'Bearer sim-openai-key' };
    it('defaults to stream:false with usage; stream:true ends with a usage chunk when asked, then [DONE]', async () => {
      const plain = JSON.parse((await post(`${sim.url}/v1/chat/completions`, { model: 'spark-v2', messages: [{ role: 'user', content: 'hi' }] }, auth)).text) as {
        usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
      };
      assert.equal(plain.usage.total_tokens, plain.usage.prompt_tokens + plain.usage.completion_tokens);
      const streamed = await post(
        `${sim.url}/v1/chat/completions`,
        { model: 'spark-v2', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } },
        auth,
      );
      const frames = streamed.text.split('\n\n').filter(Boolean);
      assert.equal(frames.at(-1), 'data: [DONE]');
      assert.ok((JSON.parse(frames.at(-2)!.slice(6)) as { usage?: unknown }).usage);
    });

    it('401 missing key, 403 no-credit key', async () => {
      const body = { model: 'spark-v2', messages: [{ role: 'user', content: 'hi' }] };
      const missing = await post(`${sim.url}/v1/chat/completions`, body);
      assert.equal(missing.status, 401);
      assert.equal((JSON.parse(missing.text) as { error: { code: string } }).error.code, 'missing_api_key');
      assert.equal((await post(`${sim.url}/v1/chat/completions`, body, { authorization: 'Bearer sim-openai-nocredit' })).status, 403);
    });
  });

  describe('fault controls', () => {
    it('parses markers with parameters and strips them from the prompt', () => {
      assert.deepEqual(parseMarkers('hi [[sim:rate-limit times=2 retry-after=1]] [[sim:bytes]] [[sim:nonsense]]'), [
        { kind: 'rate-limit', times: 2, retryAfter: '1' },
        { kind: 'bytes' },
      ]);
      assert.equal(stripMarkers('hi [[sim:stall after=2]] there'), 'hi there');
    });

    it('POST /__sim/fault sets and clears a server-wide fault; bad input is a 400', async () => {
      const set = await post(`${sim.url}/__sim/fault`, { kind: 'status', status: 503, times: 1 });
      assert.equal(set.status, 200);
      const body = { messages: [{ role: 'user', content: 'hi' }] };
      assert.equal((await post(`${sim.url}/api/chat/sim-instance`, body)).status, 503);
      assert.equal((await post(`${sim.url}/api/chat/sim-instance`, body)).status, 200);
      assert.equal((await post(`${sim.url}/__sim/fault`, { kind: 'html' })).status, 200);
      assert.equal((await post(`${sim.url}/api/chat/sim-instance`, body)).status, 502);
      assert.equal((await post(`${sim.url}/__sim/fault`, 'null')).status, 200);
      assert.equal((await post(`${sim.url}/api/chat/sim-instance`, body)).status, 200);
      assert.equal((await post(`${sim.url}/__sim/fault`, { kind: 'explode' })).status, 400);
    });

    it('a marker fault with times=N fails N identical requests, then succeeds, then starts over', async () => {
      const body = { messages: [{ role: 'user', content: 'hi [[sim:rate-limit times=1 retry-after=3]]' }] };
      const first = await post(`${sim.url}/api/chat/sim-instance`, body);
      assert.equal(first.status, 429);
      assert.equal(first.headers.get('retry-after'), '3');
      assert.equal((await post(`${sim.url}/api/chat/sim-instance`, body)).status, 200);
      assert.equal((await post(`${sim.url}/api/chat/sim-instance`, body)).status, 429);
    });

    it('GET /__sim/requests lists what was recorded', async () => {
      await post(`${sim.url}/api/chat/sim-instance`, { messages: [{ role: 'user', content: 'recorded?' }] });
      const listed = JSON.parse(await (await fetch(`${sim.url}/__sim/requests`)).text()) as { path: string; body: unknown }[];
      assert.equal(listed.length, 1);
      assert.equal(listed[0]?.path, '/api/chat/sim-instance');
    });
  });

  describe('replies', () => {
    it('answers in the prompt’s language with real markdown', () => {
      assert.equal(detectLanguage('你好,请介绍一下你自己'), 'zh');
      assert.equal(detectLanguage('Ciao, chi sei?'), 'it');
      assert.equal(detectLanguage('Explain closures'), 'en');
      const explain = replyFor('explain streaming');
      assert.match(explain, /^## /m);
      assert.match(explain, /^1\. /m);
      assert.match(explain, /^```typescript$/m);
      assert.match(explain, /^\|---\|/m);
      assert.match(replyFor('spiega lo streaming'), /```python/);
      assert.match(replyFor('解释流式输出'), /流式输出/);
      assert.equal(replyFor('write a function'), replyFor('write a function'), 'deterministic');
    });

    it('depends on the question: topic by keyword, code in the programming language asked about, its first line quoted', () => {
      assert.notEqual(replyFor('compare REST and gRPC'), replyFor('explain closures'));
      assert.match(replyFor('compare REST and gRPC'), /^\| Option \| Strengths/m);
      assert.match(replyFor('Write a Python function'), /^```python\ndef fibonacci\(n: int\) -> int:/m);
      assert.match(replyFor('scrivi una funzione in Rust'), /^Ecco una piccola implementazione in Rust:\n\n```rust\n[^`]*fn fibonacci/);
      assert.match(replyFor('How do I write a bash script?'), /```bash\n/);
      assert.match(replyFor('Write a function'), /```typescript\n/, 'no language named: the default answer');
      const explainSelection = 'Explain what the following go code from main.go does.\n\n```go\nfunc main() {}\n```';
      assert.match(replyFor(explainSelection), /```go\n[^`]*func Fibonacci/, 'the language of a fenced block in the question');
      assert.match(replyFor(explainSelection), /_You asked: “Explain what the following go code from main\.go does\.”_$/);
    });

    it('splitting into pieces never loses or changes a character', () => {
      fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => splitPieces(text).join('') === text));
      for (const prompt of ['hello', 'spiega', '解释', 'compare', 'scrivi codice']) {
        const reply = replyFor(prompt);
        assert.equal(splitPieces(reply).join(''), reply);
      }
    });
  });

  describe('CLI', () => {
    it('prints SIMULATOR_URL, serves, and exits 0 on SIGTERM', async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/simulator/main.ts', '--port', '0', '--quiet'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      try {
        let out = '';
        const url = await new Promise<string>((resolve, reject) => {
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const match = /^SIMULATOR_URL=(http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
            if (match?.[1]) resolve(match[1]);
          });
          child.once('exit', () => reject(new Error(`exited early: ${out}`)));
        });
        assert.equal((await fetch(`${url}/__sim/health`)).status, 200);
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const [code] = (await exited) as [number | null];
        assert.equal(code, 0);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    });
  });
});
