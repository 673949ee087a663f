// Which leading top-level blocks of a streamed markdown source are final.
//
// A top-level block is final once a later top-level block has started on a
// complete line and the line after that start is complete too: nothing that
// can still be appended changes how the earlier block ended (a paragraph, a
// list or a table only ends when a later line does not continue it; the
// longest lookahead a markdown-it terminator needs is one line, for tables).
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

/** How many leading blocks are final (0 when none is). */
export function finalBlockCount(blocks: readonly TopLevelBlock[], completeLines: number): number {
  for (let k = blocks.length - 1; k >= 1; k--) {
    const next = blocks[k] as TopLevelBlock;
    if (next.start + 2 <= completeLines) return k;
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
