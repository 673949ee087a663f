/**
 * Files written by a real Parley of format version 1 (test/fixtures/conversations/v1,
 * never edited) load, list, search and round-trip with today's store. This
 * test stays as long as Parley reads conversation files.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConversationStore, type SetAsideFile } from '../../../src/storage/conversationStore';
import type { Conversation } from '../../../src/protocol/model';

const V1 = path.join(__dirname, '..', '..', 'fixtures', 'conversations', 'v1');

describe('conversation files written by Parley format version 1 (fixtures)', () => {
  let dir: string;
  let store: ConversationStore;
  let setAside: SetAsideFile[];
  let names: string[];
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-v1-'));
    names = (await fs.readdir(V1)).filter((n) => n.endsWith('.json')).sort();
    for (const name of names) await fs.copyFile(path.join(V1, name), path.join(dir, name));
    setAside = [];
    store = new ConversationStore(dir, { onSetAside: (r) => setAside.push(r) });
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  async function loaded(id: string): Promise<Conversation> {
    const conversation = await store.load(id);
    assert.ok(conversation, `${id} loads`);
    return conversation;
  }
  const replies = (c: Conversation) => c.turns.map((t) => t.reply);

  it('there are fixtures, and every one of them is listed, none set aside', async () => {
    assert.ok(names.length >= 6, names.join());
    const { items } = await store.list();
    assert.deepEqual(items.map((i) => `${i.id}.json`).sort(), names);
    assert.deepEqual(setAside, []);
    assert.ok(items.every((i) => !i.savedByNewerVersion && i.turnCount > 0));
  });

  it('plain turns keep the API’s usage, model and timings', async () => {
    const c = await loaded('plain-en-1');
    assert.equal(c.turns.length, 3);
    for (const reply of replies(c)) {
      assert.equal(reply?.status, 'done');
      assert.equal(reply?.model, 'emma-4');
      assert.ok((reply?.promptTokens ?? 0) > 0 && (reply?.outputTokens ?? 0) > 0 && typeof reply?.ttftMs === 'number');
    }
    assert.match(c.turns[1]?.reply?.text ?? '', /streaming/i);
  });

  it('error cards keep their code, message and action; a cut reply keeps its partial text', async () => {
    const c = await loaded('errors-1');
    assert.deepEqual(
      replies(c).map((r) => [r?.status, r?.error?.code, r?.error?.action]),
      [
        ['error', 'unavailable', 'retry'],
        ['error', 'auth', 'setApiKey'],
        ['error', 'network', 'retry'],
        ['done', undefined, undefined],
      ],
    );
    assert.match(c.turns[0]?.reply?.error?.message ?? '', /503/);
    assert.ok((c.turns[2]?.reply?.text.length ?? 0) > 0);
  });

  it('a stopped reply stays stopped; a reply that was still streaming loads as interrupted, its text kept', async () => {
    const stopped = await loaded('stopped-it-1');
    assert.equal(stopped.turns[1]?.reply?.status, 'stopped');
    assert.ok((stopped.turns[0]?.reply?.totalTokens ?? 0) > 0);
    const raw = JSON.parse(await fs.readFile(path.join(V1, 'interrupted-en-1.json'), 'utf8')) as { conversation: Conversation };
    assert.equal(raw.conversation.turns[1]?.reply?.status, 'streaming');
    const interrupted = await loaded('interrupted-en-1');
    assert.equal(interrupted.turns[1]?.reply?.status, 'interrupted');
    assert.equal(interrupted.turns[1]?.reply?.text, raw.conversation.turns[1]?.reply?.text);
  });

  it('attachments (a file and a selection with lines) and Italian text come back exactly', async () => {
    const c = await loaded('attachments-it-1');
    const attachments = c.turns[0]?.attachments ?? [];
    assert.deepEqual(attachments.map((a) => [a.path, a.language, a.startLine, a.endLine]), [
      ['src/util.ts', 'typescript', undefined, undefined],
      ['README.md', 'markdown', 3, 5],
    ]);
    assert.match(attachments[1]?.content ?? '', /È semplice/);
    assert.match(c.turns[0]?.prompt ?? '', /Cosa fa questo codice/);
  });

  it('an edited and a regenerated Chinese conversation loads with the edited text', async () => {
    const c = await loaded('edited-zh-1');
    assert.equal(c.turns[0]?.prompt, '你好！请用中文解释流式响应是如何工作的。');
    assert.match(c.turns[0]?.reply?.text ?? '', /流式/);
  });

  it('search finds text in en, it and zh files, in titles, prompts, replies and attachments', async () => {
    const ids = async (q: string) => (await store.search(q)).items.map((i) => i.id).sort();
    assert.deepEqual(await ids('流式'), ['edited-zh-1']);
    assert.deepEqual(await ids('È SEMPLICE: `ADD(1, 2)`'), ['attachments-it-1']);
    assert.deepEqual(await ids('è semplice'), ['attachments-it-1', 'stopped-it-1']);
    assert.deepEqual(await ids('util.ts'), ['attachments-it-1']);
    assert.ok((await ids('ndjson')).includes('plain-en-1'));
  });

  it('each file round-trips: loaded and saved again, it holds the same JSON (a streaming reply now interrupted)', async () => {
    for (const name of names) {
      const id = name.slice(0, -'.json'.length);
      const original = JSON.parse(await fs.readFile(path.join(V1, name), 'utf8')) as { conversation: Conversation };
      await store.save(await loaded(id));
      const written = JSON.parse(await fs.readFile(path.join(dir, name), 'utf8')) as { conversation: Conversation };
      for (const turn of original.conversation.turns) if (turn.reply?.status === 'streaming') turn.reply.status = 'interrupted';
      assert.deepEqual(written, original, name);
    }
  });
});
