// The open tail of a streamed message, one part per top-level block. A part
// whose source (and code index, and reference state) is unchanged since the
// last frame keeps its DOM; only changed parts are rendered again.
import type { Token } from 'markdown-it';
import type { CodeBlockAction, CodeBlockInfo } from './types';
import type { RenderEnv } from './markdownEngine';
import type { TopLevelBlock } from './blocks';
import { renderTokens } from './renderPipeline';

export interface TailPart {
  /** Identity of what was rendered; undefined when the part must not be reused. */
  key: string | undefined;
  nodes: Node[];
  codeBlocks: CodeBlockInfo[];
  /** Set while the freshly rendered nodes are not yet in the document. */
  pending?: DocumentFragment;
}

/** Offsets of each line start in `source` (one more entry than there are newlines). */
export function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function offsetOfLine(starts: readonly number[], line: number, length: number): number {
  return starts[line] ?? length;
}

export interface PartsInput {
  tokens: Token[];
  blocks: readonly TopLevelBlock[];
  env: RenderEnv;
  source: string;
  starts: readonly number[];
  /** Render the last block's code as plain text (an open fence). */
  plainLast: boolean;
  /** Salt for the reuse keys; undefined disables reuse (the tail defines link references). */
  reuseSalt: string | undefined;
  previous: readonly TailPart[];
  labels: Record<CodeBlockAction, string>;
}

export function renderParts(input: PartsInput): TailPart[] {
  const { tokens, blocks, env, source, starts, labels } = input;
  const reusable = new Map(input.previous.filter((p) => p.key !== undefined).map((p) => [p.key, p]));
  const parts: TailPart[] = [];
  let codeIndex = env.codeIndexBase;
  blocks.forEach((block, j) => {
    const plain = input.plainLast && j === blocks.length - 1;
    const text = source.slice(offsetOfLine(starts, block.start, source.length), offsetOfLine(starts, block.end, source.length));
    const key = input.reuseSalt === undefined ? undefined : `${input.reuseSalt}|${codeIndex}|${plain ? 'p' : 'h'}|${text}`;
    let part = key === undefined ? undefined : reusable.get(key);
    if (part) {
      reusable.delete(key);
    } else {
      const slice = tokens.slice(block.tokenIndex, blocks[j + 1]?.tokenIndex ?? tokens.length);
      const blockEnv: RenderEnv = { ...env, codeIndexBase: codeIndex, codeBlocks: [], plainCodeIndex: -1 };
      if (plain) {
        const codeTokens = slice.filter((t) => t.type === 'fence' || t.type === 'code_block').length;
        blockEnv.plainCodeIndex = codeIndex + codeTokens - 1;
      }
      const rendered = renderTokens(slice, blockEnv, labels);
      part = { key, nodes: Array.from(rendered.fragment.childNodes), codeBlocks: rendered.codeBlocks, pending: rendered.fragment };
    }
    parts.push(part);
    codeIndex += part.codeBlocks.length;
  });
  return parts;
}

/** Updates the DOM from `previous` to `parts` (the tail is the last children of `element`). */
export function placeParts(element: HTMLElement, previous: readonly TailPart[], parts: readonly TailPart[]): void {
  const kept = new Set(parts);
  for (const part of previous) {
    if (!kept.has(part)) for (const node of part.nodes) node.parentNode?.removeChild(node);
  }
  let anchor: Node | null = null;
  for (let j = parts.length - 1; j >= 0; j--) {
    const part = parts[j] as TailPart;
    if (part.pending) {
      element.insertBefore(part.pending, anchor);
      part.pending = undefined;
    }
    anchor = part.nodes[0] ?? anchor;
  }
}
