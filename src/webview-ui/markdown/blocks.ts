// Which leading top-level blocks of a streamed markdown source are final.
//
// A top-level block is final once a later top-level block has started on a
// complete line: nothing that can still be appended changes how the earlier
// block ended (a paragraph, a list or a table only ends when a later line does
// not continue it). One exception needs the line after that start too: a
// start line with a '|' may still turn into a table header (markdown-it's
// table rule looks one line ahead, and a table can interrupt a paragraph);
// a line without one cannot (the table rule requires a '|' in the header).
import type { Token } from 'markdown-it';

export interface TopLevelBlock {
  /** First source line of the block. */
  start: number;
  /** Line after the block's last line (markdown-it's map[1]). */
  end: number;
  /** Index of the block's opening token in the token stream. */
  tokenIndex: number;
}

export function topLevelBlocks(tokens: readonly Token[]): TopLevelBlock[] {
  const blocks: TopLevelBlock[] = [];
  tokens.forEach((token, tokenIndex) => {
    if (token.level === 0 && token.nesting !== -1 && token.block && token.map) {
      blocks.push({ start: token.map[0], end: token.map[1], tokenIndex });
    }
  });
  return blocks;
}

/** Offset of the first character of line `line` (source.length if past the end). */
export function lineOffset(source: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = source.indexOf('\n', offset);
    if (next === -1) return source.length;
    offset = next + 1;
  }
  return offset;
}

/**
 * How many complete lines from `line` on prove that the blocks before a block
 * starting at `line` are final: 2 when the line holds a '|' (see above), else 1.
 */
export function proofLineCount(source: string, starts: readonly number[], line: number): 1 | 2 {
  const start = starts[line] ?? source.length;
  const end = starts[line + 1] ?? source.length;
  const pipe = source.indexOf('|', start);
  return pipe !== -1 && pipe < end ? 2 : 1;
}

/** How many leading blocks are final (0 when none is); `starts` are the line starts of `source`. */
export function finalBlockCount(blocks: readonly TopLevelBlock[], source: string, starts: readonly number[]): number {
  const completeLines = starts.length - 1;
  for (let k = blocks.length - 1; k >= 1; k--) {
    const next = blocks[k] as TopLevelBlock;
    if (next.start + proofLineCount(source, starts, next.start) <= completeLines) return k;
  }
  return 0;
}

const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * True when the last code token of the stream is a fence still waiting for
 * its closing marker (only the plain-text fast path depends on this).
 */
export function endsInOpenFence(tokens: readonly Token[], source: string): boolean {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i] as Token;
    if (token.type === 'code_block') return false;
    if (token.type !== 'fence') continue;
    if (!token.map || token.map[1] - token.map[0] < 2) return true;
    const lastLineStart = lineOffset(source, token.map[1] - 1);
    const lastLineEnd = source.indexOf('\n', lastLineStart);
    const lastLine = source.slice(lastLineStart, lastLineEnd === -1 ? undefined : lastLineEnd);
    const closing = CLOSING_FENCE.exec(lastLine)?.[1];
    return !(closing && closing[0] === token.markup[0] && closing.length >= token.markup.length);
  }
  return false;
}
