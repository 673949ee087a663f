/**
 * VS Code's language model response is append-only: a reported text part can
 * never be taken back, and callers concatenate the parts. Emma streams the
 * whole reply so far with every update and may rewrite earlier text (and its
 * final `response` may differ from the last update). This keeps what was
 * reported and, for each new full text, returns only what extends it. When a
 * text rewrites what was already reported, nothing is returned for it (there
 * is no way to show the rewrite without garbling the reply) and the divergence
 * is described — by lengths only, never content — for the log; later texts
 * that extend the reported text again continue to stream.
 */
export interface AppendStep {
  /** Text to report now (empty when nothing can be appended). */
  append: string;
  /** A log line when the new text does not extend what was reported. */
  divergence?: string;
}

export class AppendOnlyText {
  private reported = '';
  private divergences = 0;

  get text(): string {
    return this.reported;
  }

  get divergenceCount(): number {
    return this.divergences;
  }

  /** A delta: always appendable. */
  delta(text: string): AppendStep {
    this.reported += text;
    return { append: text };
  }

  /** The whole reply so far. */
  replace(full: string): AppendStep {
    if (full.startsWith(this.reported)) return this.delta(full.slice(this.reported.length));
    this.divergences++;
    let common = 0;
    while (common < full.length && common < this.reported.length && full[common] === this.reported[common]) common++;
    return {
      append: '',
      divergence: `the provider rewrote text already reported (from character ${common}; reported ${this.reported.length}, new text ${full.length}); only appended text can be shown`,
    };
  }
}
