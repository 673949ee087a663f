// When a streamed message updates its DOM. Every scheduler runs at most one
// update per animation frame; they differ in how many frames they skip.

/** Schedules work for a later frame; injectable so tests can step frames. */
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

/** One update per animation frame. */
export const animationFrameScheduler: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/**
 * Runs each callback in the first animation frame at least `gap()` ms (frame
 * timestamps) after the previous run; `ran(costMs)` is told what each run cost.
 */
function spacedFrameScheduler(gap: () => number, ran: (costMs: number) => void): FrameScheduler {
  let nextHandle = 1;
  let lastRun = -Infinity;
  const frames = new Map<number, number>();
  return {
    request(callback) {
      const handle = nextHandle++;
      const wait = (): void => {
        frames.set(
          handle,
          requestAnimationFrame((now) => {
            if (now - lastRun < gap()) {
              wait();
              return;
            }
            frames.delete(handle);
            lastRun = now;
            const start = performance.now();
            callback();
            ran(performance.now() - start);
          }),
        );
      };
      wait();
      return handle;
    },
    cancel(handle) {
      const frame = frames.get(handle);
      if (frame !== undefined) cancelAnimationFrame(frame);
      frames.delete(handle);
    },
  };
}

/**
 * A scheduler that leaves at least `minIntervalMs` between updates (e.g. 30 ms
 * ≈ every second frame at 60 Hz): the same result with less rendering work.
 */
export function throttledFrameScheduler(minIntervalMs: number): FrameScheduler {
  return spacedFrameScheduler(
    () => minIntervalMs,
    () => undefined,
  );
}

export interface BudgetOptions {
  /** Shortest gap between updates (45 ms: every third frame at 60 Hz, 20 updates a second). */
  minIntervalMs?: number;
  /** Longest gap, however costly updates get (the stream must still look live). */
  maxIntervalMs?: number;
  /** Share of the main thread streaming updates may use: after an update costing X ms, wait X / share ms. */
  share?: number;
}

/**
 * The default scheduler: frame-time aware. After an update that cost X ms it
 * waits max(minIntervalMs, X / share) ms (capped at maxIntervalMs), so the
 * rendering work per second stays bounded (≈ share of the main thread) while
 * a stream still updates 5–20 times a second.
 */
export function budgetFrameScheduler(options: BudgetOptions = {}): FrameScheduler {
  const { minIntervalMs = 45, maxIntervalMs = 200, share = 0.05 } = options;
  let gap = minIntervalMs;
  return spacedFrameScheduler(
    () => gap,
    (cost) => {
      gap = Math.min(maxIntervalMs, Math.max(minIntervalMs, cost / share));
    },
  );
}
