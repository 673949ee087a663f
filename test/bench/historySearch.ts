// History search benchmark (issue 10, "Saved conversations"): one keystroke
// in the history's search box over 1,000 saved conversations (~10 turns each,
// real replies in en/it/zh taken from the v1 fixture files), through the real
// HistoryController and ConversationStore with its in-memory index, next to
// the peer: the full scan every keystroke did before (read and parse every
// file, search each). Target: a keystroke ≤ 20 ms.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ChatController } from '../../src/chat/chatController';
import { HistoryController } from '../../src/chat/historyController';
import type { Conversation, Turn } from '../../src/protocol/model';
import { ConversationStore } from '../../src/storage/conversationStore';
import { EMMA, FakeProviderSource, ManualClock, ScriptedProvider } from '../unit/chat/fakes';
import { fullScan } from '../unit/storage/fullScan';
import { printTable } from './decoders';

const CONVERSATIONS = 1000;
const TURNS = 10;
const TARGET_MS = 20;
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'conversations', 'v1');

/** What a user types, one keystroke at a time: an English word, an Italian one, Chinese. */
const TYPED = ['streaming', 'chiusure', '流式响应'];
const keystrokes = TYPED.flatMap((word) => [...word].map((_, i) => [...word].slice(0, i + 1).join('')));

async function fixtureTurns(): Promise<Turn[]> {
  const turns: Turn[] = [];
  for (const name of (await fs.readdir(FIXTURES)).filter((n) => n.endsWith('.json'))) {
    const file = JSON.parse(await fs.readFile(path.join(FIXTURES, name), 'utf8')) as { conversation: Conversation };
    turns.push(...file.conversation.turns);
  }
  return turns;
}

async function writeConversations(dir: string): Promise<number> {
  const turns = await fixtureTurns();
  const store = new ConversationStore(dir);
  for (let c = 0; c < CONVERSATIONS; c++) {
    const picked = Array.from({ length: TURNS }, (_, t) => {
      const turn = turns[(c * 7 + t * 3) % turns.length] as Turn;
      return { ...turn, id: `t${t}`, prompt: `${turn.prompt} (#${c}.${t})` };
    });
    await store.save({ id: `c${c}`, title: `Conversation ${c}: ${picked[0]?.prompt.slice(0, 40) ?? ''}`, createdAt: c, updatedAt: c, turns: picked });
  }
  let bytes = 0;
  for (const name of await fs.readdir(dir)) bytes += (await fs.stat(path.join(dir, name))).size;
  return bytes;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const maxOf = (values: number[]): number => Math.max(...values);

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export async function runHistorySearchBench(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-bench-history-'));
  try {
    const bytes = await writeConversations(dir);
    const store = new ConversationStore(dir);
    const chat = new ChatController({ providers: new FakeProviderSource([EMMA]), createProvider: new ScriptedProvider([]).create, store, clock: new ManualClock() });
    let shown = 0;
    const history = new HistoryController(store, chat, (update) => (shown = update.items.length));
    const openMs = await time(() => history.setVisible(true));

    const indexed: number[] = [];
    const scanned: number[] = [];
    const ratios: number[] = [];
    for (const query of keystrokes) {
      // Alternate: the index's keystroke (median of 5), then the full scan's (one run: it reads every file).
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) runs.push(await time(() => history.search(query)));
      const own = median(runs);
      const found = shown;
      const peer = await time(async () => (shown = (await fullScan(dir, query)).length));
      if (shown !== found) throw new Error(`the index found ${found} for ${query}, the full scan ${shown}`);
      indexed.push(own);
      scanned.push(peer);
      ratios.push(peer / own);
    }
    chat.dispose();
    history.dispose();

    console.log(`## History search: one keystroke over ${CONVERSATIONS} saved conversations (${TURNS} turns each, ${(bytes / 1024 / 1024).toFixed(1)} MB on disk)`);
    console.log(`## ${keystrokes.length} keystrokes typing ${TYPED.map((w) => `“${w}”`).join(', ')}; Parley = HistoryController.search on the index (median of 5 per keystroke),`);
    console.log('## peer = the full scan every keystroke did before (read + parse every file); ratio = median of per-keystroke peer/Parley\n');
    printTable([
      ['', 'Parley (index) ms', 'peer (full scan) ms', 'ratio', `target ≤ ${TARGET_MS} ms`],
      ['keystroke, median', median(indexed).toFixed(2), median(scanned).toFixed(1), `${median(ratios).toFixed(0)}×`, median(indexed) <= TARGET_MS ? 'met' : 'MISSED'],
      ['keystroke, slowest', maxOf(indexed).toFixed(2), maxOf(scanned).toFixed(1), '', maxOf(indexed) <= TARGET_MS ? 'met' : 'MISSED'],
    ]);
    console.log(`\nOpening the history (reads every file once and builds the index): ${openMs.toFixed(0)} ms`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
