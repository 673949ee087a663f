/**
 * The store's search index over real files: built on the first list or
 * search, kept current by this store's saves, renames and deletes without
 * reading files, and brought up to date with other windows' changes when the
 * history is listed again.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Conversation } from '../../../src/protocol/model';
import { ConversationStore } from '../../../src/storage/conversationStore';

function conversation(id: string, title: string, reply: string, updatedAt = 1): Conversation {
  return {
    id,
    title,
    createdAt: 1,
    updatedAt,
    turns: [{ id: 't1', prompt: `Domanda su ${title}`, notes: [], createdAt: 1, reply: { text: reply, status: 'done', providerId: 'p', providerLabel: 'P', startedAt: 1 } }],
  };
}

describe('ConversationStore search index', () => {
  let dir: string;
  beforeEach(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-index-store-'))));
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));
  const ids = async (store: ConversationStore, query: string) => (await store.search(query)).items.map((i) => i.id);

  it('a search keystroke reads no file once the index is built: its results come from this store’s saves, renames and deletes', async () => {
    const store = new ConversationStore(dir);
    await store.save(conversation('a', 'Pasta', 'Bollire l’acqua', 1));
    await store.save(conversation('b', 'Regex', '使用前瞻断言', 2));
    assert.deepEqual(await ids(store, 'ACQUA'), ['a']);
    // The files are gone from under the store (not through it): a keystroke still answers from the index.
    await fs.rm(path.join(dir, 'a.json'));
    assert.deepEqual(await ids(store, 'acqua'), ['a']);
    await store.save(conversation('c', 'Tè', 'Scaldare l’acqua', 3));
    assert.deepEqual(await ids(store, 'acqua'), ['c', 'a']);
    await store.rename('b', 'Espressioni regolari');
    assert.deepEqual(await ids(store, 'regolari'), ['b']);
    await store.delete('c');
    assert.deepEqual(await ids(store, 'acqua'), ['a']);
    assert.deepEqual(await ids(store, '前瞻'), ['b']);
  });

  it('listing again (opening the history) takes in other windows’ saves and deletes and sets aside a file spoiled since', async () => {
    const store = new ConversationStore(dir, { now: () => 5 });
    const otherWindow = new ConversationStore(dir);
    await store.save(conversation('a', 'Pasta', 'acqua', 1));
    await store.save(conversation('b', 'Riso', 'acqua', 2));
    assert.deepEqual(await ids(store, 'acqua'), ['b', 'a']);
    await otherWindow.save(conversation('c', 'Zuppa', 'acqua e sale', 3));
    await otherWindow.save(conversation('a', 'Pasta', 'olio', 4));
    await otherWindow.delete('b');
    await fs.writeFile(path.join(dir, 'd.json'), '{"format":"parley.conversation","version":1,');
    const listed = await store.list();
    assert.deepEqual(listed.items.map((i) => i.id), ['a', 'c']);
    assert.deepEqual(listed.setAside.map((r) => path.basename(r.movedTo)), ['d.corrupt-5.json']);
    assert.deepEqual(await ids(store, 'acqua'), ['c']);
    assert.deepEqual(await ids(store, 'olio'), ['a']);
  });
});
