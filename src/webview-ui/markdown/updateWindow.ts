// How much of a streamed message's new source one update (or one step of
// finish()) renders: at most MAX_UPDATE_CHARS, and at most MAX_UPDATE_BLOCKS
// block boundaries, so that an update's cost is bounded by its blocks too
// (8 KB of tiny code blocks is 400 highlighted, sanitized blocks: ~35 ms;
// a window stops after ~19 of them).
import type { SourceLike } from './sourceText';

/** Source characters one update renders at most: text that arrives faster waits for the next one. */
export const MAX_UPDATE_CHARS = 8 * 1024;
/** Block boundaries (blank lines, fence lines) one update renders past at most (8 KB of ordinary markdown has ~65: only dense blocks reach it). A code fence line counts twice: a code block costs more than a paragraph (highlighting, its toolbar), so a window of tiny code blocks stops after ~19 of them. */
export const MAX_UPDATE_BLOCKS = 96;

/** A line end followed by a blank line (group 1) or a code fence line: where top-level blocks usually end. */
const BOUNDARY = /\n(?=([ \t]*\n)| {0,3}(?:`{3,}|~{3,}))/g;
/** What a code fence line counts for against MAX_UPDATE_BLOCKS (a blank line counts 1). */
const FENCE_WEIGHT = 2;

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
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(window); match !== null; match = BOUNDARY.exec(window)) {
    count += match[1] === undefined ? FENCE_WEIGHT : 1;
    if (count >= MAX_UPDATE_BLOCKS) return start + BOUNDARY.lastIndex;
  }
  return end;
}
