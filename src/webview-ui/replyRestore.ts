/**
 * Shows a saved reply a slice at a time, so that opening a conversation never
 * blocks the view: each step appends the next slice (up to SLICE_CHARS, cut
 * after a line end when there is one) to the reply's streaming view and
 * renders it at once. RestoreQueue runs steps within a time budget per frame.
 * Once all text is shown the reply is finished (unless it is still
 * streaming) and its view updates with the usual scheduler again.
 */
import { budgetFrameScheduler, type ManualScheduler, type StreamingMessageView } from './markdown';

export const SLICE_CHARS = 8 * 1024;

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Where the slice starting at `from` ends. */
export function sliceEnd(text: string, from: number): number {
  const limit = from + SLICE_CHARS;
  if (limit >= text.length) return text.length;
  const newline = text.lastIndexOf('\n', limit - 1);
  let end = newline >= from ? newline + 1 : limit;
  // Never split a surrogate pair.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return end;
}

export class ReplyRestore {
  private shown = 0;
  private finishedRestore = false;

  constructor(
    private readonly view: StreamingMessageView,
    private readonly scheduler: ManualScheduler,
    private target: string,
    /** Asked once all text is shown: whether the reply is over (then the view is finished). */
    private readonly isOver: () => boolean,
  ) {}

  get done(): boolean {
    return this.finishedRestore;
  }

  /** All the reply's text (what is shown plus what is still to come). */
  get text(): string {
    return this.target;
  }

  /** Text that streamed in while restoring. */
  append(delta: string): void {
    this.target += delta;
  }

  /** The reply's text changed while restoring (a rewrite, or the final text). */
  replace(text: string): void {
    const keep = commonPrefixLength(this.target, text);
    if (keep < this.shown) {
      this.shown = keep;
      this.view.replace(text.slice(0, keep));
    }
    this.target = text;
  }

  /** Shows the next slice; returns true once everything is shown. */
  step(): boolean {
    if (this.finishedRestore) return true;
    if (this.scheduler.hasPending) {
      // The view has not caught up with the last slice yet (an update renders a bounded amount).
      this.scheduler.step();
      return false;
    }
    if (this.shown < this.target.length) {
      const end = sliceEnd(this.target, this.shown);
      this.view.append(this.target.slice(this.shown, end));
      this.shown = end;
      this.scheduler.step();
    }
    if (this.shown >= this.target.length && !this.scheduler.hasPending) {
      this.finishedRestore = true;
      if (this.isOver()) this.view.finish();
      this.scheduler.goLive(budgetFrameScheduler());
    }
    return this.finishedRestore;
  }
}
