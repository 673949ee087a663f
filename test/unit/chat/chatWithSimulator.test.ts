/**
 * The chat controller with the real providers (createProvider) against the
 * provider simulator on 127.0.0.1: what reaches the API, what the reply
 * records, stop and error cards.
 */
import assert from 'node:assert/strict';
import { ChatController } from '../../../src/chat/chatController';
import { createProvider } from '../../../src/providers';
import type { OpenAICompatibleProfile, ProviderProfile } from '../../../src/providers/types';
import { startSimulator, type Simulator } from '../../simulator/server';
import { FakeProviderSource, MemoryStore } from './fakes';

describe('ChatController with the real providers and the simulator', function () {
  this.timeout(30_000);
  let sim: Simulator;
  before(async () => (sim = await startSimulator({ delayMs: 0 })));
  after(() => sim.close());
  beforeEach(() => {
    sim.clearRequests();
    sim.setFault(undefined);
  });

  function setup(profile: ProviderProfile, key: string | undefined) {
    const source = new FakeProviderSource([profile]);
    source.deps = () => ({ getSecret: async () => key, network: { retry: { max: 0 } } });
    const store = new MemoryStore();
    const chat = new ChatController({ providers: source, createProvider, store, clock: Date });
    return { chat, store };
  }
  const emma = (): ProviderProfile => ({ id: 'emma', kind: 'emma', label: 'Emma', baseUrl: sim.url, options: { modelKey: 'emma-4' } });
  const ecovai = (): OpenAICompatibleProfile => ({
    id: 'ecovai',
    kind: 'openai-compatible',
    label: 'ecovai',
    baseUrl: `${sim.url}/v1`,
    model: 'spark-v3',
    options: { stream: true },
  });
  const last = (chat: ChatController) => chat.current().turns.at(-1)?.reply;

  it('Emma: streams the reply and records model, the API’s token counts and time to first token', async () => {
    const { chat, store } = setup(emma(), 'sim-emma-key');
    await chat.ask({ prompt: 'Ciao, chi sei?' });
    const reply = last(chat);
    assert.equal(reply?.status, 'done', JSON.stringify(reply?.error));
    assert.ok((reply?.text.length ?? 0) > 0);
    assert.equal(reply?.model, 'emma-4');
    const done = sim.requests[0];
    assert.equal((done?.body as { model_key?: string }).model_key, 'emma-4');
    assert.ok(typeof reply?.promptTokens === 'number' && reply.promptTokens > 0);
    assert.ok(typeof reply?.outputTokens === 'number' && reply.outputTokens > 0);
    assert.ok(typeof reply?.ttftMs === 'number');
    assert.equal(store.saved.at(-1)?.turns[0]?.reply?.status, 'done');
  });

  it('Emma: the 8th question carries only the last 6 turns as history, and the turn says so', async () => {
    const { chat } = setup(emma(), 'sim-emma-key');
    for (let i = 1; i <= 8; i++) await chat.ask({ prompt: `question ${i}` });
    const body = sim.requests.at(-1)?.body as { message: string; history: Array<{ user: string }>; use_history: boolean };
    assert.equal(body.message, 'question 8');
    assert.equal(body.use_history, true);
    assert.deepEqual(body.history.map((t) => t.user), ['question 2', 'question 3', 'question 4', 'question 5', 'question 6', 'question 7']);
    assert.match(chat.current().turns.at(-1)?.contextNotes?.[0] ?? '', /1 older turn was left out/);
    assert.equal(last(chat)?.status, 'done');
  });

  it('Emma: the chat never sends a truncated message — 4,501 characters are refused before any request, 4,500 are sent whole', async () => {
    const { chat, store } = setup({ ...emma(), systemPrompt: 'Sii breve.' }, 'sim-emma-key');
    const room = 4500 - 'Sii breve.\n\n'.length;
    await chat.ask({ prompt: 'é'.repeat(room + 1) });
    const refused = last(chat);
    assert.equal(refused?.status, 'error');
    assert.equal(refused?.error?.code, 'too_long');
    assert.match(refused?.error?.message ?? '', /4,501 of 4,500 characters/);
    assert.equal(sim.requests.length, 0, 'nothing reached Emma');
    // The question is kept whole in the conversation (nothing lost).
    assert.equal(store.saved.at(-1)?.turns[0]?.prompt, 'é'.repeat(room + 1));

    await chat.ask({ prompt: 'é'.repeat(room) });
    assert.equal(last(chat)?.status, 'done', JSON.stringify(last(chat)?.error));
    const sent = (sim.requests[0]?.body as { message: string }).message;
    assert.equal(sent, `Sii breve.\n\n${'é'.repeat(room)}`);
    assert.equal([...sent].length, 4500);
  });

  it('attachments reach the API as fenced blocks and Regenerate sends them again', async () => {
    const { chat } = setup(ecovai(), 'sim-openai-key');
    const attachment = { id: 'a1', path: 'src/util.ts', language: 'typescript', startLine: 3, endLine: 4, content: 'const a = 1;\nconst b = 2;' };
    await chat.addAttachments([attachment]);
    await chat.send('What does this do?');
    assert.equal(last(chat)?.status, 'done', JSON.stringify(last(chat)?.error));
    const content = () => (sim.requests.at(-1)?.body as { messages: Array<{ content: string }> }).messages.at(-1)?.content;
    const expected = '```typescript src/util.ts:3-4\nconst a = 1;\nconst b = 2;\n```\n\nWhat does this do?';
    assert.equal(content(), expected);
    assert.deepEqual(chat.composerState().attachments, [], 'the chips went with the question');
    await chat.regenerate(chat.current().turns[0]?.id ?? '');
    assert.equal(sim.requests.length, 2);
    assert.equal(content(), expected);
  });

  it('stop ends the request and keeps the partial reply', async () => {
    const { chat } = setup(emma(), 'sim-emma-key');
    const asking = chat.ask({ prompt: 'Tell me a long story [[sim:slow ms=300]]' });
    while (!last(chat)?.text) await new Promise((r) => setTimeout(r, 5));
    chat.stop();
    await asking;
    const reply = last(chat);
    assert.equal(reply?.status, 'stopped');
    assert.ok((reply?.text.length ?? 0) > 0);
    assert.equal(reply?.error, undefined);
    assert.equal((await sim.settled(0)).outcome, 'aborted');
  });

  it('a wrong key → an auth card with Set API Key; no Emma credit → a card that opens Emma’s Billing', async () => {
    const wrong = setup(emma(), 'not-a-key');
    await wrong.chat.ask({ prompt: 'hi' });
    assert.equal(last(wrong.chat)?.error?.code, 'auth');
    assert.equal(last(wrong.chat)?.error?.action, 'setApiKey');

    const broke = setup(emma(), 'sim-emma-nocredit');
    await broke.chat.ask({ prompt: 'hi' });
    assert.equal(last(broke.chat)?.error?.code, 'quota');
    assert.equal(last(broke.chat)?.error?.action, 'openBilling');
  });

  it('a connection cut mid-stream → a Retry card and the partial reply stays; Retry then succeeds', async () => {
    const { chat } = setup(ecovai(), 'sim-openai-key');
    sim.setFault({ kind: 'disconnect', after: 3 });
    await chat.ask({ prompt: 'Explain closures' });
    const failed = last(chat);
    assert.equal(failed?.status, 'error');
    assert.equal(failed?.error?.action, 'retry');
    assert.ok((failed?.text.length ?? 0) > 0, 'partial text kept');

    sim.setFault(undefined);
    await chat.regenerate(chat.current().turns[0]?.id ?? '');
    assert.equal(last(chat)?.status, 'done');
  });

  it('OpenAI-compatible (ecovai’s plain JSON reply): usage from the API; the key never in what the chat emits or saves', async () => {
    const { chat, store } = setup({ ...ecovai(), options: { stream: false } }, 'sim-openai-key');
    const emitted: unknown[] = [];
    chat.onUpdate((u) => emitted.push(structuredClone(u)));
    await chat.ask({ prompt: 'Hello' });
    const reply = last(chat);
    assert.equal(reply?.status, 'done', JSON.stringify(reply?.error));
    assert.equal(reply?.model, 'spark-v3');
    assert.ok(typeof reply?.promptTokens === 'number' && typeof reply.outputTokens === 'number', JSON.stringify(reply));
    assert.ok(JSON.stringify(sim.requests[0]?.headers).includes('sim-openai-key'), 'the key did reach the API');
    assert.ok(!JSON.stringify([emitted, store.saved, chat.exportMarkdown()]).includes('sim-openai-key'));
  });
});
