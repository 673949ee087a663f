import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChatController } from '../../../src/chat/chatController';
import { ConversationStore } from '../../../src/storage/conversationStore';
import { HistoryController, type HistoryUpdate } from '../../../src/chat/historyController';
import { EMMA, FakeProviderSource, ManualClock, ScriptedProvider } from './fakes';

describe('HistoryController (with the real store)', () => {
  let dir: string;
  beforeEach(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-history-'))));
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  function setup(scripts: ConstructorParameters<typeof ScriptedProvider>[0]) {
    const store = new ConversationStore(dir);
    const clock = new ManualClock();
    const provider = new ScriptedProvider(scripts);
    const chat = new ChatController({ providers: new FakeProviderSource([EMMA]), createProvider: provider.create, store, clock });
    const posted: HistoryUpdate[] = [];
    const history = new HistoryController(store, chat, (u) => posted.push(structuredClone(u)));
    return { store, clock, chat, history, posted };
  }

  it('lists, searches, renames, deletes and exports saved conversations; reopening restores a reply', async () => {
    const t = setup([
      [{ type: 'delta', text: 'Use a lookahead.' }, { type: 'done' }],
      [{ type: 'delta', text: 'Boil water.' }, { type: 'done' }],
    ]);
    await t.chat.ask({ prompt: 'Regex question' });
    const first = t.chat.current().id;
    t.clock.time += 1000;
    t.chat.newChat();
    await t.chat.ask({ prompt: 'Pasta question' });
    const second = t.chat.current().id;

    await t.history.setVisible(true);
    assert.deepEqual(t.posted.at(-1)?.items.map((i) => i.title), ['Pasta question', 'Regex question']);
    await t.history.search('LOOKAHEAD');
    assert.deepEqual(t.posted.at(-1)?.items.map((i) => i.id), [first]);

    await t.history.rename(second, 'Cooking');
    assert.equal(t.chat.current().title, 'Cooking');
    assert.match((await t.history.exportMarkdown(first)) ?? '', /# Regex question[\s\S]*Use a lookahead\./);

    assert.ok(await t.history.open(first));
    assert.equal(t.chat.current().turns[0]?.reply?.text, 'Use a lookahead.');
    assert.equal(t.history.state().visible, false);

    await t.history.delete(first);
    assert.notEqual(t.chat.current().id, first, 'deleting the open conversation starts a new one');
    await t.history.search('');
    assert.deepEqual(t.history.state().items.map((i) => i.id), [second]);
  });

  it('after a reload, the latest conversation is shown again with its cut-off reply marked interrupted', async () => {
    const t = setup([[{ type: 'delta', text: 'half' }, { throw: new Error('process died') }]]);
    await t.chat.ask({ prompt: 'q' });
    // Simulate the crash: the file still says "streaming".
    const saved = t.chat.current();
    const reply = saved.turns[0]?.reply;
    assert.ok(reply);
    await t.store.save({ ...saved, turns: [{ ...saved.turns[0]!, reply: { ...reply, status: 'streaming' } }] });

    const fresh = setup([]);
    await fresh.history.restoreLatest();
    assert.equal(fresh.chat.current().id, saved.id);
    assert.equal(fresh.chat.current().turns[0]?.reply?.status, 'interrupted');
    assert.equal(fresh.chat.current().turns[0]?.reply?.text, 'half');
  });

  it("a newer search's results are never replaced by an older one's that finishes later", async () => {
    /** The real store, except that a search for `slowQuery` waits until released (a slow disk under an earlier keystroke). */
    class SlowSearchStore extends ConversationStore {
      release: () => void = () => undefined;
      private readonly gate = new Promise<void>((resolve) => (this.release = resolve));
      constructor(private readonly slowQuery: string) {
        super(dir);
      }
      override async search(query: string) {
        const result = await super.search(query);
        if (query === this.slowQuery) await this.gate;
        return result;
      }
    }
    const store = new SlowSearchStore('Regex');
    const provider = new ScriptedProvider([
      [{ type: 'delta', text: 'Use a lookahead.' }, { type: 'done' }],
      [{ type: 'delta', text: 'Boil water.' }, { type: 'done' }],
    ]);
    const clock = new ManualClock();
    const chat = new ChatController({ providers: new FakeProviderSource([EMMA]), createProvider: provider.create, store, clock });
    const posted: HistoryUpdate[] = [];
    const history = new HistoryController(store, chat, (u) => posted.push(structuredClone(u)));
    await chat.ask({ prompt: 'Regex question' });
    const regex = chat.current().id;
    clock.time += 1000;
    chat.newChat();
    await chat.ask({ prompt: 'Pasta question' });
    const pasta = chat.current().id;
    await history.setVisible(true);

    const older = history.search('Regex');
    await history.search('Pasta');
    assert.deepEqual(history.state().items.map((i) => i.id), [pasta]);
    store.release();
    await older;
    assert.equal(history.state().query, 'Pasta');
    assert.deepEqual(history.state().items.map((i) => i.id), [pasta], 'the older search (Regex) did not replace the newer one');
    assert.deepEqual(posted.at(-1)?.items.map((i) => i.id), [pasta]);
    assert.ok(!posted.some((u) => u.query === 'Pasta' && u.items.some((i) => i.id === regex)), 'no list for "Pasta" showed the Regex conversation');
  });
});
