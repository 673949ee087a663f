// A scheduler whose updates run when its owner says so (step()), until it is
// handed over to a real one (goLive()). The chat view restores a saved reply
// through it: a slice of text, then one update, as many as fit in a frame's
// time budget, and then the reply streams on with the usual scheduler.
import type { FrameScheduler } from './frameSchedulers';

export class ManualScheduler implements FrameScheduler {
  private pending: { handle: number; callback: () => void } | undefined;
  private next = 1;
  private live: FrameScheduler | undefined;

  request(callback: () => void): number {
    if (this.live) return this.live.request(callback);
    this.pending = { handle: this.next++, callback };
    return this.pending.handle;
  }

  cancel(handle: number): void {
    if (this.live) this.live.cancel(handle);
    else if (this.pending?.handle === handle) this.pending = undefined;
  }

  /** True when an update waits for step(). */
  get hasPending(): boolean {
    return this.pending !== undefined;
  }

  /** Runs the pending update now (if any). */
  step(): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.callback();
  }

  /** From now on updates go to `scheduler`; a pending one is handed over. */
  goLive(scheduler: FrameScheduler): void {
    this.live = scheduler;
    const pending = this.pending;
    this.pending = undefined;
    if (pending) scheduler.request(pending.callback);
  }
}
