// Render benchmark (issue 4): a ~50 KB reply streamed in 2,000 chunks into the
// streaming view in Chromium, driven by real animation frames (4 chunks per
// frame, like a fast model), against one render of the final text and against
// a naive view that re-renders the whole message (markdown-it + DOMPurify +
// innerHTML) on every chunk. Total = every update's work (performance.now()
// around it) + every append() + finish(). The "+layout" row adds the forced
// layout auto-scroll causes to each update (and to its single render). The
// headline row is the default scheduler (budgetFrameScheduler); the others
// show every-frame updates, fixed 30 ms and 200 ms throttles (20 and 5 updates
// a second), and a 4× slower stream.
// The headline's updates are then replayed back to back (same chunks, same
// update points, no frames in between): the render work itself, and how much
// running each update on its own in a separate frame adds (cold caches after
// the idle time between frames; per update, whatever the renderer does).
import { inPage, openRendererPage } from '../unit/webview-ui/rendererPage';
import { chunkText, longReply } from '../unit/webview-ui/markdownSamples';

const CHUNKS = 2000;
const CHUNKS_PER_FRAME = 4;
const HEADLINE_REPEATS = 3;

export interface RenderBenchRow {
  name: string;
  totalMs: number;
  longestFrameMs: number;
  frames: number;
  /** Wall time of the stream (s) and the part of totalMs spent in append(). */
  seconds: number;
  appendMs: number;
  /** The one-shot render this row is compared with (measured the same way). */
  singleMs: number;
}

export interface RenderBenchResult {
  bytes: number;
  chunks: number;
  singleRenderMs: number;
  /** The one-shot render measured before and after the streaming runs. */
  singleSamples: number[];
  singleWithLayoutMs: number;
  rows: RenderBenchRow[];
  /** Fastest of 3 back-to-back replays of the headline stream (its chunks and update points), no frames in between. */
  replayMs: number;
  /** How many updates the headline stream (and so the replay) made. */
  replayUpdates: number;
  identical: boolean;
  /** Per-update cost by reply length (issue 13): replayed back to back, an update every SCALING_EVERY chunks. */
  scaling: ScalingRow[];
}

export interface ScalingRow {
  name: string;
  bytes: number;
  updates: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
  firstTenth: number;
  lastTenth: number;
  finishMs: number;
  plain: boolean;
}

/** Chunks between updates in the scaling rows (≈ the default scheduler's 45 ms gap at 4 chunks per frame). */
const SCALING_EVERY = 12;
/** Chunk size of the headline stream (50 KB in 2,000 chunks), kept for the longer replies. */
const SCALING_CHUNK = 25;

type Mode = 'streaming' | 'naive-per-chunk';
type Scheduler = 'default' | 'every-frame' | number;
interface StreamRun {
  /** Chunks appended when each update ran. */
  points: number[];
  total: number;
  appendMs: number;
  seconds: number;
  longest: number;
  frames: number;
  identical: boolean;
}

/** Runs the benchmark and (unless `print` is false) prints the table. */
export async function runRenderBench(options: { print?: boolean } = {}): Promise<RenderBenchResult> {
  const result = await measure();
  if (options.print !== false) console.log(formatRenderBench(result));
  return result;
}

async function measure(): Promise<RenderBenchResult> {
  const text = longReply(50_000);
  const chunks = chunkText(text, CHUNKS);
  const browser = await openRendererPage();
  try {
    const page = browser.page;
    await inPage(page, 'setRootWidth', 380);
    const single = (layout: boolean): Promise<number> => inPage<number>(page, 'benchSingle', { text, layout });
    // One-shot renders (each the median of 7 renders) are sampled before
    // and after the streaming runs (the machine may be busy); their mean is used.
    // Warm-up (JIT, caches): the first renders in a fresh page are up to 2× slower; they are not the baseline.
    for (let i = 0; i < 3; i++) await single(false);
    const before = [await single(false), await single(true)];

    const rows: RenderBenchRow[] = [];
    let identical = true;
    const runs: { name: string; mode: Mode; layout: boolean; perFrame: number; scheduler: Scheduler }[] = [
      { name: 'streaming (default)', mode: 'streaming', layout: false, perFrame: CHUNKS_PER_FRAME, scheduler: 'default' },
      { name: 'streaming every frame', mode: 'streaming', layout: false, perFrame: CHUNKS_PER_FRAME, scheduler: 'every-frame' },
      { name: 'streaming ≥30ms apart', mode: 'streaming', layout: false, perFrame: CHUNKS_PER_FRAME, scheduler: 30 },
      { name: 'streaming ≥200ms apart', mode: 'streaming', layout: false, perFrame: CHUNKS_PER_FRAME, scheduler: 200 },
      { name: 'default +layout', mode: 'streaming', layout: true, perFrame: CHUNKS_PER_FRAME, scheduler: 'default' },
      { name: 'default, 1 chunk/frame', mode: 'streaming', layout: false, perFrame: 1, scheduler: 'default' },
      { name: 'naive per chunk', mode: 'naive-per-chunk', layout: false, perFrame: CHUNKS_PER_FRAME, scheduler: 'every-frame' },
    ];
    const measured: { name: string; layout: boolean; run: StreamRun }[] = [];
    let headline: StreamRun | undefined;
    for (const { name, mode, layout, perFrame, scheduler } of runs.filter((r) => !process.env.PARLEY_BENCH_SKIP_NAIVE || r.mode === 'streaming')) {
      // The headline row runs HEADLINE_REPEATS times (the machine may be busy); its median run is shown.
      const repeats = measured.length === 0 ? HEADLINE_REPEATS : 1;
      const samples: StreamRun[] = [];
      for (let i = 0; i < repeats; i++) samples.push(await inPage<StreamRun>(page, 'benchStream', { chunks, mode, perFrame, layout, scheduler }));
      samples.sort((a, b) => a.total - b.total);
      const run = samples[Math.floor(samples.length / 2)] as StreamRun;
      if (mode === 'streaming') identical &&= samples.every((sample) => sample.identical);
      headline ??= run;
      measured.push({ name: repeats > 1 ? `${name} ×${repeats}` : name, layout, run });
    }
    const after = [await single(false), await single(true)];
    const singleRenderMs = ((before[0] as number) + (after[0] as number)) / 2;
    const singleWithLayoutMs = ((before[1] as number) + (after[1] as number)) / 2;
    for (const { name, layout, run } of measured) {
      const singleMs = layout ? singleWithLayoutMs : singleRenderMs;
      rows.push({ name, totalMs: run.total, longestFrameMs: run.longest, frames: run.frames, seconds: run.seconds, appendMs: run.appendMs, singleMs });
    }
    // The headline stream replayed back to back (same chunks, same update points, no waiting for frames):
    // the render work alone, without what running each update in its own frame adds.
    const points = (headline as StreamRun).points;
    const replayMs = await inPage<number>(page, 'benchReplay', { chunks, points, repeats: 3 });
    const singleSamples = [before[0] as number, after[0] as number];
    const scaling: ScalingRow[] = [];
    for (const [name, size, renderCap] of [
      ['50 KB', 50_000, true],
      ['200 KB', 200_000, true],
      ['1 MB', 1_000_000, true],
      ['1 MB, no render cap', 1_000_000, false],
    ] as const) {
      const reply = longReply(size);
      const pieces = chunkText(reply, Math.ceil(reply.length / SCALING_CHUNK));
      const r = await inPage<Omit<ScalingRow, 'name' | 'bytes'>>(page, 'benchScaling', { chunks: pieces, every: SCALING_EVERY, renderCap });
      scaling.push({ name, bytes: reply.length, ...r });
    }
    return { bytes: text.length, chunks: chunks.length, singleRenderMs, singleSamples, singleWithLayoutMs, rows, identical, replayMs, replayUpdates: points.length, scaling };
  } finally {
    await browser.close();
  }
}

export function formatRenderBench(result: RenderBenchResult): string {
  const lines = [
    `Render benchmark: ${(result.bytes / 1024).toFixed(1)} KB reply, ${result.chunks} chunks, ${CHUNKS_PER_FRAME} chunks per animation frame (Chromium)`,
    `One render of the final text: ${result.singleRenderMs.toFixed(1)} ms (before/after the streams: ${result.singleSamples.map((ms) => ms.toFixed(1)).join(' / ')}; ` +
      `${result.singleWithLayoutMs.toFixed(1)} ms with the layout it causes)`,
    '',
    'renderer                  total ms   × single   longest frame ms  updates  updates/s  stream s  render ms/s',
  ];
  for (const row of result.rows) {
    lines.push(
      `${row.name.padEnd(24)} ${row.totalMs.toFixed(1).padStart(9)} ${(row.totalMs / row.singleMs).toFixed(2).padStart(9)}× ` +
        `${row.longestFrameMs.toFixed(2).padStart(17)} ${String(row.frames).padStart(8)} ${(row.frames / row.seconds).toFixed(1).padStart(10)} ${row.seconds.toFixed(1).padStart(9)} ${(row.totalMs / row.seconds).toFixed(1).padStart(12)}`,
    );
  }
  const head = result.rows[0] as RenderBenchRow;
  const inFrames = head.totalMs / head.singleMs;
  const backToBack = result.replayMs / result.singleRenderMs;
  const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
  lines.push(
    '',
    `Targets (headline row; issue 13): main-thread time per second of streaming ≤ 5%, render work back to back ≤ 3× single, longest frame ≤ 8 ms`,
    `  main-thread time while streaming: ${(head.totalMs / head.seconds).toFixed(1)} ms per s = ${(head.totalMs / head.seconds / 10).toFixed(2)}% → ${verdict(head.totalMs / head.seconds / 1000 <= 0.05)}`,
    `  render work (its ${result.replayUpdates} updates replayed back to back, no frames): ${result.replayMs.toFixed(1)} ms = ${backToBack.toFixed(2)}× single → ${verdict(backToBack <= 3)}`,
    `  in animation frames (wall clock, each update in its own frame, for comparison): ${head.totalMs.toFixed(1)} ms = ${inFrames.toFixed(2)}× single` +
      ` (+${((head.totalMs - result.replayMs) / Math.max(1, result.replayUpdates)).toFixed(2)} ms per update for running it on its own)`,
    `  longest frame: ${head.longestFrameMs.toFixed(2)} ms → ${verdict(head.longestFrameMs <= 8)}`,
    `  the other rows are comparisons: the same stream with other update policies, and a 4× slower one (the total grows with the number of updates).`,
  );
  const base = result.scaling[0];
  if (base) {
    lines.push(
      '',
      `Per-update cost by reply length (${SCALING_CHUNK}-character chunks, an update every ${SCALING_EVERY} chunks, replayed back to back; target: mean within 1.3× of 50 KB)`,
      'reply                  KB  updates  mean ms  × 50 KB  p95 ms  max ms  first 10% ms  last 10% ms  finish ms  plain text past the cap',
    );
    for (const row of result.scaling) {
      const ratio = row.meanMs / base.meanMs;
      lines.push(
        `${row.name.padEnd(20)} ${(row.bytes / 1024).toFixed(0).padStart(5)} ${String(row.updates).padStart(8)} ${row.meanMs.toFixed(3).padStart(8)} ${ratio.toFixed(2).padStart(7)}× ` +
          `${row.p95Ms.toFixed(2).padStart(7)} ${row.maxMs.toFixed(2).padStart(7)} ${row.firstTenth.toFixed(3).padStart(13)} ${row.lastTenth.toFixed(3).padStart(12)} ${row.finishMs.toFixed(2).padStart(10)}  ${row.plain ? 'yes' : 'no'}` +
          `  → ${verdict(ratio <= 1.3)}`,
      );
    }
  }
  lines.push(`final DOM identical to a whole render: ${result.identical ? 'yes' : 'NO'}`);
  return lines.join('\n');
}

if (require.main === module) {
  runRenderBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
