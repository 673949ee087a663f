// Runs a message's finish() (and "Show all") in bounded steps: one step at
// once, and when that did not complete it, more steps in later frames, at
// most FINISH_BUDGET_MS of them per frame, until one says it is done.
import type { FrameScheduler } from './frameSchedulers';

/** Time the steps may take per animation frame. */
export const FINISH_BUDGET_MS = 8;

export class FinishStepper {
  /** The run under way: the frame of its next steps (undefined: none requested yet). */
  private running: { frame: number | undefined } | undefined;

  constructor(
    private readonly scheduler: FrameScheduler,
    /** One bounded step; true once everything is done. */
    private readonly step: () => boolean,
    /** Called once the steps are done (not when stopped). */
    private readonly done: () => void,
  ) {}

  /** True while steps are left for later frames. */
  get pending(): boolean {
    return this.running !== undefined;
  }

  /** Starts over: one step now, the rest in later frames. */
  start(): void {
    this.stop();
    const run = { frame: undefined };
    this.running = run;
    if (this.step()) this.finish(run);
    else this.next(run);
  }

  /** Drops the steps still to come (more text arrived, the view went away). */
  stop(): void {
    if (this.running?.frame !== undefined) this.scheduler.cancel(this.running.frame);
    this.running = undefined;
  }

  private next(run: { frame: number | undefined }): void {
    if (this.running !== run || run.frame !== undefined) return;
    run.frame = this.scheduler.request(() => {
      run.frame = undefined;
      if (this.running !== run) return;
      const deadline = performance.now() + FINISH_BUDGET_MS;
      do {
        if (this.step()) {
          this.finish(run);
          return;
        }
      } while (performance.now() < deadline && this.running === run);
      this.next(run);
    });
  }

  private finish(run: { frame: number | undefined }): void {
    if (this.running !== run) return;
    this.running = undefined;
    this.done();
  }
}
