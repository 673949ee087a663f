// The page's main-thread tasks while a bench step runs, from a Chrome trace
// (DevTools protocol): each task's wall time and its thread (CPU) time. On a
// machine shared with other work a task's wall time includes the time the
// OS gave other processes; its CPU time does not, so both are printed.
import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface TaskTimes {
  /** Longest task, wall clock (ms). */
  longestMs: number;
  /** Most CPU time one task used (ms). */
  longestCpuMs: number;
  /** Tasks over 50 ms of CPU time. */
  over50Cpu: number;
  /** 95th percentile of the CPU time of tasks that did any work (over 1 ms): the frames, while streaming. */
  p95CpuMs: number;
}

function percentile95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)] ?? 0;
}

/** The mark a scenario sets (performance.mark) where its measured part starts: tasks before it (building the test data) are not counted. */
export const BENCH_START_MARK = 'parley-bench-start';

/** The mark where the measured part ends: tasks after it (reading the results) are not counted. */
export const BENCH_END_MARK = 'parley-bench-end';

/** Runs `step` while tracing the page; returns its result and the main thread's task times (between BENCH_START_MARK and BENCH_END_MARK, when set). */
export async function withTaskTrace<R>(page: Page, step: () => Promise<R>): Promise<{ result: R; tasks: TaskTimes }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (event) => events.push(...(event.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  const result = await step();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mark = events.filter((e) => e.name === BENCH_START_MARK).at(-1);
  const from = mark?.ts ?? -Infinity;
  const to = events.filter((e) => e.name === BENCH_END_MARK).at(-1)?.ts ?? Infinity;
  const tasks = events.filter(
    (e) =>
      main !== undefined && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts + (e.dur ?? 0) >= from && e.ts <= to &&
      (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
  );
  const ms = (us: number | undefined): number => (us ?? 0) / 1000;
  return {
    result,
    tasks: {
      longestMs: Math.max(0, ...tasks.map((t) => ms(t.dur))),
      longestCpuMs: Math.max(0, ...tasks.map((t) => ms(t.tdur))),
      over50Cpu: tasks.filter((t) => ms(t.tdur) > 50).length,
      p95CpuMs: percentile95(tasks.map((t) => ms(t.tdur)).filter((cpu) => cpu > 1)),
    },
  };
}
