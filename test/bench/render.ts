// Render benchmark (issue 4): a ~50 KB reply streamed in 2,000 chunks into the
// streaming view in Chromium, driven by real animation frames (4 chunks per
// frame, like a fast model), against one render of the final text and against
// naive views that re-render the whole message (markdown-it + DOMPurify +
// innerHTML) on every chunk or once per frame. The time of each frame's work
// is measured with performance.now() around it and includes the forced layout
// that auto-scroll causes (the same for every renderer).
import { inPage, openRendererPage } from '../unit/webview-ui/rendererPage';
import { chunkText, longReply } from '../unit/webview-ui/markdownSamples';

const CHUNKS = 2000;
const CHUNKS_PER_FRAME = 4;

export interface RenderBenchRow {
  name: string;
  totalMs: number;
  longestFrameMs: number;
  frames: number;
  /** The one-shot render this row is compared with (measured the same way). */
  singleMs: number;
}

export interface RenderBenchResult {
  bytes: number;
  chunks: number;
  singleRenderMs: number;
  singleWithLayoutMs: number;
  rows: RenderBenchRow[];
  identical: boolean;
}

type Mode = 'streaming' | 'naive-per-chunk';

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
    // One-shot renders are sampled before and after the streaming runs (the
    // machine may be busy with other work); the median of both is used.
    const before = [await single(false), await single(true)];

    const rows: RenderBenchRow[] = [];
    let identical = true;
    const runs: { name: string; mode: Mode; layout: boolean; minIntervalMs?: number }[] = [
      { name: 'streaming', mode: 'streaming', layout: false },
      { name: 'streaming ≥30ms apart', mode: 'streaming', layout: false, minIntervalMs: 30 },
      { name: 'streaming +layout', mode: 'streaming', layout: true },
      { name: 'naive per chunk', mode: 'naive-per-chunk', layout: false },
    ];
    const measured: { name: string; layout: boolean; run: { total: number; longest: number; frames: number; identical: boolean } }[] = [];
    for (const { name, mode, layout, minIntervalMs } of runs.filter((r) => !process.env.PARLEY_BENCH_SKIP_NAIVE || r.mode === 'streaming')) {
      const run = await inPage<{ total: number; longest: number; frames: number; identical: boolean }>(page, 'benchStream', {
        chunks,
        mode,
        perFrame: CHUNKS_PER_FRAME,
        layout,
        minIntervalMs,
      });
      if (mode === 'streaming') identical &&= run.identical;
      measured.push({ name, layout, run });
    }
    const after = [await single(false), await single(true)];
    const singleRenderMs = ((before[0] as number) + (after[0] as number)) / 2;
    const singleWithLayoutMs = ((before[1] as number) + (after[1] as number)) / 2;
    for (const { name, layout, run } of measured) {
      const singleMs = layout ? singleWithLayoutMs : singleRenderMs;
      rows.push({ name, totalMs: run.total, longestFrameMs: run.longest, frames: run.frames, singleMs });
    }
    return { bytes: text.length, chunks: chunks.length, singleRenderMs, singleWithLayoutMs, rows, identical };
  } finally {
    await browser.close();
  }
}

export function formatRenderBench(result: RenderBenchResult): string {
  const lines = [
    `Render benchmark: ${(result.bytes / 1024).toFixed(1)} KB reply, ${result.chunks} chunks, ${CHUNKS_PER_FRAME} chunks per animation frame (Chromium)`,
    `One render of the final text: ${result.singleRenderMs.toFixed(1)} ms (${result.singleWithLayoutMs.toFixed(1)} ms with the layout it causes)`,
    '',
    'renderer                  total ms   × single   longest frame ms  updates',
  ];
  for (const row of result.rows) {
    lines.push(
      `${row.name.padEnd(24)} ${row.totalMs.toFixed(1).padStart(9)} ${(row.totalMs / row.singleMs).toFixed(2).padStart(9)}× ` +
        `${row.longestFrameMs.toFixed(2).padStart(17)} ${String(row.frames).padStart(8)}`,
    );
  }
  lines.push('');
  for (const row of result.rows.filter((r) => r.name.startsWith('streaming'))) {
    const ratio = row.totalMs / row.singleMs;
    lines.push(
      `${row.name}: total ≤ 3× single → ${ratio.toFixed(2)}× ${ratio <= 3 ? 'met' : 'MISSED'}; ` +
        `every frame ≤ 8 ms → longest ${row.longestFrameMs.toFixed(2)} ms ${row.longestFrameMs <= 8 ? 'met' : 'MISSED'}`,
    );
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
