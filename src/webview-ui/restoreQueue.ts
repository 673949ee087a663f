/**
 * Runs restore steps (see replyRestore.ts) in animation frames, at most
 * BUDGET_MS of them per frame (a step starts only if one as costly as the
 * frame's costliest still fits; the rest of a 16.7 ms frame is for the layout
 * and paint the steps cause), so that opening even a huge conversation keeps
 * every task short and the view responsive. The budget covers what the steps
 * cause after them too (the layout of what they added, which afterFrame()
 * pays when it reads the scroll height): the number of steps a frame may run
 * halves after a frame over budget and doubles after one well within it.
 * Steps that are cheap in script but add much to lay out (plain text past
 * the render cap: ~8 KB a step in well under a millisecond) cannot pile up
 * megabytes of layout in one frame.
 */
export const BUDGET_MS = 6;
/** Steps of the first frame, and the most a frame may ever run. */
export const FIRST_FRAME_STEPS = 4;
export const MAX_FRAME_STEPS = 256;

export interface RestoreJob {
  /** Does a bounded piece of work; true when the job is complete. */
  step(): boolean;
}

export class RestoreQueue {
  private jobs: RestoreJob[] = [];
  private frame: number | undefined;
  /** Steps the next frame may run (adapted to what frames cost). */
  private stepsPerFrame = FIRST_FRAME_STEPS;

  /** `afterFrame` runs after each frame's work (the list keeps its scroll position with it). */
  constructor(private readonly afterFrame: () => void) {}

  add(job: RestoreJob): void {
    this.jobs.push(job);
    this.frame ??= requestAnimationFrame(this.run);
  }

  /** How many jobs are waiting. */
  get size(): number {
    return this.jobs.length;
  }

  clear(): void {
    this.jobs = [];
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }

  /** Steps the next frame may run. */
  get frameSteps(): number {
    return this.stepsPerFrame;
  }

  private readonly run = (): void => {
    this.frame = undefined;
    const start = performance.now();
    let steps = 0;
    // A step starts only when one as costly as this frame's costliest so far still fits in the budget.
    let costliest = 0;
    for (let now = start; this.jobs.length > 0 && steps < this.stepsPerFrame && now - start + costliest <= BUDGET_MS; ) {
      const job = this.jobs[0] as RestoreJob;
      steps++;
      if (job.step()) this.jobs.shift();
      const after = performance.now();
      costliest = Math.max(costliest, after - now);
      now = after;
    }
    this.afterFrame();
    const spent = performance.now() - start;
    if (spent > BUDGET_MS) this.stepsPerFrame = Math.max(1, Math.floor(this.stepsPerFrame / 2));
    else if (steps === this.stepsPerFrame && spent < BUDGET_MS / 2) this.stepsPerFrame = Math.min(MAX_FRAME_STEPS, 2 * this.stepsPerFrame);
    if (this.jobs.length > 0) this.frame = requestAnimationFrame(this.run);
  };
}
