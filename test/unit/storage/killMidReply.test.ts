// A kill -9 of the process that runs the chat (the extension host) in the
// middle of a reply: what is on disk afterwards is the reply up to the last
// completed save — a prefix of what arrived, marked interrupted — and the
// text lost is only what arrived after that save (the chat saves at least
// every 500 ms while a reply streams). Real controller, store and simulator.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConversationStore } from '../../../src/storage/conversationStore';
import { startSimulator, type Simulator } from '../../simulator/server';

describe('kill -9 in the middle of a reply', function () {
  this.timeout(90_000);
  let sim: Simulator;
  let dir: string;
  before(async () => (sim = await startSimulator({ delayMs: 0 })));
  after(() => sim.close());
  beforeEach(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-kill-'))));
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  it('keeps the reply up to the last completed save, as a prefix of what arrived, marked interrupted; no temp file survives the next start', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'fixtures', 'chatUntilKilled.ts'), dir, `${sim.url}/local/v1`, 'Explain how streaming works [[sim:slow ms=40]]'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let arrived = '';
    const savedLengths: number[] = [];
    let buffered = '';
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let killedAt: { arrived: string; lastSaved: number } | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const event = JSON.parse(line) as { delta?: string; saved?: number };
        if (event.delta !== undefined) arrived += event.delta;
        if (event.saved !== undefined) savedLengths.push(event.saved);
      }
      // Several saves of a growing reply have completed: kill it now, mid-stream.
      if (!killedAt && savedLengths.filter((n) => n > 0).length >= 3) {
        child.kill('SIGKILL');
        killedAt = { arrived, lastSaved: Math.max(...savedLengths) };
      }
    });
    await exited;
    assert.ok(killedAt, 'the child was killed mid-reply (after three saves of reply text)');

    const store = new ConversationStore(dir);
    const { items } = await store.list();
    assert.equal(items.length, 1);
    const reply = (await store.load(items[0]!.id))?.turns[0]?.reply;
    assert.ok(reply);
    assert.equal(reply.status, 'interrupted');
    assert.ok(killedAt.arrived.startsWith(reply.text), 'what was saved is exactly the start of what arrived');
    assert.ok(reply.text.length >= killedAt.lastSaved, `nothing reported saved is lost (${reply.text.length} < ${killedAt.lastSaved})`);
    await store.removeLeftoverTempFiles();
    assert.ok((await fs.readdir(dir)).every((name) => !name.endsWith('.tmp')));
  });
});
