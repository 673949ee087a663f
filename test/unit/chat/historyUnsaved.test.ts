// While the disk is full, a conversation left for a new chat stays reachable:
// the history lists it from memory (flagged not saved), opens it, renames and
// exports it; once the disk takes it, it is listed from the file as usual.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChatController } from '../../../src/chat/chatController';
import { ConversationPersistence } from '../../../src/storage/conversationPersistence';
import { ConversationStore, type StoreWriteFs } from '../../../src/storage/conversationStore';
import { HistoryController } from '../../../src/chat/historyController';
import { EMMA, FakeProviderSource, ManualClock, ScriptedProvider } from './fakes';

function diskThatFills(): StoreWriteFs & { full: boolean } {
  const disk = {
    full: false,
    mkdir: (dir: string, options: { recursive: true }) => fs.mkdir(dir, options),
    rename: (from: string, to: string) => fs.rename(from, to),
    rm: (file: string, options: { force: boolean }) => fs.rm(file, options),
    open: async (file: string, flags: string, mode?: number) => {
      const handle = await fs.open(file, flags, mode);
      return {
        writeFile: async (data: string, encoding: 'utf8') => {
          if (disk.full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          await handle.writeFile(data, encoding);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
  return disk;
}

describe('HistoryController and conversations that could not be saved', () => {
  let dir: string;
  beforeEach(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-history-unsaved-'))));
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  it('lists them from memory, flagged; opens, renames and exports them; lists them from the file once saved', async () => {
    const disk = diskThatFills();
    const store = new ConversationStore(dir, { writeFs: disk });
    const persistence = new ConversationPersistence(store, { timers: { setTimeout: () => 0, clearTimeout: () => undefined } });
    const clock = new ManualClock();
    const chat = new ChatController({
      providers: new FakeProviderSource([EMMA]),
      createProvider: new ScriptedProvider([
        [{ type: 'delta', text: 'Saved fine.' }, { type: 'done' }],
        [{ type: 'delta', text: 'Only in memory.' }, { type: 'done' }],
      ]).create,
      store: persistence,
      clock,
    });
    const history = new HistoryController(store, chat, () => undefined, () => undefined, persistence);
    await chat.ask({ prompt: 'On disk' });
    const onDisk = chat.current().id;
    disk.full = true;
    clock.time += 1000;
    chat.newChat();
    await chat.ask({ prompt: 'Disk full now' });
    const inMemory = chat.current().id;
    chat.newChat();

    await history.setVisible(true);
    assert.deepEqual(
      history.state().items.map((i) => [i.title, i.notSaved ?? false]),
      [['Disk full now', true], ['On disk', false]],
    );
    await history.search('only in');
    assert.deepEqual(history.state().items.map((i) => [i.id, i.snippet]), [[inMemory, 'Only in memory.']]);
    await history.search('');

    await history.rename(inMemory, 'Renamed while full');
    assert.match((await history.exportMarkdown(inMemory)) ?? '', /^# Renamed while full[\s\S]*Only in memory\./);
    assert.ok(await history.open(inMemory));
    assert.equal(chat.current().turns[0]?.reply?.text, 'Only in memory.');

    disk.full = false;
    await persistence.retryNow();
    await history.refresh();
    assert.deepEqual(history.state().items.map((i) => [i.title, i.notSaved ?? false]), [['Renamed while full', false], ['On disk', false]]);
    assert.equal((await store.load(inMemory))?.title, 'Renamed while full');
    assert.equal((await store.load(onDisk))?.turns[0]?.reply?.text, 'Saved fine.');
  });
});
