// How the streaming view updates the DOM: tail only, one batch per frame,
// synchronous finish(), prefix-reusing replace(), accessibility state.
import assert from 'node:assert/strict';
import { inPage, useRendererPage } from './rendererPage';
import { longReply } from './markdownSamples';

// Results of the browser-side scenarios (test/e2e/pages/rendererScenarios.ts).
type TailIdentity = { heading?: string; code?: string; tailReplaced: boolean; text?: string | null };
type RafBatching = { synchronousChildren: number; afterFirst: { batches: number; rendered: number }; batches: number; rendered: number };
type FinishSync = { initial: (string | null)[]; busy: string | null; html: string; afterFinish: { busy: string | null; rendered: number }; renderedLater: number };
type ReplacePrefix = { mark?: string; html: string; expected: string; text: string };
type ReplaceUnrelated = { afterReplace: boolean; afterAppend: boolean };
type OpenFence = { streaming: unknown; highlighted: boolean };
type DisposeStops = { attached: boolean; rendered: number };

describe('streaming renderer behaviour (Chromium)', function () {
  this.timeout(60_000);
  const renderer = useRendererPage();
  afterEach(async () => {
    await inPage(renderer().page, 'clearRoot');
  });

  it('keeps the DOM nodes of finished blocks while later text streams in', async () => {
    const r = await inPage<TailIdentity>(renderer().page, 'tailIdentity');
    assert.deepEqual(r, { heading: 'h1', code: 'code', tailReplaced: true, text: 'Fourth' });
  });

  it('batches any number of appends within a frame into one DOM mutation batch (real requestAnimationFrame)', async () => {
    const r = await inPage<RafBatching>(renderer().page, 'rafBatching');
    assert.equal(r.synchronousChildren, 0, 'nothing is rendered synchronously by append()');
    assert.deepEqual(r.afterFirst, { batches: 1, rendered: 1 });
    assert.deepEqual({ batches: r.batches, rendered: r.rendered }, { batches: 2, rendered: 2 });
  });

  it('finish() renders synchronously, cancels the pending frame, and is announced politely', async () => {
    const r = await inPage<FinishSync>(renderer().page, 'finishSync');
    assert.deepEqual(r.initial, ['polite', 'false']);
    assert.equal(r.busy, 'true');
    assert.equal(r.html, '<p>Hello <strong>world</strong></p>\n');
    assert.deepEqual(r.afterFinish, { busy: 'false', rendered: 1 });
    assert.equal(r.renderedLater, 1, 'the cancelled frame does not render again');
  });

  it('finish() after a stream the view fell behind on renders one bounded step, then the rest over frames, ending equal to a whole render', async () => {
    type Bounded = { syncChars: number; busy: string | null; syncUpdates: number; frames: number; updates: number; busyAfter: string | null; identical: boolean; largestFrameChars: number };
    const text = longReply(300_000);
    const r = await inPage<Bounded>(renderer().page, 'finishBounded', text);
    // One step renders at most 8 KB of new source (rendered text is shorter than its markdown).
    assert.ok(r.syncChars <= 8 * 1024, `finish() rendered ${r.syncChars} characters before returning`);
    assert.equal(r.syncUpdates, 1, 'finish() itself runs one step');
    assert.equal(r.busy, 'true', 'still busy while the rest renders');
    assert.ok(r.frames >= 2, `the rest took ${r.frames} frames`);
    assert.ok(r.updates >= 300_000 / (8 * 1024), `${r.updates} steps of at most 8 KB`);
    assert.equal(r.busyAfter, 'false');
    assert.ok(r.identical, 'the final DOM equals a whole render');
  });

  it('finish() of a short backlog is still synchronous', async () => {
    type Bounded = { syncUpdates: number; frames: number; busy: string | null; identical: boolean };
    const r = await inPage<Bounded>(renderer().page, 'finishBounded', longReply(6_000));
    assert.deepEqual({ syncUpdates: r.syncUpdates, frames: r.frames, busy: r.busy, identical: r.identical }, { syncUpdates: 1, frames: 0, busy: 'false', identical: true });
  });

  it('replace() with a shared prefix keeps the finished blocks of that prefix', async () => {
    const r = await inPage<ReplacePrefix>(renderer().page, 'replacePrefix');
    assert.equal(r.mark, 'kept');
    assert.equal(r.html, r.expected);
    assert.equal(r.text, '# Kept\n\nAlso kept.\n\nRewritten *entirely*.');
  });

  it('replace() with an unrelated text and append() after finish() stay correct', async () => {
    const r = await inPage<ReplaceUnrelated>(renderer().page, 'replaceUnrelated');
    assert.deepEqual(r, { afterReplace: true, afterAppend: true });
  });

  it('shows an open fence while streaming and exposes its code so far', async () => {
    const r = await inPage<OpenFence>(renderer().page, 'openFence');
    assert.deepEqual(r.streaming, { sameElement: true, code: 'def f():\n    return 1\n', block: { language: 'python', code: 'def f():\n    return 1\n' }, buttons: 6 });
    assert.ok(r.highlighted);
  });

  it('throttledFrameScheduler() spaces updates at least the given interval apart (frame timestamps)', async () => {
    const r = await inPage<{ times: number[]; correct: boolean }>(renderer().page, 'throttled', 50);
    assert.ok(r.correct);
    const streamed = r.times.slice(0, -1); // the last one is finish(), synchronous by design
    assert.ok(streamed.length >= 2, `updates: ${streamed.length}`);
    for (let i = 1; i < streamed.length; i++) {
      assert.ok((streamed[i] as number) - (streamed[i - 1] as number) >= 50, `gap ${i}: ${(streamed[i] as number) - (streamed[i - 1] as number)} ms`);
    }
  });

  it('budgetFrameScheduler() waits cost / share after an update (bounded by min and max interval)', async () => {
    const r = await inPage<{ times: number[]; correct: boolean }>(renderer().page, 'budget', {
      costMs: 12,
      minIntervalMs: 20,
      share: 0.1,
      maxIntervalMs: 400,
    });
    assert.ok(r.correct);
    assert.ok(r.times.length >= 2, `updates: ${r.times.length}`);
    // Each update costs ≥ 12 ms, so the next one may not come sooner than 12 / 0.1 = 120 ms later.
    for (let i = 1; i < r.times.length; i++) {
      const gap = (r.times[i] as number) - (r.times[i - 1] as number);
      assert.ok(gap >= 120, `gap ${i}: ${gap} ms`);
    }
  });

  it('AutoScroll keeps following when content grows before its own scroll event or the browser moves the list, and stops once the user scrolls up', async () => {
    const r = await inPage<{ afterGrowth: number; afterLayoutScroll: number; afterUserScroll: number; afterPin: number }>(renderer().page, 'autoScroll');
    assert.ok(r.afterGrowth <= 1, `still at the bottom after growth: ${r.afterGrowth}px away`);
    assert.ok(r.afterLayoutScroll <= 1, `a scroll without user input does not stop the following: ${r.afterLayoutScroll}px away`);
    assert.ok(r.afterUserScroll > 250, `stays where the user scrolled: ${r.afterUserScroll}px from the bottom`);
    assert.ok(r.afterPin <= 1, `pin() follows again: ${r.afterPin}px away`);
  });

  it('dispose() removes the element and renders nothing afterwards', async () => {
    const r = await inPage<DisposeStops>(renderer().page, 'disposeStops');
    assert.deepEqual(r, { attached: false, rendered: 0 });
  });
});

describe('code block toolbars are built lazily (Chromium)', function () {
  this.timeout(60_000);
  const renderer = useRendererPage();

  it('builds toolbars only for blocks near the viewport, and on pointer or focus', async () => {
    type Lazy = { settled: number; lastBuilt: boolean; beforeHover: boolean; afterHover: { built: boolean; language?: string | null; buttons: number }; total: number };
    const r = await inPage<Lazy>(renderer().page, 'lazyToolbars', 400);
    assert.ok(r.settled > 0, 'the blocks on screen have toolbars');
    assert.ok(r.settled < 60, `toolbars built for ${r.settled} of 400 blocks while only the first few are near the viewport`);
    assert.ok(r.lastBuilt, 'scrolling to the end builds the toolbars there');
    assert.equal(r.beforeHover, false, 'a block far from the viewport has no toolbar yet');
    assert.deepEqual(r.afterHover, { built: true, language: 'py', buttons: 5 });
    assert.ok(r.total < 150, `toolbars in total: ${r.total} of 400`);
  });
});

describe('one streaming update renders a bounded amount of text (Chromium)', function () {
  this.timeout(60_000);
  const renderer = useRendererPage();

  it('200 KB arriving in one chunk is rendered over several updates (≤ 8 KB of source each), then equals a whole render', async () => {
    const text = longReply(200_000);
    const r = await inPage<{ shown: number[]; identical: boolean }>(renderer().page, 'bigChunk', text);
    assert.ok(r.shown.length >= 20, `${r.shown.length} updates`);
    assert.ok((r.shown[0] as number) < 10_000, `the first update showed ${r.shown[0]} characters`);
    for (let i = 1; i < r.shown.length; i++) assert.ok((r.shown[i] as number) - (r.shown[i - 1] as number) < 10_000, `update ${i} added ${(r.shown[i] as number) - (r.shown[i - 1] as number)} characters`);
    assert.ok(r.identical);
  });
});
