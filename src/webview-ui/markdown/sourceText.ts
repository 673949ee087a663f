// A streamed message's (normalized) source, growing at its end. One string
// grown with += is a rope in V8, and the first slice() after each append
// flattens all of it: every update would copy the whole reply. Here the text
// is a flat `base` plus the `recent` appends (folded into the base every
// REBASE_CHARS), so the slices an update takes near the end copy a bounded
// amount, and the base is flattened once per REBASE_CHARS of text.

/** What the renderer reads of a source: a string, or a SourceText. */
export interface SourceLike {
  readonly length: number;
  slice(start: number, end?: number): string;
  lastIndexOf(search: string, position?: number): number;
}

const REBASE_CHARS = 64 * 1024;

export class SourceText implements SourceLike {
  private base = '';
  private recent = '';

  get length(): number {
    return this.base.length + this.recent.length;
  }

  append(text: string): void {
    this.recent += text;
    if (this.recent.length >= REBASE_CHARS) {
      this.base += this.recent;
      this.recent = '';
    }
  }

  set(text: string): void {
    this.base = text;
    this.recent = '';
  }

  toString(): string {
    return this.base + this.recent;
  }

  slice(start: number, end: number = this.length): string {
    const split = this.base.length;
    start = Math.max(0, Math.min(start, this.length));
    end = Math.max(start, Math.min(end, this.length));
    if (start >= split) return this.recent.slice(start - split, end - split);
    if (end <= split) return this.base.slice(start, end);
    return this.base.slice(start) + this.recent.slice(0, end - split);
  }

  lastIndexOf(search: string, position: number = Infinity): number {
    const split = this.base.length;
    const from = Math.min(Number.isNaN(position) ? Infinity : Math.max(0, position), this.length - search.length);
    if (from < 0) return -1;
    if (from >= split) {
      const found = this.recent.lastIndexOf(search, from - split);
      if (found >= 0) return split + found;
    }
    // Matches across the boundary start in the last search.length - 1 characters of the base.
    const low = Math.max(0, split - search.length + 1);
    if (search.length > 1 && split > 0 && from >= low) {
      const joint = this.base.slice(low) + this.recent.slice(0, search.length - 1);
      const found = joint.lastIndexOf(search, Math.min(from, split - 1) - low);
      if (found >= 0 && low + found < split) return low + found;
    }
    return from >= split ? this.base.lastIndexOf(search) : this.base.lastIndexOf(search, from);
  }
}
