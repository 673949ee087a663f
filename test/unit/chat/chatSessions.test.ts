import assert from 'node:assert/strict';
import { ChatController } from '../../../src/chat/chatController';
import { ChatSessions, FocusedSessionChat, type ChatSession } from '../../../src/chat/chatSessions';
import { ConversationPersistence } from '../../../src/storage/conversationPersistence';
import { EMMA, FakeProviderSource, ManualClock, MemoryStore, ScriptedProvider, type Step } from './fakes';

/** A session as the webview layer builds it: a real controller, and a view whose reveals are counted. */
class RecordedSession implements ChatSession {
  reveals: { preserveFocus: boolean }[] = [];
  focusInputs = 0;
  constructor(
    readonly name: string,
    readonly chat: ChatController,
  ) {}
  async reveal(options: { preserveFocus: boolean }): Promise<void> {
    this.reveals.push(options);
  }
  focusInput(): void {
    this.focusInputs += 1;
  }
}

function world(scripts: Step[][] = []) {
  const source = new FakeProviderSource([EMMA]);
  const provider = new ScriptedProvider(scripts);
  const memory = new MemoryStore();
  // One store for every session, as in the extension.
  const store = new ConversationPersistence(memory);
  let n = 0;
  const session = (name: string) =>
    new RecordedSession(name, new ChatController({ providers: source, createProvider: (profile) => provider.create(profile), store, clock: new ManualClock(), newId: () => `${name}-${++n}` }));
  const sidebar = session('sidebar');
  const sessions = new ChatSessions<RecordedSession>();
  sessions.addPrimary(sidebar);
  return { sessions, sidebar, session, provider, memory, chat: new FocusedSessionChat(sessions) };
}

describe('chat sessions: focus tracking and routing', () => {
  it('sends commands to the side bar until another session is focused, then to the last focused one', () => {
    const w = world();
    assert.equal(w.sessions.target(), w.sidebar);
    const tab = w.session('tab');
    w.sessions.add(tab);
    assert.equal(w.sessions.target(), tab, 'a new tab takes the focus');
    w.sessions.focused(w.sidebar);
    assert.equal(w.sessions.target(), w.sidebar);
    w.sessions.focused(tab);
    assert.equal(w.sessions.target(), tab);
  });

  it('falls back to the session focused before a closed tab, and never removes the side bar', () => {
    const w = world();
    const first = w.session('first');
    const second = w.session('second');
    w.sessions.add(first);
    w.sessions.add(second);
    w.sessions.focused(first);
    w.sessions.focused(second);
    w.sessions.remove(second);
    assert.equal(w.sessions.target(), first);
    w.sessions.remove(first);
    assert.equal(w.sessions.target(), w.sidebar);
    w.sessions.remove(w.sidebar);
    assert.equal(w.sessions.target(), w.sidebar);
    assert.deepEqual(w.sessions.all(), [w.sidebar]);
  });

  it('a primary added after a tab does not take the focus from it', () => {
    const sessions = new ChatSessions<RecordedSession>();
    const w = world();
    const tab = w.session('tab');
    sessions.add(tab);
    sessions.addPrimary(w.sidebar);
    assert.equal(sessions.target(), tab);
  });

  it('finds the session holding a conversation, other than the one asking', async () => {
    const w = world([[{ type: 'delta', text: 'ok' }, { type: 'done' }]]);
    const tab = w.session('tab');
    w.sessions.add(tab);
    await tab.chat.ask({ prompt: 'hello' });
    const id = tab.chat.current().id;
    assert.equal(w.sessions.holderOf(id), tab);
    assert.equal(w.sessions.holderOf(id, tab), undefined);
    assert.equal(w.sessions.holderOf(w.sidebar.chat.current().id), w.sidebar);
    assert.equal(w.sessions.holderOf('nobody'), undefined);
  });

  it('asks in the focused session only, revealing it exactly once (into the view)', async () => {
    const w = world([[{ type: 'delta', text: 'from the tab' }, { type: 'done' }]]);
    const tab = w.session('tab');
    w.sessions.add(tab);
    await w.chat.ask({ prompt: 'Explain this', displayText: 'Explain Selection · a.ts' });
    assert.deepEqual(tab.reveals, [{ preserveFocus: false }]);
    assert.deepEqual(w.sidebar.reveals, []);
    assert.equal(tab.chat.current().turns.at(-1)?.reply?.text, 'from the tab');
    assert.equal(w.sidebar.chat.current().turns.length, 0, 'nothing reached the side bar');
  });

  it('adds attachments, starts a new chat, stops and exports in the focused session', async () => {
    const w = world([[{ type: 'delta', text: 'reply' }, { type: 'done' }]]);
    const tab = w.session('tab');
    w.sessions.add(tab);
    const added = await w.chat.addAttachments([{ id: 'a1', path: 'a.ts', language: 'typescript', content: 'const x = 1;' }]);
    assert.equal(added, 1);
    assert.equal(tab.chat.composerState().attachments?.length, 1);
    assert.equal(w.sidebar.chat.composerState().attachments?.length ?? 0, 0);
    assert.equal(tab.focusInputs, 1);
    await tab.chat.ask({ prompt: 'q' });
    w.sessions.focused(w.sidebar);
    assert.equal(w.chat.exportMarkdown(), undefined, 'the side bar is empty');
    w.sessions.focused(tab);
    assert.match(w.chat.exportMarkdown() ?? '', /reply/);
    const before = tab.chat.current().id;
    w.chat.newChat();
    assert.notEqual(tab.chat.current().id, before);
    assert.equal(tab.reveals.length, 2, 'attachments and the new chat each revealed it once');
  });

  it('two sessions stream at the same time into one store without mixing their text', async () => {
    let releaseA!: () => void;
    const aMayFinish = new Promise<void>((resolve) => (releaseA = resolve));
    let aStreaming!: () => void;
    const aStarted = new Promise<void>((resolve) => (aStreaming = resolve));
    const w = world();
    const tab = w.session('tab');
    w.sessions.add(tab);
    // The side bar's reply starts first and is still streaming while the tab's runs from start to end.
    w.provider.scripts.push(
      [{ type: 'delta', text: 'A1 ' }, { type: 'delta', text: 'A2' }, { type: 'done' }],
      [{ type: 'delta', text: 'B1 ' }, { type: 'delta', text: 'B2' }, { type: 'done' }],
    );
    const original = w.provider.create;
    let calls = 0;
    w.provider.create = (profile) => {
      const provider = original(profile);
      const first = calls++ === 0;
      return {
        profile,
        streamChat: async function* (request, signal) {
          for await (const event of provider.streamChat(request, signal)) {
            yield event;
            if (first && event.type === 'delta' && event.text === 'A1 ') {
              aStreaming();
              await aMayFinish;
            }
          }
        },
      };
    };
    const a = w.sidebar.chat.ask({ prompt: 'first' });
    await aStarted;
    assert.equal(w.sidebar.chat.isStreaming(), true);
    await tab.chat.ask({ prompt: 'second' });
    assert.equal(w.sidebar.chat.isStreaming(), true, 'still streaming while the other one finished');
    releaseA();
    await a;
    assert.equal(w.sidebar.chat.current().turns[0]?.reply?.text, 'A1 A2');
    assert.equal(tab.chat.current().turns[0]?.reply?.text, 'B1 B2');
    const saved = (id: string) => JSON.parse(w.memory.files.get(id) ?? '{}') as { turns?: { reply?: { text: string } }[] };
    assert.equal(saved(w.sidebar.chat.current().id).turns?.[0]?.reply?.text, 'A1 A2');
    assert.equal(saved(tab.chat.current().id).turns?.[0]?.reply?.text, 'B1 B2');
  });
});
