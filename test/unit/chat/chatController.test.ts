import assert from 'node:assert/strict';
import { ChatController, type ChatUpdate } from '../../../src/chat/chatController';
import { ProviderError } from '../../../src/net/errors';
import { errorText } from '../../../src/net/errorTexts';
import { ECOVAI, EMMA, FakeProviderSource, ManualClock, MemoryStore, ScriptedProvider, type Step } from './fakes';

function setup(scripts: Step[][], profiles = [EMMA, ECOVAI], activeId?: string) {
  const source = new FakeProviderSource(profiles, activeId ?? profiles[0]?.id);
  const provider = new ScriptedProvider(scripts);
  const store = new MemoryStore();
  const clock = new ManualClock();
  let n = 0;
  const controller = new ChatController({
    providers: source,
    createProvider: provider.create,
    store,
    clock,
    newId: () => `id${++n}`,
  });
  const updates: ChatUpdate[] = [];
  controller.onUpdate((u) => updates.push(structuredClone(u)));
  return { source, provider, store, clock, controller, updates };
}

const lastReply = (c: ChatController) => c.current().turns.at(-1)?.reply;

describe('ChatController', () => {
  it('streams deltas into the reply and records provider, model, tokens and time to first token', async () => {
    const t = setup([]);
    t.provider.scripts.push([
      { run: () => (t.clock.time += 120) },
      { type: 'delta', text: 'Hel' },
      { run: () => (t.clock.time += 30) },
      { type: 'delta', text: 'lo' },
      { type: 'usage', promptTokens: 20, outputTokens: 7 },
      { type: 'done', finishReason: 'stop' },
    ]);
    await t.controller.ask({ prompt: 'Hi', displayText: 'Say hi' });
    const reply = lastReply(t.controller);
    assert.equal(reply?.text, 'Hello');
    assert.equal(reply?.status, 'done');
    assert.equal(reply?.providerLabel, 'Emma');
    assert.equal(reply?.model, 'emma-5');
    assert.equal(reply?.promptTokens, 20);
    assert.equal(reply?.outputTokens, 7);
    assert.equal(reply?.ttftMs, 120);
    assert.equal(reply?.finishReason, 'stop');
    assert.equal(t.controller.current().title, 'Say hi');
    assert.deepEqual(
      t.updates.filter((u) => u.type === 'replyDelta').map((u) => (u as { text: string }).text),
      ['Hel', 'lo'],
    );
    // The final state is saved.
    assert.equal(t.store.saved.at(-1)?.turns[0]?.reply?.text, 'Hello');
    assert.equal(t.store.saved.at(-1)?.turns[0]?.reply?.status, 'done');
  });

  it('applies replace events (Emma sends the text so far)', async () => {
    const t = setup([[{ type: 'replace', text: 'Ciao' }, { type: 'replace', text: 'Ciao, come stai?' }, { type: 'done' }]]);
    await t.controller.ask({ prompt: 'Ciao' });
    assert.equal(lastReply(t.controller)?.text, 'Ciao, come stai?');
    assert.ok(t.updates.some((u) => u.type === 'replyReplace' && u.text === 'Ciao, come stai?'));
  });

  it('sends Emma at most the last 6 turns, cuts an older reply to 4500 characters, sends the new question whole, and notes it all', async () => {
    const t = setup([]);
    for (let i = 1; i <= 8; i++) {
      t.provider.scripts.push([{ type: 'delta', text: i === 8 ? 'x'.repeat(5000) : `answer ${i}` }, { type: 'done' }]);
      await t.controller.ask({ prompt: `question ${i}` });
    }
    t.provider.scripts.push([{ type: 'delta', text: 'ok' }, { type: 'done' }]);
    await t.controller.ask({ prompt: 'y'.repeat(4500) });
    const request = t.provider.requests.at(-1);
    assert.ok(request);
    // 6 pairs + the new question.
    assert.equal(request.messages.length, 13);
    assert.deepEqual(request.messages[0], { role: 'user', content: 'question 3' });
    assert.equal(request.messages[11]?.content.length, 4500);
    assert.equal(request.messages[12]?.content, 'y'.repeat(4500));
    assert.ok(request.messages.every((m) => m.content.length <= 4500));
    const notes = t.controller.current().turns.at(-1)?.contextNotes ?? [];
    assert.equal(notes.length, 2);
    assert.match(notes[0] ?? '', /2 older turns were left out.*last 6/);
    assert.match(notes[1] ?? '', /1 earlier message was cut to 4,500/);
    // One character more is refused: no request, an error card that says what to do.
    const sent = t.provider.requests.length;
    await t.controller.ask({ prompt: 'y'.repeat(4501) });
    assert.equal(t.provider.requests.length, sent);
    assert.equal(t.controller.current().turns.at(-1)?.reply?.error?.code, 'too_long');
    // No note while nothing is left out.
    assert.equal(t.controller.current().turns[1]?.contextNotes, undefined);
  });

  it('keeps longer history for OpenAI-compatible providers', async () => {
    const t = setup([], [ECOVAI]);
    for (let i = 1; i <= 8; i++) {
      t.provider.scripts.push([{ type: 'delta', text: `a${i}` }, { type: 'done' }]);
      await t.controller.ask({ prompt: `q${i}` });
    }
    assert.equal(t.provider.requests.at(-1)?.messages.length, 15);
    assert.equal(t.controller.current().turns.at(-1)?.contextNotes, undefined);
  });

  it('stop aborts the stream and keeps the partial reply, marked stopped', async () => {
    const t = setup([]);
    t.provider.scripts.push([{ type: 'delta', text: 'partial ' }, { run: () => t.controller.stop() }, { waitForAbort: true }]);
    await t.controller.ask({ prompt: 'long answer please' });
    const reply = lastReply(t.controller);
    assert.equal(reply?.status, 'stopped');
    assert.equal(reply?.text, 'partial ');
    assert.equal(reply?.error, undefined);
    assert.equal(t.controller.isStreaming(), false);
    assert.equal(t.store.saved.at(-1)?.turns[0]?.reply?.status, 'stopped');
  });

  it('dispose() while a reply streams (window reload or close) keeps the partial reply, marked interrupted', async () => {
    const t = setup([]);
    t.provider.scripts.push([{ type: 'delta', text: 'partial ' }, { run: () => t.controller.dispose() }, { waitForAbort: true }]);
    await t.controller.ask({ prompt: 'long answer please' });
    assert.equal(t.store.saved.at(-1)?.turns[0]?.reply?.status, 'interrupted');
    assert.equal(t.store.saved.at(-1)?.turns[0]?.reply?.text, 'partial ');
  });

  const cases: Array<[ConstructorParameters<typeof ProviderError>[0], string]> = [
    ['auth', 'setApiKey'],
    ['quota', 'openBilling'],
    ['invalid_request', 'openSettings'],
    ['not_found', 'openSettings'],
    ['unavailable', 'retry'],
    ['rate_limited', 'retry'],
    ['timeout', 'retry'],
    ['network', 'retry'],
    ['protocol', 'retry'],
  ];
  it('a quota error from a profile other than Emma offers Open Settings (only Emma has a Billing page Parley knows)', async () => {
    const t = setup([[{ throw: new ProviderError('quota', errorText('quota.credit', { provider: 'ecovai' })) }]], [ECOVAI]);
    await t.controller.ask({ prompt: 'q' });
    assert.equal(lastReply(t.controller)?.error?.action, 'openSettings');
  });

  for (const [code, action] of cases) {
    it(`error ${code} becomes a card with the ${action} action and the partial reply stays`, async () => {
      const t = setup([[{ type: 'delta', text: 'half an ans' }, { throw: new ProviderError(code, errorText('server.message', { provider: 'Emma', text: `Failed: ${code}` })) }]]);
      await t.controller.ask({ prompt: 'q' });
      const reply = lastReply(t.controller);
      assert.equal(reply?.status, 'error');
      assert.equal(reply?.text, 'half an ans');
      assert.deepEqual(reply?.error, { code, message: `Emma: Failed: ${code}`, action });
    });
  }

  it('an unexpected error gets a generic message (never the raw error) and Retry', async () => {
    const t = setup([[{ throw: new TypeError('secret internals at foo.js:1') }]]);
    await t.controller.ask({ prompt: 'q' });
    const error = lastReply(t.controller)?.error;
    assert.equal(error?.code, 'unexpected');
    assert.equal(error?.action, 'retry');
    assert.doesNotMatch(error?.message ?? '', /secret internals/);
  });

  it('no active provider → a card that opens Manage Providers', async () => {
    const t = setup([], [EMMA], 'missing');
    await t.controller.ask({ prompt: 'q' });
    assert.deepEqual(lastReply(t.controller)?.error?.action, 'manageProviders');
    assert.equal(t.provider.requests.length, 0);
  });

  it('a key prompt cancelled by the user → a Set API Key card, nothing sent', async () => {
    const t = setup([]);
    t.source.ready = false;
    await t.controller.ask({ prompt: 'q' });
    assert.equal(lastReply(t.controller)?.error?.code, 'auth');
    assert.equal(lastReply(t.controller)?.error?.action, 'setApiKey');
    assert.equal(t.provider.requests.length, 0);
  });

  it('regenerate asks again for the same question and replaces the reply', async () => {
    const t = setup([
      [{ type: 'delta', text: 'first' }, { type: 'done' }],
      [{ type: 'delta', text: 'second' }, { type: 'done' }],
    ]);
    await t.controller.ask({ prompt: 'q' });
    const turnId = t.controller.current().turns[0]?.id ?? '';
    await t.controller.regenerate(turnId);
    assert.equal(t.controller.current().turns.length, 1);
    assert.equal(lastReply(t.controller)?.text, 'second');
    assert.deepEqual(t.provider.requests[1]?.messages, [{ role: 'user', content: 'q' }]);
  });

  it('edit & resend replaces the question and drops what followed it', async () => {
    const t = setup([
      [{ type: 'delta', text: 'a1' }, { type: 'done' }],
      [{ type: 'delta', text: 'a2' }, { type: 'done' }],
      [{ type: 'delta', text: 'a2 edited' }, { type: 'done' }],
    ]);
    await t.controller.ask({ prompt: 'q1' });
    await t.controller.ask({ prompt: 'q2' });
    const second = t.controller.current().turns[1]?.id ?? '';
    await t.controller.editResend(second, 'q2 edited');
    const turns = t.controller.current().turns;
    assert.deepEqual(
      turns.map((turn) => [turn.prompt, turn.reply?.text]),
      [
        ['q1', 'a1'],
        ['q2 edited', 'a2 edited'],
      ],
    );
    assert.deepEqual(t.provider.requests[2]?.messages.map((m) => m.content), ['q1', 'a1', 'q2 edited']);
  });

  it('saves at most once per interval while streaming, and at the end', async () => {
    const t = setup([]);
    const steps: Step[] = [];
    for (let i = 0; i < 20; i++) steps.push({ run: () => (t.clock.time += 100) }, { type: 'delta', text: `${i} ` });
    steps.push({ type: 'done' });
    t.provider.scripts.push(steps);
    await t.controller.ask({ prompt: 'q' });
    const streamingSaves = t.store.saved.filter((c) => c.turns[0]?.reply?.status === 'streaming' && c.turns[0].reply.text);
    // 20 deltas 100 ms apart over 2 s → about 4 saves at 500 ms, not 20.
    assert.ok(streamingSaves.length >= 3 && streamingSaves.length <= 5, `saves while streaming: ${streamingSaves.length}`);
    assert.equal(t.store.saved.at(-1)?.turns[0]?.reply?.status, 'done');
  });

  it('a new question while a reply streams stops the first one (its partial stays)', async () => {
    const t = setup([[{ type: 'delta', text: 'one' }, { waitForAbort: true }], [{ type: 'delta', text: 'two' }, { type: 'done' }]]);
    const first = t.controller.ask({ prompt: 'q1' });
    while (lastReply(t.controller)?.text !== 'one') await new Promise((r) => setImmediate(r));
    await t.controller.ask({ prompt: 'q2' });
    await first;
    assert.deepEqual(
      t.controller.current().turns.map((turn) => [turn.reply?.status, turn.reply?.text]),
      [
        ['stopped', 'one'],
        ['done', 'two'],
      ],
    );
  });

  it('exports the conversation as Markdown, undefined when empty', async () => {
    const t = setup([[{ type: 'delta', text: 'An **answer**' }, { type: 'usage', outputTokens: 3 }, { type: 'done' }]]);
    assert.equal(t.controller.exportMarkdown(), undefined);
    await t.controller.ask({ prompt: 'The question' });
    const md = t.controller.exportMarkdown() ?? '';
    assert.match(md, /^# The question\n/);
    assert.match(md, /## You\n\nThe question/);
    assert.match(md, /### Emma · emma-5\n\nAn \*\*answer\*\*/);
    assert.doesNotMatch(md, /sk-test-canary/);
  });

  it('keeps the API\'s total token count and exports it; none when the API reported none', async () => {
    const t = setup([
      [{ type: 'delta', text: 'A' }, { type: 'usage', promptTokens: 5, outputTokens: 3, totalTokens: 8 }, { type: 'done' }],
      [{ type: 'delta', text: 'B' }, { type: 'done' }],
    ]);
    await t.controller.ask({ prompt: 'with usage' });
    assert.equal(lastReply(t.controller)?.totalTokens, 8);
    await t.controller.ask({ prompt: 'without usage' });
    const reply = lastReply(t.controller);
    assert.deepEqual([reply?.promptTokens, reply?.outputTokens, reply?.totalTokens], [undefined, undefined, undefined]);
    const md = t.controller.exportMarkdown() ?? '';
    assert.match(md, /\*tokens: 5 in \/ 3 out \/ 8 total[ ·*]/);
    assert.equal(md.match(/tokens:/g)?.length, 1, 'no counts invented for the reply without usage');
  });

  it('newChat starts an empty conversation and the provider picker follows ProviderSource', async () => {
    const t = setup([[{ type: 'delta', text: 'a' }, { type: 'done' }]]);
    await t.controller.ask({ prompt: 'q' });
    const oldId = t.controller.current().id;
    t.controller.newChat();
    assert.notEqual(t.controller.current().id, oldId);
    assert.equal(t.controller.current().turns.length, 0);
    await t.controller.selectProvider('ecovai');
    assert.equal(t.controller.providerState().activeProviderId, 'ecovai');
    assert.ok(t.updates.some((u) => u.type === 'providers' && u.activeProviderId === 'ecovai'));
    // The view's model picker gets each profile's models (the one in use included).
    const infos = t.controller.providerState().providers;
    assert.deepEqual(infos.find((p) => p.id === 'emma')?.models, ['emma-5', 'emma-4', 'emma-3']);
    assert.ok(infos.find((p) => p.id === 'ecovai')?.models?.includes('spark-v3'));
    // and reopening the saved conversation brings it back
    assert.ok(await t.controller.open(oldId));
    assert.equal(t.controller.current().turns[0]?.reply?.text, 'a');
  });
});

describe('ChatController and model discovery', () => {
  it("offers the view an endpoint's discovered models once they arrive, and says so with a providers update", () => {
    const t = setup([]);
    assert.ok(!t.controller.providerState().providers.find((p) => p.id === 'ecovai')?.models?.includes('sim-discovered-1'));
    t.source.discover('ecovai', ['sim-discovered-1', 'sim-discovered-2']);
    const update = t.updates.filter((u) => u.type === 'providers').at(-1);
    assert.ok(update && update.type === 'providers');
    assert.deepEqual(update.providers.find((p) => p.id === 'ecovai')?.models, ['sim-discovered-1', 'sim-discovered-2', 'spark-v3']);
  });
});

describe('ChatController and workspace-supplied profiles', () => {
  it('marks every profile in the view’s picker when the profiles come from workspace settings, none otherwise', () => {
    const t = setup([]);
    assert.ok(t.controller.providerState().providers.every((p) => p.fromWorkspace === undefined));
    t.source.profilesFromWorkspace = () => true;
    assert.ok(t.controller.providerState().providers.every((p) => p.fromWorkspace === true));
  });
});

describe('ChatController and keys', () => {
  it('nothing it emits or saves carries the key, even when the provider fails', async () => {
    const canary = 'sk-test-canary-0000';
    const t = setup([
      [{ type: 'delta', text: 'fine' }, { type: 'usage', promptTokens: 1, outputTokens: 1 }, { type: 'done' }],
      [{ throw: new ProviderError('auth', errorText('server.message', { provider: 'Emma', text: 'the API key was refused (401). Set a valid key.' })) }],
    ]);
    assert.equal(await t.source.deps().getSecret('emma'), canary);
    await t.controller.ask({ prompt: 'q1' });
    await t.controller.ask({ prompt: 'q2' });
    const everything = JSON.stringify([t.updates, t.store.saved, t.controller.exportMarkdown(), t.controller.providerState()]);
    assert.ok(everything.includes('was refused'));
    assert.ok(!everything.includes(canary));
  });
});
