// The open tail of a streamed message, one part per top-level block. A part
// whose source (and code index, and reference state) is unchanged since the
// last frame keeps its DOM; only changed parts are rendered again.
import type { Token } from 'markdown-it';
import type { CodeBlockInfo } from './types';
import type { RenderEnv } from './markdownEngine';
import type { TopLevelBlock } from './blocks';
import { markdownEngine, renderHtml, sanitizedToPart, type CodeBlockWatcher } from './renderPipeline';
import { sanitizeAll } from './sanitize';
import { patchTailInPlace } from './patchTail';
import { fenceTokenLanguage } from './markdownEngine';

export interface TailPart {
  /** Identity of what was rendered; undefined when the part must not be reused. */
  key: string | undefined;
  nodes: Node[];
  codeBlocks: CodeBlockInfo[];
  /** Set while the freshly rendered nodes are not yet in the document. */
  pending?: DocumentFragment;
  /** The (unsanitized) HTML the nodes were made from, and where the block starts. */
  html?: string;
  origin?: string;
  /** For an open fence rendered as plain text: where its code grows. */
  openFence?: { key: string; code: string; element: Element };
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
  /** Source offset of the tail in the whole message. */
  sourceOffset: number;
  previous: readonly TailPart[];
  /** Told about the code blocks of freshly rendered parts. */
  watch: CodeBlockWatcher;
}

export function renderParts(input: PartsInput): TailPart[] {
  const { tokens, blocks, env, source, starts, watch } = input;
  const reusable = new Map(input.previous.filter((p) => p.key !== undefined).map((p) => [p.key, p]));
  const parts: TailPart[] = [];
  const used = new Set<TailPart>();
  // HTML to sanitize, all in one DOMPurify call at the end, and what to do with each result.
  const toSanitize: string[] = [];
  const whenSanitized: ((fragment: DocumentFragment) => void)[] = [];
  let codeIndex = env.codeIndexBase;
  blocks.forEach((block, j) => {
    const plain = input.plainLast && j === blocks.length - 1;
    const text = source.slice(offsetOfLine(starts, block.start, source.length), offsetOfLine(starts, block.end, source.length));
    // A finished block renders the same with or without the newline that ends
    // its last line (an open fence does not: the newline is part of its code).
    const identity = plain ? `p|${text}` : `h|${text.replace(/\n$/, '')}`;
    const key = input.reuseSalt === undefined ? undefined : `${input.reuseSalt}|${codeIndex}|${identity}`;
    let part = key === undefined ? undefined : reusable.get(key);
    if (part && used.has(part)) part = undefined;
    if (part) {
      reusable.delete(key);
    } else if (plain && (part = growOpenFence(input, block, codeIndex, key, used))) {
      // The open fence only grew: its new code was appended as text.
    } else {
      const slice = tokens.slice(block.tokenIndex, blocks[j + 1]?.tokenIndex ?? tokens.length);
      const blockEnv: RenderEnv = { ...env, codeIndexBase: codeIndex, codeBlocks: [], plainCodeIndex: -1 };
      if (plain) {
        const codeTokens = slice.filter((t) => t.type === 'fence' || t.type === 'code_block').length;
        blockEnv.plainCodeIndex = codeIndex + codeTokens - 1;
      }
      const html = renderHtml(slice, blockEnv);
      const origin = `${input.reuseSalt}|${codeIndex}|${input.sourceOffset + offsetOfLine(starts, block.start, source.length)}`;
      const grown = input.previous.find((p) => p.origin === origin && p.html !== undefined && !used.has(p));
      // The toolbar (added after sanitizing) shows each block's language, which the HTML does not carry.
      const sameToolbars = grown !== undefined && languages(grown.codeBlocks) === languages(blockEnv.codeBlocks);
      const patch = input.reuseSalt !== undefined && grown && sameToolbars && patchTailInPlace(grown.nodes, grown.html as string, html);
      if (grown && patch) {
        // Only the end of the innermost last element changed: patched in place.
        Object.assign(grown, { key, html, codeBlocks: blockEnv.codeBlocks, openFence: undefined });
        part = grown;
        const pending = patch.pending;
        if (pending) {
          toSanitize.push(pending.html);
          whenSanitized.push((fragment) => pending.element.appendChild(fragment));
        }
      } else {
        const fresh: TailPart = { key, html, origin, nodes: [], codeBlocks: blockEnv.codeBlocks };
        part = fresh;
        const fence = openFenceKey(input, block, codeIndex);
        const content = tokens[block.tokenIndex]?.content ?? '';
        toSanitize.push(html);
        whenSanitized.push((fragment) => {
          const rendered = sanitizedToPart(fragment, blockEnv, watch);
          fresh.nodes = Array.from(rendered.fragment.childNodes);
          fresh.pending = rendered.fragment;
          const element = rendered.fragment.querySelector('.code-block pre > code');
          if (plain && fence && element) fresh.openFence = { key: fence, code: content, element };
        });
      }
    }
    parts.push(part);
    used.add(part);
    codeIndex += part.codeBlocks.length;
  });
  sanitizeAll(toSanitize).forEach((fragment, i) => (whenSanitized[i] as (fragment: DocumentFragment) => void)(fragment));
  return parts;
}

function languages(blocks: readonly CodeBlockInfo[]): string {
  return JSON.stringify(blocks.map((block) => block.language));
}

/** Identifies a top-level open fence across frames (undefined for any other block). */
function openFenceKey(input: PartsInput, block: TopLevelBlock, codeIndex: number): string | undefined {
  const token = input.tokens[block.tokenIndex];
  if (token?.type !== 'fence' || input.reuseSalt === undefined) return undefined;
  const start = input.sourceOffset + offsetOfLine(input.starts, block.start, input.source.length);
  return `${input.reuseSalt}|${codeIndex}|${start}|${token.markup}|${token.info}`;
}

/** Reuses last frame's open fence when the code only grew, appending the new text. */
function growOpenFence(
  input: PartsInput,
  block: TopLevelBlock,
  codeIndex: number,
  key: string | undefined,
  used: ReadonlySet<TailPart>,
): TailPart | undefined {
  const previous = input.previous.at(-1);
  if (previous && used.has(previous)) return undefined;
  const fence = previous?.openFence;
  const token = input.tokens[block.tokenIndex];
  if (!previous || !fence || !token || fence.key !== openFenceKey(input, block, codeIndex)) return undefined;
  if (!token.content.startsWith(fence.code)) return undefined;
  if (token.content.length > fence.code.length) fence.element.append(token.content.slice(fence.code.length));
  fence.code = token.content;
  previous.key = key;
  previous.html = undefined; // the DOM no longer matches the HTML it was made from
  previous.codeBlocks = [{ language: fenceTokenLanguage(markdownEngine(), token), code: token.content }];
  return previous;
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
