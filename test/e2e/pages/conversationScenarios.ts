// Browser-side halves of the message list tests and the conversation
// benchmark: a MessageList (the chat view's list of turns) in a 600 px high
// column, fed conversations the way the host sends them.
import type { Conversation, Reply, Turn } from '../../../src/protocol/model';
import { MessageList } from '../../../src/webview-ui/messageList';
import { budgetFrameScheduler, createStreamingMessageView, type FrameScheduler } from '../../../src/webview-ui/markdown';
import type { RendererTestApi } from './rendererPage';

interface ConversationSpec {
  turns: number;
  /** One reply text; each turn's reply is `Turn i` + this (fresh strings, as a structured clone makes them). */
  reply: string;
  /** Status of the last reply ('streaming' for a reply still coming). */
  lastStatus?: Reply['status'];
  id?: string;
}

function makeConversation(spec: ConversationSpec): Conversation {
  const turns: Turn[] = Array.from({ length: spec.turns }, (_, i) => ({
    id: `t${i}`,
    prompt: `Question ${i}: explain part ${i} of the system, with an example.`,
    notes: [],
    createdAt: 1_763_000_000_000 + i,
    reply: {
      text: `## Turn ${i}\n\n${spec.reply}`,
      status: i === spec.turns - 1 && spec.lastStatus ? spec.lastStatus : 'done',
      providerId: 'sim',
      providerLabel: 'Simulator',
      startedAt: 1_763_000_000_000 + i,
    },
  }));
  // A structured clone, like postMessage: every string its own copy.
  return JSON.parse(JSON.stringify({ id: spec.id ?? 'c1', title: 'Big', createdAt: 1, updatedAt: 2, turns })) as Conversation;
}

/** Where a bench's measured part starts (test/bench/taskTrace.ts: BENCH_START_MARK). */
const BENCH_START = 'parley-bench-start';
/** Where the measured part ends (what follows reads results, not counted). */
const BENCH_END = 'parley-bench-end';
/** One frame at 60 Hz. */
const VSYNC_MS = 1000 / 60;

/** Resolves once `ready()` holds, checked each frame (up to `frames` frames). */
async function until(t: RendererTestApi, ready: () => boolean, frames = 1200): Promise<boolean> {
  for (let i = 0; i < frames && !ready(); i++) await t.frames(1);
  return ready();
}

export function createConversationScenarios(t: RendererTestApi) {
  let list: MessageList | undefined;
  let column: HTMLElement | undefined;
  const mount = (): MessageList => {
    column?.remove();
    column = document.createElement('div');
    column.style.cssText = 'height: 600px; width: 380px; display: flex; flex-direction: column';
    t.root.appendChild(column);
    list = new MessageList();
    column.appendChild(list.element);
    return list;
  };
  const renderedReplies = (): number => list?.element.querySelectorAll('.turn .parley-markdown').length ?? 0;
  // Each turn's reply view is a child of its .reply-body: looked up per turn, not by a search of the whole
  // list (a 2 MB reply is 100,000+ nodes; that search, run every frame, was most of the frames it measured).
  const restoring = (): boolean =>
    [...(list?.element.children ?? [])].some((turn) => turn.querySelector(':scope > .answer > .reply-body > .parley-markdown')?.getAttribute('aria-busy') === 'true');

  return {
    /**
     * Opens a conversation; returns how much of the last reply was rendered
     * synchronously, how many replies were rendered once the list settled,
     * and whether scrolling to the top renders the first one.
     */
    async openConversation(spec: ConversationSpec) {
      const messages = mount();
      const conversation = makeConversation(spec);
      messages.show(conversation);
      const lastBody = (): string => list?.element.querySelector('.turn:last-child .parley-markdown')?.textContent ?? '';
      const syncLastChars = lastBody().length;
      const settled = await until(t, () => !restoring() && lastBody().length > 0);
      await t.frames(5);
      const renderedAfterOpen = renderedReplies();
      const atBottom = messages.element.scrollHeight - messages.element.scrollTop - messages.element.clientHeight;
      messages.element.scrollTop = 0;
      const first = (): Element | null => messages.element.querySelector('.turn:first-child .parley-markdown');
      const firstRendered = await until(t, () => first() !== null && !restoring());
      const lastHtml = t.viewHtml(messages.element.querySelector('.turn:last-child .parley-markdown'));
      const lastReply = conversation.turns.at(-1)?.reply?.text ?? '';
      return {
        syncLastChars,
        lastReplyChars: lastReply.length,
        settled,
        renderedAfterOpen,
        atBottom,
        firstRendered,
        lastIdentical: lastHtml === t.renderFullHtml(lastReply),
        finishedTurnStyle: getComputedStyle(messages.element.querySelector('.turn') as Element).contentVisibility,
      };
    },

    /**
     * Opens a conversation of `spec.turns` turns: how many turn shells exist
     * right after show(), how many frames the rest took (at most how many were
     * added in one frame), and whether they end up all there, in order.
     */
    async openShells(spec: ConversationSpec) {
      const messages = mount();
      const conversation = makeConversation(spec);
      messages.show(conversation);
      const count = (): number => messages.element.querySelectorAll('.turn').length;
      const syncShells = count();
      const newestFirst = messages.element.querySelector('.turn:last-child')?.getAttribute('data-turn-id') === conversation.turns.at(-1)?.id;
      let frames = 0;
      let largestFrame = 0;
      for (let before = syncShells; messages.pendingShells > 0 && frames < 10_000; frames++) {
        await t.frames(1);
        largestFrame = Math.max(largestFrame, count() - before);
        before = count();
      }
      const ids = Array.from(messages.element.querySelectorAll('.turn')).map((element) => element.getAttribute('data-turn-id'));
      // The same conversation again before any frame: all shells at once, none lost or doubled.
      const again = mount();
      again.show(conversation);
      again.show(makeConversation({ ...spec, turns: spec.turns + 1 }));
      const againCount = again.element.querySelectorAll('.turn').length;
      return {
        syncShells,
        newestFirst,
        frames,
        largestFrame,
        inOrder: ids.length === conversation.turns.length && ids.every((id, i) => id === conversation.turns[i]?.id),
        againCount,
      };
    },

    /** Sends the conversation again with one more turn (what the host does for a new question): which turn views survive? */
    async addTurn(spec: ConversationSpec) {
      const messages = mount();
      messages.show(makeConversation(spec));
      await until(t, () => !restoring());
      const before = Array.from(messages.element.querySelectorAll('.turn'));
      const grown = makeConversation({ ...spec, turns: spec.turns + 1 });
      const newTurn = grown.turns.at(-1) as Turn;
      delete newTurn.reply;
      grown.turns[grown.turns.length - 2] = { ...(grown.turns.at(-2) as Turn) };
      messages.show(grown);
      const after = Array.from(messages.element.querySelectorAll('.turn'));
      return { before: before.length, after: after.length, kept: before.filter((element, i) => after[i] === element).length };
    },

    /**
     * Applies turn changes right after opening `spec.turns` turns, while the
     * older shells are still to be built: a turn added, an unbuilt one shown
     * anew, the turns from an unbuilt one on removed. Returns the list once
     * every shell is built.
     */
    async changesWhileOpening(spec: ConversationSpec & { update: number; removeFrom: number }) {
      const messages = mount();
      const conversation = makeConversation(spec);
      messages.show(conversation);
      const pendingAtFirst = messages.pendingShells;
      const added = messages.addTurn('c1', { id: 'asked', prompt: 'Asked while opening', notes: [], createdAt: 3 });
      const changed: Turn = { ...(conversation.turns[spec.update] as Turn), prompt: 'Regenerated question' };
      delete changed.reply;
      const updated = messages.updateTurn('c1', changed);
      const removed = messages.removeTurnsFrom('c1', `t${spec.removeFrom}`);
      const other = messages.addTurn('another conversation', { id: 'x', prompt: 'x', notes: [], createdAt: 3 });
      await until(t, () => messages.pendingShells === 0);
      const turns = Array.from(messages.element.querySelectorAll('.turn'));
      return {
        pendingAtFirst,
        applied: [added, updated, removed, other],
        ids: turns.map((turn) => turn.getAttribute('data-turn-id')),
        updatedText: messages.element.querySelector(`.turn[data-turn-id="t${spec.update}"] .question-text`)?.textContent ?? '',
        updatedHasAnswer: !(messages.element.querySelector(`.turn[data-turn-id="t${spec.update}"] .answer`) as HTMLElement | null)?.hidden,
        regenerateOn: Array.from(messages.element.querySelectorAll('[data-turn-action="regenerate"]')).map((button) => button.closest('.turn')?.getAttribute('data-turn-id')),
      };
    },

    /**
     * Opens a conversation and measures it: time to the first frame after
     * show(), the longest gap between frames until every reply near the
     * viewport is restored, long tasks (PerformanceObserver), replies rendered.
     */
    async benchOpen(spec: ConversationSpec) {
      // Made in a task of its own (what postMessage delivers), not timed.
      const conversation = makeConversation(spec);
      const messages = mount();
      await t.frames(2);
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((entries) => entries.getEntries().forEach((entry) => longTasks.push(entry.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      performance.mark(BENCH_START);
      const start = performance.now();
      messages.show(conversation);
      const showMs = performance.now() - start;
      await t.frames(1);
      const firstPaintMs = performance.now() - start;
      let last = performance.now();
      let longestGap = 0;
      const ready = await until(t, () => {
        const now = performance.now();
        longestGap = Math.max(longestGap, now - last);
        last = now;
        return !restoring() && (list?.element.querySelector('.turn:last-child .parley-markdown') ?? null) !== null;
      });
      await t.frames(10);
      const settledMs = performance.now() - start;
      await new Promise((resolve) => setTimeout(resolve, 50));
      observer.disconnect();
      performance.mark(BENCH_END);
      return { showMs, firstPaintMs, settledMs, longestFrameGapMs: longestGap, longTasks, ready, renderedReplies: renderedReplies() };
    },

    /**
     * The peer: every reply rendered at once when a conversation opens (what
     * the chat view did before), in the same column. Time to the first frame.
     */
    async benchOpenAllAtOnce(spec: ConversationSpec) {
      const conversation = makeConversation(spec);
      mount();
      await t.frames(2);
      const target = list?.element as HTMLElement;
      const start = performance.now();
      for (const turn of conversation.turns) {
        const article = document.createElement('article');
        article.className = 'turn';
        target.appendChild(article);
        const view = createStreamingMessageView(article, { labels: t.labels, renderCap: false });
        view.replace(turn.reply?.text ?? '');
        view.finish();
      }
      target.scrollTop = target.scrollHeight;
      const showMs = performance.now() - start;
      await t.frames(1);
      return { showMs, firstPaintMs: performance.now() - start };
    },

    /**
     * Streams one more reply (`chunks`, `perFrame` per animation frame) into a
     * list that already shows `earlier` turns of `reply`, through the list's
     * own API as the host drives it. Returns the time to the first text shown,
     * the stream's wall time, frame intervals and long tasks.
     */
    async benchStreamAfter(input: { earlier: number; reply: string; chunks: string[]; perFrame: number }) {
      const messages = mount();
      const conversation = makeConversation({ turns: input.earlier, reply: input.reply });
      messages.show(conversation);
      await until(t, () => !restoring());
      await t.frames(5);
      const turn: Turn = { id: 'new', prompt: 'One more question', notes: [], createdAt: 2 };
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((entries) => entries.getEntries().forEach((entry) => longTasks.push(entry.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      performance.mark(BENCH_START);
      const start = performance.now();
      // As the host asks: one turnAdded message, not the whole conversation again.
      if (!messages.addTurn(conversation.id, turn)) throw new Error('turnAdded was refused');
      const reply: Reply = { text: '', status: 'streaming', providerId: 'sim', providerLabel: 'Simulator', startedAt: 2 };
      messages.setReply('new', reply);
      const body = (): string => messages.element.querySelector('.turn:last-child .parley-markdown')?.textContent ?? '';
      let firstTextMs: number | undefined;
      const intervals: number[] = [];
      let full = '';
      // Frame intervals from the frames' own start times (rAF timestamps): a
      // callback's performance.now() also moves with the work that ran before
      // it in the same frame, which is jitter, not a missed frame.
      let lastFrame: number | undefined;
      for (let i = 0; i < input.chunks.length; i += input.perFrame) {
        const frameStart = await t.frames(1);
        const now = performance.now();
        if (lastFrame !== undefined) intervals.push(frameStart - lastFrame);
        lastFrame = frameStart;
        if (firstTextMs === undefined && body() !== '') firstTextMs = now - start;
        for (const chunk of input.chunks.slice(i, i + input.perFrame)) {
          messages.append('new', chunk);
          full += chunk;
        }
      }
      messages.setReply('new', { ...reply, text: full, status: 'done' });
      await t.frames(2);
      const seconds = (performance.now() - start) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 50));
      observer.disconnect();
      performance.mark(BENCH_END);
      intervals.sort((a, b) => a - b);
      return {
        firstTextMs: firstTextMs ?? Number.NaN,
        seconds,
        frames: intervals.length,
        medianFrameMs: intervals[Math.floor(intervals.length / 2)] ?? Number.NaN,
        p95FrameMs: intervals[Math.floor(intervals.length * 0.95)] ?? Number.NaN,
        longestFrameMs: intervals.at(-1) ?? Number.NaN,
        // Frames that took longer than one 60 Hz vsync (their interval is two or more of them).
        missedFrames: intervals.filter((interval) => interval > VSYNC_MS * 1.5).length,
        longTasks,
      };
    },

    /**
     * Streams a (pathological) reply into one message view with the default
     * scheduler, `perFrame` chunks per animation frame; returns the longest and
     * mean update, the longest finish(), and long tasks.
     */
    async benchStreamReply(input: { text: string; chunkSize: number; perFrame: number }) {
      mount();
      const target = list?.element as HTMLElement;
      const inner = budgetFrameScheduler();
      const updates: number[] = [];
      const scheduler: FrameScheduler = {
        request: (callback) =>
          inner.request(() => {
            const start = performance.now();
            callback();
            updates.push(performance.now() - start);
          }),
        cancel: (handle) => inner.cancel(handle),
      };
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((entries) => entries.getEntries().forEach((entry) => longTasks.push(entry.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      const view = createStreamingMessageView(target, { labels: t.labels }, scheduler);
      performance.mark(BENCH_START);
      const began = performance.now();
      let longestAppendFrame = 0;
      for (let i = 0; i < input.text.length; i += input.chunkSize * input.perFrame) {
        await t.frames(1);
        const start = performance.now();
        for (let j = 0; j < input.perFrame; j++) view.append(input.text.slice(i + j * input.chunkSize, i + (j + 1) * input.chunkSize));
        longestAppendFrame = Math.max(longestAppendFrame, performance.now() - start);
      }
      await t.frames(1);
      const finishStart = performance.now();
      view.finish();
      const finishMs = performance.now() - finishStart;
      // finish() goes on in bounded steps over frames when the view fell behind: until it is done.
      await until(t, () => view.element.getAttribute('aria-busy') === 'false');
      const seconds = (performance.now() - began) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 50));
      observer.disconnect();
      performance.mark(BENCH_END);
      const plain = view.element.querySelector('.parley-plain-text')?.textContent?.length ?? 0;
      view.dispose();
      return {
        updates: updates.length,
        longestUpdateMs: Math.max(0, ...updates),
        meanUpdateMs: updates.reduce((a, b) => a + b, 0) / Math.max(1, updates.length),
        longestAppendFrame,
        finishMs,
        seconds,
        longTasks,
        plainChars: plain,
      };
    },

    unmount(): void {
      column?.remove();
      column = undefined;
      list = undefined;
    },
  };
}
