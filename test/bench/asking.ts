// Asking benchmark (issue 10, "Chat sessions"): a question asked in a
// 200-turn conversation next to the same question in a fresh chat. The host
// half is real: a ChatController (scripted provider) with the conversation
// open, a ViewSession that validates each message and serializes it as VS Code
// does (JSON). The page half is the built chat view (dist/webview.js) in
// Chromium: the message arrives as a `message` event (parsed from that JSON),
// and the time runs until the new turn is on screen (the first frame painted
// with it). A MutationObserver counts the turns rendered for it.
// Rows: the question as the host sends it now (`turnAdded`), and the whole
// conversation the host sent before (`conversation`) into the same view.
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { ChatController } from '../../src/chat/chatController';
import type { HostMessage } from '../../src/protocol/messages';
import type { Conversation } from '../../src/protocol/model';
import type { WebviewMessageHandlers } from '../../src/webview/messageRouter';
import { ViewSession } from '../../src/webview/viewSession';
import { EMMA, FakeProviderSource, ManualClock, MemoryStore, ScriptedProvider } from '../unit/chat/fakes';
import { ChatPage, STRINGS, buildWebview, launch } from '../unit/webview/chatPage';
import { readTurnWatch, startTurnWatch } from '../unit/webview/turnWatch';
import { longReply } from '../unit/webview-ui/markdownSamples';
import { fmt, printTable, verdict } from './conversation';

const TURNS = 200;
const REPLY_BYTES = 4_000;
const QUESTIONS = 7;

type Mode = 'turnAdded' | 'conversation';
interface Sample {
  hostMs: number;
  bytes: number;
  onScreenMs: number;
  taskMs: number;
  rendered: number;
  touched: number;
  kept: number;
  before: number;
}
interface Row {
  chat: string;
  mode: Mode;
  samples: Sample[];
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function savedConversation(turns: number): Conversation {
  const reply = longReply(REPLY_BYTES);
  return {
    id: 'bench-conversation',
    title: 'Long',
    createdAt: 1,
    updatedAt: 1,
    turns: Array.from({ length: turns }, (_, i) => ({
      id: `t${i}`,
      prompt: `Question ${i}: explain part ${i} of the system, with an example.`,
      notes: [],
      createdAt: 1_763_000_000_000 + i,
      reply: { text: `## Turn ${i}\n\n${reply}`, status: 'done', providerId: 'emma', providerLabel: 'Emma', model: 'emma-5', startedAt: 1, durationMs: 900, outputTokens: 700 },
    })),
  };
}

// In the page (a string: the bench's tsconfig has no DOM lib): the message event as the webview gets
// it, then the time until the turn is there and a frame was painted with it. A listener added after the
// view's own runs right after it in the same task: the end of the view's work on the message.
const DELIVER = `async ({ json, turnId }) => {
  let handledAt = 0;
  const afterView = () => { handledAt = performance.now(); };
  window.addEventListener('message', afterView, { once: true });
  const start = performance.now();
  window.postMessage(JSON.parse(json), '*');
  await new Promise((resolve) => {
    const check = () => (document.querySelector('.turn[data-turn-id="' + turnId + '"]') ? resolve() : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
  // A task after that frame's rendering: the turn is on screen.
  await new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = resolve; channel.port2.postMessage(0); });
  return { onScreenMs: performance.now() - start, taskMs: handledAt - start };
}`;

async function deliver(page: Page, json: string, turnId: string): Promise<{ onScreenMs: number; taskMs: number }> {
  return page.evaluate(`(${DELIVER})(${JSON.stringify({ json, turnId })})`) as Promise<{ onScreenMs: number; taskMs: number }>;
}

async function settle(chat: ChatPage, turns: number): Promise<void> {
  await chat.page.waitForFunction(
    `document.querySelectorAll('.messages .turn').length === ${turns} && !document.querySelector('.messages [aria-busy="true"]')`,
    undefined,
    { timeout: 120_000 },
  );
  await chat.frames();
}

/** Opens `turns` turns in a fresh view and asks QUESTIONS questions, one after the other. */
async function measureRow(page: ChatPage, chat: string, turns: number, mode: Mode): Promise<Row> {
  const store = new MemoryStore();
  const conversation = savedConversation(turns);
  await store.save(conversation);
  const provider = new ScriptedProvider([]);
  const controller = new ChatController({ providers: new FakeProviderSource([EMMA]), createProvider: provider.create, store, clock: new ManualClock() });
  if (turns > 0) await controller.open(conversation.id);
  const sent: { json: string; at: number; type: string }[] = [];
  const session = new ViewSession({
    deliver: (message) => sent.push({ json: JSON.stringify(message), at: performance.now(), type: message.type }),
    init: () => ({ type: 'init', strings: STRINGS, state: { conversation: controller.current(), providers: controller.providerState().providers, history: { visible: false, query: '', items: [] } } }),
    // Only `ready` is received here.
    handlers: {} as Omit<WebviewMessageHandlers, 'ready'>,
    log: (line) => console.error(line),
  });
  // Before this change, every question sent the whole conversation: the same view gets that message instead.
  controller.onUpdate((update) =>
    session.post(mode === 'conversation' && update.type === 'turnAdded' ? ({ type: 'conversation', conversation: controller.current() } satisfies HostMessage) : update),
  );
  await session.receive({ type: 'ready' });
  await page.send(JSON.parse((sent.shift() as { json: string }).json));
  await settle(page, turns);

  const samples: Sample[] = [];
  for (let q = 0; q < QUESTIONS; q++) {
    provider.scripts.push([{ type: 'delta', text: `Answer ${q}: short, with **bold** text.` }, { type: 'done' }]);
    await startTurnWatch(page.page);
    await startTurnWatch(page.page);
    const asked = performance.now();
    await controller.ask({ prompt: `Follow-up question ${q}` });
    const turnId = controller.current().turns.at(-1)?.id as string;
    const first = sent.findIndex((m) => m.type === mode);
    const message = sent[first] as { json: string; at: number };
    const shown = await deliver(page.page, message.json, turnId);
    const watch = await readTurnWatch(page.page);
    samples.push({ hostMs: message.at - asked, bytes: message.json.length, ...shown, rendered: watch.added + watch.rerendered, touched: watch.touched, kept: watch.kept, before: watch.before });
    // The rest (composer, the reply) untimed, so the next question starts from the same state as in the editor.
    for (const rest of sent.splice(0).filter((_, i) => i !== first)) await page.send(JSON.parse(rest.json));
    await settle(page, turns + q + 1);
  }
  controller.dispose();
  return { chat, mode, samples };
}

export async function runAskingBench(): Promise<void> {
  const started = Date.now();
  buildWebview();
  const browser = await launch();
  const rows: Row[] = [];
  try {
    for (const [chat, turns, mode] of [
      ['fresh chat (peer)', 0, 'turnAdded'],
      [`${TURNS} turns`, TURNS, 'turnAdded'],
      [`${TURNS} turns`, TURNS, 'conversation'],
    ] as const) {
      const page = await ChatPage.open(browser);
      await page.page.setViewportSize({ width: 400, height: 700 });
      rows.push(await measureRow(page, chat, turns, mode));
      await page.page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`## Asking a question (Chromium, dist/webview.js, 400 × 700 px; ${TURNS} turns of ~${REPLY_BYTES / 1000} KB replies; median of ${QUESTIONS} questions)\n`);
  const table = [
    ['chat', 'message', 'KB sent', 'host: validate + serialize ms', 'view: message task ms', 'new turn on screen ms', 'turns rendered', 'turns touched', 'earlier turns kept'],
    ...rows.map(({ chat, mode, samples }) => [
      chat,
      mode === 'turnAdded' ? 'turnAdded (now)' : 'conversation (before)',
      fmt(median(samples.map((s) => s.bytes)) / 1024),
      fmt(median(samples.map((s) => s.hostMs))),
      fmt(median(samples.map((s) => s.taskMs))),
      fmt(median(samples.map((s) => s.onScreenMs))),
      String(Math.max(...samples.map((s) => s.rendered))),
      String(Math.max(...samples.map((s) => s.touched))),
      samples.every((s) => s.kept === s.before) ? 'all' : `${Math.min(...samples.map((s) => s.kept))} of ${Math.min(...samples.map((s) => s.before))}+`,
    ]),
  ];
  printTable(table);
  const [fresh, long, before] = rows as [Row, Row, Row];
  const total = (row: Row): number => median(row.samples.map((s) => s.hostMs + s.onScreenMs));
  console.log('\n("turns rendered": turn elements built, plus earlier turns whose question or reply was rebuilt; "touched": earlier turns with any change, e.g. the Regenerate button moving off the previous last turn)');
  console.log(`host + view, ${TURNS} turns vs fresh chat: ${fmt(total(long))} ms vs ${fmt(total(fresh))} ms = ${fmt(total(long) / total(fresh), 2)}×`);
  console.log(`whole conversation (before) vs turnAdded (now), ${TURNS} turns: ${fmt(total(before))} ms vs ${fmt(total(long))} ms = ${fmt(total(before) / total(long), 2)}×`);
  console.log('Targets (issue 10):');
  console.log(`  new turn on screen ≤ 50 ms in ${TURNS} turns (host + view): ${fmt(total(long))} ms → ${verdict(total(long) <= 50)}`);
  const rendered = Math.max(...long.samples.map((s) => s.rendered));
  console.log(`  turns rendered = 1: ${rendered} → ${verdict(rendered === 1)}`);
  console.log(`\n(asking bench took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

if (require.main === module) {
  runAskingBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
