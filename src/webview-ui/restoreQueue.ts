/**
 * Runs restore steps (see replyRestore.ts) in animation frames, at most
 * BUDGET_MS of them per frame, so that opening even a huge conversation keeps
 * every task short and the view responsive.
 */
export const BUDGET_MS = 8;

export interface RestoreJob {
  /** Does a bounded piece of work; true when the job is complete. */
  step(): boolean;
}

export class RestoreQueue {
  private jobs: RestoreJob[] = [];
  private frame: number | undefined;

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

  private readonly run = (): void => {
    this.frame = undefined;
    const deadline = performance.now() + BUDGET_MS;
    while (this.jobs.length > 0 && performance.now() < deadline) {
      const job = this.jobs[0] as RestoreJob;
      if (job.step()) this.jobs.shift();
    }
    this.afterFrame();
    if (this.jobs.length > 0) this.frame = requestAnimationFrame(this.run);
  };
}
