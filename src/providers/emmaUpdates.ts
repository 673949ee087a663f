/**
 * Reads Emma's `update` events, whose shape the document leaves open: its
 * prose says "testo parziale incrementale" (each update a new piece) while its
 * example is cumulative (each update the text so far). Both are handled
 * without a setting:
 *
 * - an update that extends the text so far is read as cumulative (its new end is shown);
 * - one that repeats the text so far, or is empty, changes nothing;
 * - one that does not extend it is a rewrite when it keeps at least the first
 *   half of the text so far, or when the stream has already shown itself
 *   cumulative and the update is at least half as long as the text it
 *   replaces; otherwise it is an increment, and from then on every update is
 *   appended (the stream is incremental).
 *
 * An ambiguous start (an incremental second piece that happens to begin with
 * the first) can be misread; `done.response` is authoritative and corrects the
 * text at the end either way (emma.ts).
 */
import type { ChatEvent } from './types';

type Shape = 'unknown' | 'cumulative' | 'incremental';

export class EmmaUpdateReader {
  private shape: Shape = 'unknown';
  private shown = '';

  /** The text shown so far. */
  get text(): string {
    return this.shown;
  }

  /** The event that brings the shown text up to date with this update, if any. */
  read(content: string): ChatEvent | undefined {
    if (content === '') return undefined;
    if (this.shape === 'incremental') return this.append(content);
    if (content.startsWith(this.shown)) {
      if (content.length === this.shown.length) return undefined;
      if (this.shown !== '') this.shape = 'cumulative';
      const added = content.slice(this.shown.length);
      this.shown = content;
      return { type: 'delta', text: added };
    }
    if (this.looksLikeRewrite(content)) {
      this.shown = content;
      return { type: 'replace', text: content };
    }
    this.shape = 'incremental';
    return this.append(content);
  }

  private looksLikeRewrite(content: string): boolean {
    const kept = commonPrefixLength(content, this.shown);
    if (kept > 0 && kept * 2 >= this.shown.length) return true;
    return this.shape === 'cumulative' && content.length * 2 >= this.shown.length;
  }

  private append(piece: string): ChatEvent {
    this.shown += piece;
    return { type: 'delta', text: piece };
  }
}

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
