// What the chat controller tells its views as the conversation changes: one
// turn per question (not the whole conversation), the turns removed by
// regenerate / edit & resend, and, over random sequences of questions,
// regenerations, edits, new chats and opened conversations, updates that
// rebuild exactly the controller's conversation when applied in order.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ChatController, type ChatUpdate } from '../../../src/chat/chatController';
import { ProviderError } from '../../../src/net/errors';
import { errorText } from '../../../src/net/errorTexts';
import { parseHostMessage } from '../../../src/protocol/messages';
import type { Conversation, Turn } from '../../../src/protocol/model';
import { EMMA, FakeProviderSource, ManualClock, MemoryStore, ScriptedProvider, type Step } from './fakes';

function setup() {
  const provider = new ScriptedProvider([]);
  const store = new MemoryStore();
  const clock = new ManualClock();
  let n = 0;
  const controller = new ChatController({
    providers: new FakeProviderSource([EMMA]),
    createProvider: provider.create,
    store,
    clock,
    newId: () => `id${++n}`,
  });
  const updates: ChatUpdate[] = [];
  // Cloned as posting does: what the view gets is what was sent then, not the controller's later state.
  controller.onUpdate((u) => updates.push(structuredClone(u)));
  return { provider, store, clock, controller, updates };
}

const answer = (text: string): Step[] => [{ type: 'delta', text }, { type: 'done' }];

/** The conversation a view ends up with: the updates applied in order, as the chat view applies them. */
class Mirror {
  conversation: Conversation | undefined;

  apply(update: ChatUpdate): void {
    assert.ok(parseHostMessage(update).ok, `the view accepts a "${update.type}" update`);
    const c = this.conversation;
    const at = (turnId: string): Turn => {
      const turn = c?.turns.find((t) => t.id === turnId);
      assert.ok(turn, `"${update.type}" names a turn the view has (${turnId})`);
      return turn;
    };
    switch (update.type) {
      case 'conversation':
        this.conversation = structuredClone(update.conversation);
        return;
      case 'turnAdded':
      case 'turnUpdated':
      case 'turnsRemoved':
        assert.equal(update.conversationId, c?.id, `"${update.type}" names the conversation shown`);
        break;
      case 'reply':
        at(update.turnId).reply = update.reply;
        if (update.contextNotes) at(update.turnId).contextNotes = update.contextNotes;
        return;
      case 'replyDelta':
      case 'replyReplace': {
        const reply = at(update.turnId).reply;
        assert.ok(reply);
        reply.text = update.type === 'replyDelta' ? reply.text + update.text : update.text;
        return;
      }
      default:
        return;
    }
    assert.ok(c);
    if (update.type === 'turnAdded') {
      assert.equal(c.turns.some((t) => t.id === update.turn.id), false, 'an added turn is new');
      c.turns.push(update.turn);
    } else if (update.type === 'turnUpdated') {
      c.turns[c.turns.indexOf(at(update.turn.id))] = update.turn;
    } else {
      c.turns.length = c.turns.indexOf(at(update.fromTurnId));
    }
  }
}

describe('chat updates: incremental turn changes', () => {
  it('asking in a 30-turn conversation sends the new turn alone, never the whole conversation', async () => {
    const t = setup();
    for (let i = 0; i < 30; i++) {
      t.provider.scripts.push(answer(`answer ${i}`));
      await t.controller.ask({ prompt: `question ${i}` });
    }
    t.updates.length = 0;
    t.provider.scripts.push(answer('one more answer'));
    await t.controller.ask({ prompt: 'one more question' });
    const asked = t.controller.current().turns.at(-1) as Turn;
    assert.deepEqual(
      t.updates.filter((u) => u.type !== 'composer' && u.type !== 'replyDelta' && u.type !== 'reply').map((u) => u.type),
      ['turnAdded'],
    );
    const added = t.updates.find((u) => u.type === 'turnAdded');
    assert.deepEqual(added, { type: 'turnAdded', conversationId: t.controller.current().id, turn: { id: asked.id, prompt: 'one more question', notes: [], createdAt: asked.createdAt } });
    // Nothing sent for this question holds an earlier turn.
    assert.doesNotMatch(JSON.stringify(t.updates), /question 29|answer 29/);
  });

  it('regenerate removes the turns after the question and sends the question anew without its reply', async () => {
    const t = setup();
    for (const q of ['q1', 'q2', 'q3']) {
      t.provider.scripts.push(answer(`a-${q}`));
      await t.controller.ask({ prompt: q });
    }
    const [first, second, third] = t.controller.current().turns as [Turn, Turn, Turn];
    t.updates.length = 0;
    t.provider.scripts.push(answer('again'));
    await t.controller.regenerate(first.id);
    const changes = t.updates.filter((u) => u.type === 'turnsRemoved' || u.type === 'turnUpdated' || u.type === 'turnAdded' || u.type === 'conversation');
    assert.deepEqual(changes, [
      { type: 'turnsRemoved', conversationId: t.controller.current().id, fromTurnId: second.id },
      { type: 'turnUpdated', conversationId: t.controller.current().id, turn: { id: first.id, prompt: 'q1', notes: [], createdAt: first.createdAt } },
    ]);
    assert.notEqual(third.id, second.id);
    // Regenerating the last turn removes nothing.
    t.updates.length = 0;
    t.provider.scripts.push(answer('once more'));
    await t.controller.regenerate(first.id);
    assert.deepEqual(t.updates.filter((u) => u.type === 'turnsRemoved'), []);
  });

  it('edit & resend removes the edited turn and those after it, then adds the edited question', async () => {
    const t = setup();
    for (const q of ['q1', 'q2']) {
      t.provider.scripts.push(answer(`a-${q}`));
      await t.controller.ask({ prompt: q });
    }
    const edited = t.controller.current().turns[0] as Turn;
    t.updates.length = 0;
    t.provider.scripts.push(answer('edited answer'));
    await t.controller.editResend(edited.id, 'q1 edited');
    const changes = t.updates.filter((u) => u.type === 'turnsRemoved' || u.type === 'turnAdded' || u.type === 'conversation');
    assert.deepEqual(changes.map((u) => u.type), ['turnsRemoved', 'turnAdded']);
    assert.deepEqual(changes[0], { type: 'turnsRemoved', conversationId: t.controller.current().id, fromTurnId: edited.id });
    assert.equal(changes[1]?.type === 'turnAdded' && changes[1].turn.prompt, 'q1 edited');
  });

  it('over random sequences of questions, regenerations, edits, new chats and opened conversations, the updates rebuild the conversation exactly', async () => {
    type Command =
      | { kind: 'ask'; reply: 'text' | 'replace' | 'error'; attach: boolean }
      | { kind: 'regenerate' | 'editResend'; pick: number }
      | { kind: 'newChat' }
      | { kind: 'open'; pick: number };
    const command: fc.Arbitrary<Command> = fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('ask' as const), reply: fc.constantFrom('text' as const, 'replace' as const, 'error' as const), attach: fc.boolean() }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('regenerate' as const, 'editResend' as const), pick: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('newChat' as const) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('open' as const), pick: fc.nat() }) },
    );
    const script = (reply: 'text' | 'replace' | 'error'): Step[] =>
      reply === 'error'
        ? [{ type: 'delta', text: 'partial ' }, { throw: new ProviderError('unavailable', errorText('unavailable.status', { provider: 'Emma', status: 503 })) }]
        : reply === 'replace'
          ? [{ type: 'replace', text: 'first draft' }, { type: 'replace', text: 'final text' }, { type: 'done' }]
          : [{ type: 'delta', text: 'Hello ' }, { type: 'delta', text: 'world' }, { type: 'done' }];

    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        const t = setup();
        const mirror = new Mirror();
        // The view starts from the whole state (`init`), then applies the updates.
        mirror.conversation = structuredClone(t.controller.current());
        t.controller.onUpdate((u) => mirror.apply(structuredClone(u)));
        const saved = new Set<string>();
        for (const c of commands) {
          const turns = t.controller.current().turns;
          const picked = c.kind === 'regenerate' || c.kind === 'editResend' ? turns[c.pick % Math.max(1, turns.length)] : undefined;
          if (c.kind === 'ask') {
            t.provider.scripts.push(script(c.reply));
            const attachments = c.attach ? [{ id: 'a1', path: 'src/util.ts', language: 'typescript', content: 'export const x = 1;\n' }] : undefined;
            await t.controller.ask({ prompt: `question ${turns.length}`, ...(attachments ? { attachments } : {}) });
            saved.add(t.controller.current().id);
          } else if (c.kind === 'regenerate' && picked) {
            t.provider.scripts.push(script('text'));
            await t.controller.regenerate(picked.id);
          } else if (c.kind === 'editResend' && picked) {
            t.provider.scripts.push(script('replace'));
            await t.controller.editResend(picked.id, `edited ${picked.prompt}`);
          } else if (c.kind === 'newChat') {
            t.controller.newChat();
          } else if (c.kind === 'open' && saved.size > 0) {
            await t.controller.open([...saved][c.pick % saved.size] as string);
          }
          assert.equal(mirror.conversation?.id, t.controller.current().id);
          assert.deepEqual(mirror.conversation?.turns, t.controller.current().turns);
        }
      }),
      { numRuns: 150 },
    );
  });
});
