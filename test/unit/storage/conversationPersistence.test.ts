// Saves that fail are not forgotten: the conversation stays in memory, is
// written again with backoff until the disk takes it, and each change between
// failing and saved is reported. A real store on a real temp dir; the disk's
// failures are injected through the store's write fs, time through fake timers.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConversationPersistence, defaultBackoffMs, type SaveStatus, type Timers } from '../../../src/storage/conversationPersistence';
import { ConversationStore, type StoreWriteFs } from '../../../src/storage/conversationStore';
import type { Conversation } from '../../../src/protocol/model';

function conversation(id: string, text: string): Conversation {
  return {
    id,
    title: `Title ${id}`,
    createdAt: 1,
    updatedAt: 2,
    turns: [{ id: 't1', prompt: 'q', notes: [], createdAt: 1, reply: { text, status: 'done', providerId: 'p', providerLabel: 'P', startedAt: 1 } }],
  };
}

/** A disk that can be switched between full and not full. */
class SwitchableDisk implements StoreWriteFs {
  full = false;
  writes = 0;
  mkdir = (dir: string, options: { recursive: true }) => fs.mkdir(dir, options);
  rename = (from: string, to: string) => fs.rename(from, to);
  rm = (file: string, options: { force: boolean }) => fs.rm(file, options);
  open = async (file: string, flags: string, mode?: number) => {
    const handle = await fs.open(file, flags, mode);
    return {
      writeFile: async (data: string, encoding: 'utf8') => {
        this.writes++;
        if (this.full) throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: 'ENOSPC' });
        await handle.writeFile(data, encoding);
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  };
}

class FakeTimers implements Timers {
  pending: Array<{ callback: () => void; ms: number; handle: number }> = [];
  private next = 1;
  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.next++;
    this.pending.push({ callback, ms, handle });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((t) => t.handle !== handle);
  }
  /** Runs the timers due now; returns the delays they were set with. */
  fire(): number[] {
    const due = this.pending;
    this.pending = [];
    due.forEach((t) => t.callback());
    return due.map((t) => t.ms);
  }
}


describe('ConversationPersistence (saves that fail are retried)', () => {
  let dir: string;
  let disk: SwitchableDisk;
  let store: ConversationStore;
  let timers: FakeTimers;
  let persistence: ConversationPersistence;
  let statuses: SaveStatus[];
  let log: string[];
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-persist-'));
    disk = new SwitchableDisk();
    store = new ConversationStore(dir, { writeFs: disk });
    timers = new FakeTimers();
    statuses = [];
    log = [];
    persistence = new ConversationPersistence(store, { timers, log: (l) => log.push(l) });
    persistence.onStatus((s) => statuses.push(s));
  });
  afterEach(async () => {
    persistence.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('a failed save resolves (never throws into the chat), reports the disk is full, keeps the conversation in memory and leaves no temp file', async () => {
    disk.full = true;
    const c = conversation('c1', 'only in memory');
    await persistence.save(c);
    assert.deepEqual(statuses, [{ conversationId: 'c1', title: 'Title c1', failure: { kind: 'diskFull', code: 'ENOSPC', attempts: 1, nextRetryMs: 1000 } }]);
    assert.deepEqual(await fs.readdir(dir), []);
    assert.equal(await store.load('c1'), undefined);
    assert.equal(await persistence.load('c1'), c, 'loading gives the in-memory state, newer than the disk');
    assert.deepEqual(persistence.unsaved().map((u) => u.conversation), [c]);
    assert.ok(log.every((line) => !line.includes(dir)), 'the log names the error code, not the path');
  });

  it('retries with growing backoff while the disk is full, then saves the newest state and reports it saved', async () => {
    disk.full = true;
    const c = conversation('c1', 'first');
    await persistence.save(c);
    // More text arrives while failing: no write now (the backoff holds), but the newest state is what gets written.
    c.turns[0]!.reply!.text = 'first and more';
    const writesBefore = disk.writes;
    await persistence.save(c);
    assert.equal(disk.writes, writesBefore, 'no write outside the backoff');
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      delays.push(...timers.fire());
      await persistence.idle();
    }
    assert.deepEqual(delays, [1000, 2000, 4000]);
    assert.deepEqual(statuses.map((s) => s.failure?.attempts), [1, 2, 3, 4]);
    disk.full = false;
    timers.fire();
    await persistence.idle();
    assert.deepEqual(statuses.at(-1), { conversationId: 'c1', title: 'Title c1' });
    assert.equal((await store.load('c1'))?.turns[0]?.reply?.text, 'first and more');
    assert.deepEqual(persistence.unsaved(), []);
    assert.deepEqual(timers.pending, []);
    assert.deepEqual(await fs.readdir(dir), ['c1.json']);
  });

  it('Retry writes at once, without waiting for the backoff; a failed retry backs off further', async () => {
    disk.full = true;
    await persistence.save(conversation('c1', 'x'));
    await persistence.retryNow();
    assert.deepEqual(statuses.map((s) => s.failure?.nextRetryMs), [1000, 2000]);
    assert.equal(timers.pending.length, 1, 'one timer, not one per attempt');
    disk.full = false;
    await persistence.retryNow();
    assert.equal(statuses.at(-1)?.failure, undefined);
    assert.equal((await store.load('c1'))?.turns[0]?.reply?.text, 'x');
  });

  it('a failed save never replaces the good file: the disk keeps the last saved state until a save succeeds', async () => {
    const c = conversation('c1', 'saved');
    await persistence.save(c);
    disk.full = true;
    await persistence.save(conversation('c1', 'not saved yet'));
    assert.equal((await store.load('c1'))?.turns[0]?.reply?.text, 'saved');
    assert.deepEqual(await fs.readdir(dir), ['c1.json']);
  });

  it('coalesces saves while a write is in progress: the newest state is written next, no stale copy queues up', async () => {
    const c = conversation('c1', 'v1');
    const first = persistence.save(c);
    c.turns[0]!.reply!.text = 'v2';
    const second = persistence.save(c);
    c.turns[0]!.reply!.text = 'v3';
    const third = persistence.save(c);
    await Promise.all([first, second, third]);
    assert.equal(disk.writes, 2, 'the write in progress, then one with the newest state');
    assert.equal((await store.load('c1'))?.turns[0]?.reply?.text, 'v3');
  });

  it('a deleted conversation is no longer retried', async () => {
    disk.full = true;
    await persistence.save(conversation('c1', 'x'));
    persistence.forget('c1');
    assert.deepEqual(timers.pending, []);
    assert.deepEqual(persistence.unsaved(), []);
    assert.equal(statuses.at(-1)?.failure, undefined);
  });

  it('backoff: 1 s, doubling, at most 30 s', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 20].map(defaultBackoffMs), [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
