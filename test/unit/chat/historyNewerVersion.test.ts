// The history with a conversation file from a newer Parley: listed and flagged,
// never opened (not even by the restore after a reload), never written.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChatController } from '../../../src/chat/chatController';
import { ConversationPersistence } from '../../../src/storage/conversationPersistence';
import { ConversationStore } from '../../../src/storage/conversationStore';
import { HistoryController } from '../../../src/chat/historyController';
import { EMMA, FakeProviderSource, ManualClock, ScriptedProvider } from './fakes';

describe('HistoryController and a file saved by a newer Parley', () => {
  let dir: string;
  beforeEach(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-history-newer-'))));
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  it('lists it flagged, does not open or restore it, and leaves its bytes alone', async () => {
    const store = new ConversationStore(dir);
    const persistence = new ConversationPersistence(store);
    const clock = new ManualClock();
    const chat = new ChatController({
      providers: new FakeProviderSource([EMMA]),
      createProvider: new ScriptedProvider([[{ type: 'delta', text: 'ok' }, { type: 'done' }]]).create,
      store: persistence,
      clock,
    });
    await chat.ask({ prompt: 'An older question' });
    const older = chat.current().id;
    const text = JSON.stringify({ format: 'parley.conversation', version: 3, conversation: { id: 'newer', title: 'Newer', updatedAt: clock.time + 10_000 } });
    await fs.writeFile(path.join(dir, 'newer.json'), text);

    const deleted: string[] = [];
    const forget = persistence.forget.bind(persistence);
    persistence.forget = (id) => {
      deleted.push(id);
      forget(id);
    };
    const history = new HistoryController(store, chat, () => undefined, () => undefined, persistence);
    await history.setVisible(true);
    assert.deepEqual(history.state().items.map((i) => [i.id, i.savedByNewerVersion ?? false]), [['newer', true], [older, false]]);
    assert.equal(history.savedByNewerVersion('newer')?.title, 'Newer');
    assert.equal(history.savedByNewerVersion(older), undefined);
    assert.equal(await history.open('newer'), false);
    assert.equal(chat.current().id, older);

    // A fresh start restores the latest conversation this Parley can open, not the newer file.
    const chat2 = new ChatController({ providers: new FakeProviderSource([EMMA]), createProvider: new ScriptedProvider([]).create, store, clock });
    await new HistoryController(store, chat2, () => undefined).restoreLatest();
    assert.equal(chat2.current().id, older);
    assert.equal(await fs.readFile(path.join(dir, 'newer.json'), 'utf8'), text);

    await history.delete(older);
    assert.deepEqual(deleted, [older], 'a deleted conversation is reported (its failed saves stop being retried)');
  });
});
