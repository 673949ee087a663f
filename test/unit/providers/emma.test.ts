import assert from 'node:assert/strict';
import { createProvider } from '../../../src/providers';
import { errorForStatus } from '../../../src/providers/httpErrors';
import type { ChatMessage, ProviderProfile } from '../../../src/providers/types';
import type { Simulator } from '../../simulator/server';
import { expectError, expectSuccess, replyText, run, testDeps, types, user } from './helpers';
import { useSimulator } from '../../simulator/mochaHooks';

describe('Emma adapter (against the simulator)', () => {
  let sim: Simulator;
  const profile = (options: ProviderProfile['options'] = {}): ProviderProfile => ({
    id: 'emma-test',
    kind: 'emma',
    baseUrl: `${sim.url}/`,
    options,
  });
  const emma = (options: ProviderProfile['options'] = {}, key: string | null = 'sim-emma-key') =>
    createProvider(profile(options), testDeps(key ?? undefined));

  useSimulator((started) => {
    sim = started;
  });

  describe('request mapping', () => {
    it('POSTs the last user message to /api/chat/stream with X-API-Key and JSON', async () => {
      expectSuccess(await run(emma(), user('Ciao, chi sei?')));
      const [request] = sim.requests;
      assert.ok(request);
      assert.equal(request.method, 'POST');
      assert.equal(request.path, '/api/chat/stream');
      assert.equal(request.headers['x-api-key'], 'sim-emma-key');
      assert.match(request.headers['content-type'] ?? '', /application\/json/);
      assert.deepEqual(request.body, { message: 'Ciao, chi sei?' });
    });

    it('sends model_key, use_rag, mode, preset, max_new_tokens and temperature from the profile options', async () => {
      const options = { modelKey: 'emma-3', useRag: false, mode: 'assisted', preset: 'creative', maxNewTokens: 5, temperature: 1.5 } as const;
      const outcome = await run(emma(options), user('Spiega lo streaming'));
      expectSuccess(outcome);
      assert.deepEqual(sim.requests[0]?.body, {
        message: 'Spiega lo streaming',
        model_key: 'emma-3',
        use_rag: false,
        mode: 'assisted',
        preset: 'creative',
        max_new_tokens: 5,
        temperature: 1.5,
      });
      const usage = outcome.events.filter((e) => e.type === 'usage').at(-1);
      assert.deepEqual(usage && { out: usage.outputTokens }, { out: 5 }, 'the server honoured max_new_tokens');
    });

    it('lets the request override temperature and max tokens', async () => {
      expectSuccess(await run(emma({ temperature: 0.5, maxNewTokens: 100 }), { ...user('ciao'), temperature: 0.1, maxTokens: 7 }));
      const body = sim.requests[0]?.body as Record<string, unknown>;
      assert.equal(body.temperature, 0.1);
      assert.equal(body.max_new_tokens, 7);
    });

    it('maps earlier user/assistant pairs to history with use_history: true', async () => {
      const messages: ChatMessage[] = [
        { role: 'user', content: 'Ciao' },
        { role: 'assistant', content: 'Ciao! Come posso aiutarti?' },
        { role: 'user', content: 'Cos’è Python?' },
        { role: 'assistant', content: 'Un linguaggio di programmazione.' },
        { role: 'user', content: 'Scrivi una funzione' },
      ];
      expectSuccess(await run(emma(), { messages }));
      assert.deepEqual(sim.requests[0]?.body, {
        message: 'Scrivi una funzione',
        history: [
          { user: 'Ciao', assistant: 'Ciao! Come posso aiutarti?' },
          { user: 'Cos’è Python?', assistant: 'Un linguaggio di programmazione.' },
        ],
        use_history: true,
      });
    });

    it('sends no history (Emma’s own default) when the profile sets useHistory: false', async () => {
      const messages: ChatMessage[] = [
        { role: 'user', content: 'Ciao' },
        { role: 'assistant', content: 'Ciao! Come posso aiutarti?' },
        { role: 'user', content: 'Scrivi una funzione' },
      ];
      expectSuccess(await run(emma({ useHistory: false }), { messages }));
      assert.deepEqual(sim.requests[0]?.body, { message: 'Scrivi una funzione' });
    });

    it('keeps at most 6 turns, dropping the oldest first', async () => {
      const messages: ChatMessage[] = [];
      for (let i = 1; i <= 8; i++) messages.push({ role: 'user', content: `q${i}` }, { role: 'assistant', content: `a${i}` });
      messages.push({ role: 'user', content: 'ultima domanda' });
      expectSuccess(await run(emma(), { messages }));
      const body = sim.requests[0]?.body as { history: { user: string }[] };
      assert.deepEqual(
        body.history.map((t) => t.user),
        ['q3', 'q4', 'q5', 'q6', 'q7', 'q8'],
      );
    });

    it('prepends system messages to the message (Emma has no system role)', async () => {
      const messages: ChatMessage[] = [
        { role: 'system', content: 'Rispondi in breve.' },
        { role: 'user', content: 'Ciao' },
      ];
      expectSuccess(await run(emma(), { messages }));
      assert.equal((sim.requests[0]?.body as { message: string }).message, 'Rispondi in breve.\n\nCiao');
    });

    it('accepts a message of exactly 4,500 characters and refuses 4,501 before sending', async () => {
      expectSuccess(await run(emma(), user('a'.repeat(4500))));
      const outcome = await run(emma(), user('a'.repeat(4501)));
      expectError(outcome, 'invalid_request', /4,501 characters.*at most 4,500/);
      assert.equal(sim.requests.length, 1, 'the too-long message was never sent');
    });

    it('counts characters as code points, like the server', async () => {
      expectSuccess(await run(emma(), user('😀'.repeat(4500))));
    });

    it('refuses an empty message and a conversation without a user message', async () => {
      expectError(await run(emma(), user('   ')), 'invalid_request', /empty/);
      expectError(await run(emma(), { messages: [{ role: 'system', content: 'x' }] }), 'invalid_request', /no user message/);
      assert.equal(sim.requests.length, 0);
    });

    it('enforces temperature 0.10–1.50 and max_new_tokens ≥ 1 before sending', async () => {
      expectSuccess(await run(emma(), { ...user('ciao'), temperature: 0.1 }));
      expectError(await run(emma(), { ...user('ciao'), temperature: 0.05 }), 'invalid_request', /0\.10 and 1\.50/);
      expectError(await run(emma(), { ...user('ciao'), temperature: 1.51 }), 'invalid_request', /0\.10 and 1\.50/);
      expectError(await run(emma(), { ...user('ciao'), maxTokens: 0 }), 'invalid_request', /max_new_tokens/);
      assert.equal(sim.requests.length, 1);
    });
  });

  describe('events', () => {
    it('emits usage from meta, the cumulative updates as suffix deltas, then usage and done', async () => {
      const outcome = await run(emma(), user('Ciao, chi sei?'));
      const text = expectSuccess(outcome);
      assert.equal(outcome.events[0]?.type, 'usage');
      assert.ok((outcome.events[0] as { promptTokens?: number }).promptTokens! > 0);
      assert.ok(outcome.events.filter((e) => e.type === 'delta').length > 5, 'streamed in pieces');
      assert.ok(!types(outcome.events).includes('replace'), 'no replace when every update extends the last');
      assert.match(text, /^Ciao! Sono un assistente simulato/);
      assert.match(text, /Hai chiesto: “Ciao, chi sei\?”/);
      const last = outcome.events.slice(-2);
      assert.equal(last[0]?.type, 'usage');
      assert.ok(((last[0] as { outputTokens?: number }).outputTokens ?? 0) > 5);
    });

    it('emits replace when an update rewrites earlier text, and ends with the server text', async () => {
      const outcome = await run(emma(), user('spiega lo streaming [[sim:rewrite]]'));
      const text = expectSuccess(outcome);
      const replaces = outcome.events.filter((e) => e.type === 'replace');
      assert.equal(replaces.length, 1);
      assert.match(text, /^## Come funziona la risposta in streaming \(rivisto\)\n/);
      const index = outcome.events.findIndex((e) => e.type === 'replace');
      assert.equal(outcome.events[index + 1]?.type, 'delta', 'deltas continue after the replace');
    });

    it('reads incremental updates (the document’s prose) as pieces: same text as the cumulative shape, no replace', async () => {
      const cumulative = expectSuccess(await run(emma(), user('spiega lo streaming')));
      const outcome = await run(emma(), user('spiega lo streaming [[sim:incremental]]'));
      const text = expectSuccess(outcome);
      assert.ok(!types(outcome.events).includes('replace'), 'the increments are appended, never shown as rewrites');
      assert.ok(outcome.events.filter((e) => e.type === 'delta').length > 5, 'streamed in pieces');
      assert.equal(text, cumulative);
    });

    it('emits replace when done.response differs from the assembled text', async () => {
      const outcome = await run(emma(), user('spiega [[sim:done-differs]]'));
      const text = expectSuccess(outcome);
      assert.deepEqual(types(outcome.events).slice(-3), ['replace', 'usage', 'done']);
      assert.match(text, /\n\n— Emma$/);
    });

    it('ignores unknown event types and blank lines', async () => {
      const plain = expectSuccess(await run(emma(), user('spiega')));
      const withUnknown = expectSuccess(await run(emma(), user('spiega [[sim:unknown-events]]')));
      assert.equal(withUnknown, plain);
    });

    it('turns an error event into a ProviderError with its message, keeping the deltas before it', async () => {
      const outcome = await run(emma(), user('spiega [[sim:error-event after=4]]'));
      expectError(outcome, 'unavailable', /^Emma: Errore durante la generazione/);
      assert.ok(replyText(outcome.events).length > 0);
    });

    it('maps an error event about credit to quota', async () => {
      const outcome = await run(emma(), user('ciao [[sim:error-event after=1 message=Saldo-crediti-esaurito]]'));
      expectError(outcome, 'quota', /Saldo-crediti-esaurito/);
    });
  });

  describe('HTTP errors', () => {
    it('401 for an invalid key → auth with the Set API Key hint', async () => {
      const outcome = await run(emma({}, 'wrong-key'), user('ciao'));
      const error = expectError(outcome, 'auth', /Emma: the API key is missing or invalid — run “Parley: Set API Key”/);
      assert.equal(error.status, 401);
    });

    it('no stored key → auth without a request', async () => {
      expectError(await run(emma({}, null), user('ciao')), 'auth', /Set API Key/);
      assert.equal(sim.requests.length, 0);
    });

    it('402 → quota "credit is exhausted — top up under Billing"', async () => {
      const error = expectError(await run(emma({}, 'sim-emma-nocredit'), user('ciao')), 'quota');
      assert.equal(error.message, 'Emma: your credit is exhausted — top up under Billing');
      assert.equal(error.status, 402);
    });

    it('422 → invalid_request quoting the server detail (the simulator’s real 422 body)', async () => {
      // The adapter refuses what it knows to be invalid before sending, so the
      // server's 422 is fetched directly and mapped the way postJson maps it.
      const raw = await fetch(`${sim.url}/api/chat/stream`, {
        method: 'POST',
        headers: { 'x-api-key': 'sim-emma-key', 'content-type': 'application/json' },
        body: JSON.stringify({ message: '', mode: 'chatty', history: new Array(7).fill({ user: 'a', assistant: 'b' }) }),
      });
      assert.equal(raw.status, 422);
      const error = errorForStatus(422, {}, await raw.text(), { label: 'Emma', kind: 'emma' });
      assert.equal(error.code, 'invalid_request');
      assert.equal(error.status, 422);
      assert.match(error.message, /^Emma: the server rejected the request \(HTTP 422\)/);
      assert.match(error.message, /message: String should have at least 1 character/);
      assert.match(error.message, /history: List should have at most 6 items/);
    });

    it('404 → not_found naming the base URL', async () => {
      const provider = createProvider({ id: 'x', kind: 'emma', baseUrl: `${sim.url}/nowhere` }, testDeps('sim-emma-key'));
      expectError(await run(provider, user('ciao')), 'not_found', /check the base URL/);
    });
  });
});
