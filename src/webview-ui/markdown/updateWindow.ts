// How much of a streamed message's new source one update (or one step of
// finish()) renders: at most MAX_UPDATE_CHARS, and at most MAX_UPDATE_BLOCKS
// block boundaries, so that an update's cost is bounded by its blocks too
// (8 KB of tiny code blocks is 400 highlighted, sanitized blocks: ~35 ms).
import type { SourceLike } from './sourceText';

/** Source characters one update renders at most: text that arrives faster waits for the next one. */
export const MAX_UPDATE_CHARS = 8 * 1024;
/** Block boundaries (blank lines, fence lines) one update renders past at most (8 KB of ordinary markdown has ~65: only dense blocks reach it). */
export const MAX_UPDATE_BLOCKS = 96;

/** A line end followed by a blank line or a code fence line: where top-level blocks usually end. */
const BOUNDARY = /\n(?=[ \t]*\n| {0,3}(?:`{3,}|~{3,}))/g;

/**
 * Where an update that starts at `start` stops: the end, or a line end
 * within MAX_UPDATE_CHARS and (unless `blocks` is false: the last window
 * so cut committed nothing) before the MAX_UPDATE_BLOCKS-th boundary.
 */
export function updateEnd(source: SourceLike, start: number, blocks = true): number {
  let end = source.length;
  if (source.length - start > MAX_UPDATE_CHARS) {
    const newline = source.lastIndexOf('\n', start + MAX_UPDATE_CHARS - 1);
    end = newline >= start ? newline + 1 : start + MAX_UPDATE_CHARS;
  }
  if (!blocks) return end;
  const window = source.slice(start, end);
  let count = 0;
  for (BOUNDARY.lastIndex = 0; BOUNDARY.exec(window) !== null; ) {
    if (++count >= MAX_UPDATE_BLOCKS) return start + BOUNDARY.lastIndex;
  }
  return end;
}
