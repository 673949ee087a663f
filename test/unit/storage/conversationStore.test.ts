import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConversationStore, type SetAsideFile } from '../../../src/storage/conversationStore';
import { serializeConversation } from '../../../src/storage/conversationFile';
import { conversationToMarkdown } from '../../../src/chat/exportMarkdown';
import type { Conversation } from '../../../src/protocol/model';

function conversation(id: string, title: string, updatedAt: number, reply = 'An answer'): Conversation {
  return {
    id,
    title,
    createdAt: 1,
    updatedAt,
    turns: [
      {
        id: `${id}-t1`,
        prompt: `Question about ${title}`,
        notes: [],
        createdAt: 1,
        reply: { text: reply, status: 'done', providerId: 'emma', providerLabel: 'Emma', model: 'emma-5', startedAt: 1, outputTokens: 4 },
      },
    ],
  };
}

describe('ConversationStore', () => {
  let dir: string;
  let reports: SetAsideFile[];
  let store: ConversationStore;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-store-'));
    reports = [];
    store = new ConversationStore(path.join(dir, 'conversations'), { now: () => 42, onSetAside: (r) => reports.push(r) });
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  it('round-trips a conversation and lists newest first', async () => {
    const a = conversation('a', 'Alpha', 10);
    const b = conversation('b', 'Beta', 20);
    await store.save(a);
    await store.save(b);
    assert.deepEqual(await store.load('a'), a);
    const { items } = await store.list();
    assert.deepEqual(items.map((i) => i.id), ['b', 'a']);
    assert.deepEqual(items[0], { id: 'b', title: 'Beta', updatedAt: 20, turnCount: 1 });
    assert.equal(await store.load('missing'), undefined);
  });

  it('an empty or missing directory lists nothing', async () => {
    assert.deepEqual(await store.list(), { items: [], setAside: [] });
  });

  it('sets a corrupt file aside, reports it, and still loads the others', async () => {
    await store.save(conversation('good', 'Good', 5));
    const folder = store.directory;
    await fs.writeFile(path.join(folder, 'broken.json'), '{"format":"parley.conversation","version":1,"conv');
    await fs.writeFile(path.join(folder, 'wrong.json'), JSON.stringify({ format: 'parley.conversation', version: 1, conversation: { id: 'wrong' } }));
    const result = await store.list();
    assert.deepEqual(result.items.map((i) => i.id), ['good']);
    assert.deepEqual(result.setAside.map((r) => path.basename(r.movedTo)).sort(), ['broken.corrupt-42.json', 'wrong.corrupt-42.json']);
    assert.equal(reports.length, 2);
    assert.match(reports.find((r) => r.file.endsWith('broken.json'))?.reason ?? '', /not valid JSON/);
    const names = (await fs.readdir(folder)).sort();
    assert.deepEqual(names, ['broken.corrupt-42.json', 'good.json', 'wrong.corrupt-42.json']);
    // The set-aside files are kept (nothing lost) and not listed again.
    assert.deepEqual((await store.list()).setAside, []);
  });

  it('a reply found streaming on load is kept and marked interrupted', async () => {
    const c = conversation('c', 'Crash', 1, 'half of it');
    const reply = c.turns[0]?.reply;
    assert.ok(reply);
    reply.status = 'streaming';
    await fs.mkdir(store.directory, { recursive: true });
    await fs.writeFile(path.join(store.directory, 'c.json'), serializeConversation(c));
    const loaded = await store.load('c');
    assert.equal(loaded?.turns[0]?.reply?.status, 'interrupted');
    assert.equal(loaded?.turns[0]?.reply?.text, 'half of it');
  });

  it('searches titles and text, case-insensitively, with a snippet', async () => {
    await store.save(conversation('a', 'Regex help', 1, 'Use a lookahead assertion here.'));
    await store.save(conversation('b', 'Cooking', 2, 'Boil the pasta.'));
    assert.deepEqual((await store.search('LOOKAHEAD')).items.map((i) => [i.id, i.snippet]), [['a', 'Use a lookahead assertion here.']]);
    assert.deepEqual((await store.search('cooking')).items.map((i) => i.id), ['b']);
    assert.deepEqual((await store.search('nothing like this')).items, []);
    assert.equal((await store.search('  ')).items.length, 2);
  });

  it('renames and deletes', async () => {
    await store.save(conversation('a', 'Old', 1));
    const renamed = await store.rename('a', '  New title ');
    assert.equal(renamed?.title, 'New title');
    assert.equal((await store.load('a'))?.title, 'New title');
    assert.equal(await store.delete('a'), true);
    assert.equal(await store.load('a'), undefined);
    assert.equal(await store.delete('a'), false);
    assert.equal(await store.rename('a', 'x'), undefined);
  });

  it('refuses ids that are not plain file names', async () => {
    assert.equal(await store.load('../etc/passwd'), undefined);
    assert.equal(await store.delete('../x'), false);
  });

  it('exports to Markdown with turns, replies and stats', () => {
    const md = conversationToMarkdown(conversation('a', 'Alpha', 1));
    assert.equal(
      md,
      '# Alpha\n\n## You\n\nQuestion about Alpha\n\n### Emma · emma-5\n\nAn answer\n\n*tokens: ? in / 4 out*\n',
    );
  });

  it('a process killed in the middle of a write leaves the previous version readable and no temp file listed', async function () {
    this.timeout(60_000);
    const folder = store.directory;
    await fs.mkdir(folder, { recursive: true });
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures', 'writeLoop.ts'), folder, 'big'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let saved = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      const matches = chunk.toString().match(/saved (\d+)/g) ?? [];
      for (const m of matches) saved = Number(m.slice(6));
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Wait until one version is complete and the next one is being written (its temp file exists), then kill.
    let sawTemp = false;
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline) {
      const names = await fs.readdir(folder);
      if (saved >= 1 && names.some((n) => n.endsWith('.tmp'))) {
        child.kill('SIGKILL');
        sawTemp = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    if (!sawTemp) child.kill('SIGKILL');
    await exited;
    assert.ok(sawTemp, 'the child was killed while a temp file was being written');

    const names = await fs.readdir(folder);
    assert.ok(names.some((n) => n.endsWith('.tmp')), 'the half-written temp file is still there');
    const { items, setAside } = await store.list();
    assert.deepEqual(items.map((i) => i.id), ['big']);
    assert.deepEqual(setAside, []);
    const loaded = await store.load('big');
    assert.ok(loaded);
    const version = Number(loaded.title.replace('version ', ''));
    assert.ok(version >= saved && version <= saved + 1, `loaded version ${version}, last reported ${saved}`);
    assert.ok(loaded.turns[0]?.reply?.text.startsWith(`${version}:`));
    assert.equal(loaded.turns[0]?.reply?.text.length, `${version}:`.length + 8 * 1024 * 1024);

    // The next start removes the dead writer's temp file and nothing else.
    const removed = await new ConversationStore(folder).removeLeftoverTempFiles();
    assert.equal(removed.length, 1);
    assert.match(removed[0] ?? '', new RegExp(`^\\.big\\.json\\.${child.pid}-[0-9a-f]+\\.tmp$`));
    assert.deepEqual(await fs.readdir(folder), ['big.json']);
  });
});
