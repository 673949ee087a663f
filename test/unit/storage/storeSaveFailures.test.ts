// What the store does when the disk says no: the good file stays, no temp file
// stays, and temp files from a process that died are removed. Failures are
// injected through the store's write fs (a real directory, real files) and,
// where this machine allows mounting, produced by a real full tmpfs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConversationStore, TEMP_FILE_GRACE_MS, type StoreWriteFs } from '../../../src/storage/conversationStore';
import type { Conversation } from '../../../src/protocol/model';

function conversation(id: string, text: string): Conversation {
  return {
    id,
    title: `About ${id}`,
    createdAt: 1,
    updatedAt: 2,
    turns: [{ id: 't1', prompt: 'q', notes: [], createdAt: 1, reply: { text, status: 'done', providerId: 'p', providerLabel: 'P', startedAt: 1 } }],
  };
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure, write '/secret/path'`), { code });
}

/** node's fs, except that writing file contents fails with `code` — like a disk that fills up after the file was created. */
function failingWrites(code: string): StoreWriteFs {
  return {
    mkdir: (dir, options) => fs.mkdir(dir, options),
    rename: (from, to) => fs.rename(from, to),
    rm: (file, options) => fs.rm(file, options),
    async open(file, flags, mode) {
      const handle = await fs.open(file, flags, mode);
      return {
        writeFile: async () => {
          throw errno(code);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

describe('ConversationStore when saving fails', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-store-fail-'));
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  for (const code of ['ENOSPC', 'EIO']) {
    it(`a write failing with ${code} rejects, keeps the good file byte for byte and leaves no temp file`, async () => {
      const good = new ConversationStore(dir);
      await good.save(conversation('c1', 'the good version'));
      const before = await fs.readFile(path.join(dir, 'c1.json'), 'utf8');
      const failing = new ConversationStore(dir, { writeFs: failingWrites(code) });
      await assert.rejects(failing.save(conversation('c1', 'a newer version that cannot be written')), { code });
      assert.equal(await fs.readFile(path.join(dir, 'c1.json'), 'utf8'), before);
      assert.deepEqual(await fs.readdir(dir), ['c1.json']);
      assert.equal((await good.load('c1'))?.turns[0]?.reply?.text, 'the good version');
    });
  }

  it('a failing rename leaves the old file and no temp file', async () => {
    const good = new ConversationStore(dir);
    await good.save(conversation('c1', 'old'));
    const writeFs: StoreWriteFs = { ...failingWrites('unused'), open: (f, fl, m) => fs.open(f, fl, m), rename: () => Promise.reject(errno('EIO')) };
    await assert.rejects(new ConversationStore(dir, { writeFs }).save(conversation('c1', 'new')), { code: 'EIO' });
    assert.deepEqual(await fs.readdir(dir), ['c1.json']);
    assert.equal((await good.load('c1'))?.turns[0]?.reply?.text, 'old');
  });

  it('removes leftover temp files of dead writers and old ones, keeps a young one of a live writer', async () => {
    const now = Date.now();
    const store = new ConversationStore(dir, { now: () => now });
    await store.save(conversation('c1', 'kept'));
    const dead = '.c1.json.999999-0a0b0c0d.tmp';
    const liveYoung = `.c1.json.${process.pid}-11111111.tmp`;
    const liveOld = `.c1.json.${process.pid}-22222222.tmp`;
    const noPid = '.something-else.tmp';
    for (const name of [dead, liveYoung, liveOld, noPid]) await fs.writeFile(path.join(dir, name), '');
    const old = new Date(now - TEMP_FILE_GRACE_MS - 1000);
    await fs.utimes(path.join(dir, liveOld), old, old);
    await fs.utimes(path.join(dir, noPid), old, old);
    const removed = await store.removeLeftoverTempFiles((pid) => pid === process.pid);
    assert.deepEqual(removed.sort(), [dead, liveOld, noPid].sort());
    assert.deepEqual((await fs.readdir(dir)).sort(), [liveYoung, 'c1.json'].sort());
    assert.deepEqual(await new ConversationStore(path.join(dir, 'missing')).removeLeftoverTempFiles(), []);
  });

  describe('on a real full disk (a 2 MB tmpfs)', function () {
    this.timeout(30_000);
    let mountPoint: string | undefined;
    before(function () {
      if (process.platform !== 'linux' || process.getuid?.() !== 0) this.skip();
      const target = path.join(os.tmpdir(), `parley-tmpfs-${process.pid}`);
      execFileSync('mkdir', ['-p', target]);
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', target], { stdio: 'ignore' });
        mountPoint = target;
      } catch {
        this.skip();
      }
    });
    after(() => {
      if (mountPoint) execFileSync('umount', [mountPoint]);
    });

    it('ENOSPC: the good file is kept, no temp file is left, and saving works again once there is room', async () => {
      assert.ok(mountPoint);
      const store = new ConversationStore(mountPoint);
      await store.save(conversation('c1', 'small and good'));
      const filler = path.join(mountPoint, 'filler.bin');
      await fs.writeFile(filler, Buffer.alloc(2 * 1024 * 1024 - 64 * 1024)).catch(() => undefined);
      await assert.rejects(store.save(conversation('c1', 'y'.repeat(512 * 1024))), { code: 'ENOSPC' });
      assert.deepEqual((await fs.readdir(mountPoint)).sort(), ['c1.json', 'filler.bin']);
      assert.equal((await store.load('c1'))?.turns[0]?.reply?.text, 'small and good');
      await fs.rm(filler);
      await store.save(conversation('c1', 'y'.repeat(512 * 1024)));
      assert.equal((await store.load('c1'))?.turns[0]?.reply?.text.length, 512 * 1024);
    });
  });
});

describe('ConversationStore and a file saved by a newer Parley', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-store-newer-'));
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  const newerText = JSON.stringify({
    format: 'parley.conversation',
    version: 2,
    conversation: { id: 'future', title: 'From the future', updatedAt: 99, turns: [], somethingNew: { x: 1 } },
  });

  it('is left in place, listed as saved by a newer Parley, not loaded, and never written over', async () => {
    const reports: unknown[] = [];
    const store = new ConversationStore(dir, { onSetAside: (r) => reports.push(r) });
    await store.save(conversation('today', 'hello'));
    await fs.writeFile(path.join(dir, 'future.json'), newerText);
    const { items, setAside } = await store.list();
    assert.deepEqual(setAside, []);
    assert.deepEqual(reports, []);
    assert.deepEqual(items.find((i) => i.id === 'future'), { id: 'future', title: 'From the future', updatedAt: 99, turnCount: 0, savedByNewerVersion: true });
    assert.equal(items.find((i) => i.id === 'today')?.savedByNewerVersion, undefined);
    assert.equal(await store.load('future'), undefined);
    assert.deepEqual(await store.loadResult('future'), { newer: { version: 2, title: 'From the future', updatedAt: 99 } });
    await assert.rejects(store.save(conversation('future', 'overwrite attempt')), { code: 'ENEWERVERSION' });
    assert.equal(await store.rename('future', 'x'), undefined);
    assert.equal(await fs.readFile(path.join(dir, 'future.json'), 'utf8'), newerText);
    assert.deepEqual((await fs.readdir(dir)).sort(), ['future.json', 'today.json']);
    assert.deepEqual((await store.search('future')).items.map((i) => i.id), ['future']);
    assert.deepEqual((await store.search('hello')).items.map((i) => i.id), ['today']);
  });

  it('a file of this version that does not parse is still set aside as corrupt', async () => {
    const store = new ConversationStore(dir, { now: () => 7 });
    await fs.writeFile(path.join(dir, 'bad.json'), JSON.stringify({ format: 'parley.conversation', version: 1, conversation: { id: 'bad' } }));
    await fs.writeFile(path.join(dir, 'odd.json'), JSON.stringify({ format: 'parley.conversation', version: 2.5, conversation: {} }));
    const { setAside } = await store.list();
    assert.deepEqual(setAside.map((r) => path.basename(r.movedTo)).sort(), ['bad.corrupt-7.json', 'odd.corrupt-7.json']);
  });
});
