// The hard cap on what one reply renders as markdown. Past the cap (see
// renderCutOffset) the rest of the reply is shown as plain text, under a
// note with a "Show all" button; the text keeps growing cheaply while the
// reply streams.
import type { SourceLike } from './sourceText';

/** Markdown rendered per reply at most (characters of source) before the rest is plain text. */
export const MARKDOWN_LIMIT_CHARS = 512 * 1024;
/**
 * Code blocks rendered per reply at most before the rest is plain text: each
 * is highlighted and sanitized and has a toolbar, and 512 KB of tiny ones
 * (~28,000) make a DOM whose layout and garbage collection cost 50–100 ms
 * frames while the reply is restored.
 */
export const MARKDOWN_LIMIT_CODE_BLOCKS = 2000;
/**
 * An unfinished block (the open tail) longer than this is not parsed again on
 * every update: from there on the reply is plain text. Code fences are
 * exempt (their parse is cheap and linear, and a long file is a normal reply).
 */
export const OPEN_BLOCK_LIMIT_CHARS = 32 * 1024;

const FENCE_LINE = /^ {0,3}(?:`{3,}|~{3,})/gm;

/** True when `text` ends inside a code fence (an odd number of fence lines; approximate, and only asked of long tails). */
function endsInsideFence(text: string): boolean {
  let count = 0;
  for (FENCE_LINE.lastIndex = 0; FENCE_LINE.exec(text) !== null; ) count++;
  return count % 2 === 1;
}

/**
 * Where the rest of `source` becomes plain text, given that everything
 * before `start` is rendered already (with `codeBlocks` code blocks in it);
 * undefined while within the limits. The cut falls after a blank line where
 * possible: past MARKDOWN_LIMIT_CHARS, or before an unfinished block (the
 * text after the last blank line, unless it is a code fence) longer than
 * OPEN_BLOCK_LIMIT_CHARS; at `start` once MARKDOWN_LIMIT_CODE_BLOCKS are rendered.
 */
export function renderCutOffset(source: SourceLike, start: number, codeBlocks = 0): number | undefined {
  if (codeBlocks >= MARKDOWN_LIMIT_CODE_BLOCKS && start < source.length) return start;
  if (source.length > MARKDOWN_LIMIT_CHARS) {
    if (start >= MARKDOWN_LIMIT_CHARS) return start;
    const blank = source.lastIndexOf('\n\n', MARKDOWN_LIMIT_CHARS - 2);
    return blank >= start ? blank + 2 : MARKDOWN_LIMIT_CHARS;
  }
  if (source.length - start <= OPEN_BLOCK_LIMIT_CHARS) return undefined;
  const blank = source.lastIndexOf('\n\n');
  const openStart = blank >= start ? blank + 2 : start;
  if (source.length - openStart <= OPEN_BLOCK_LIMIT_CHARS || endsInsideFence(source.slice(start))) return undefined;
  return openStart;
}

export interface PlainRestLabels {
  /** Says the rest is shown as plain text. */
  notice: string;
  showAll: string;
}

/**
 * The plain text is kept in blocks of about this size: appending lays out
 * the last block only (a 16 KB block took ~10 ms to lay out again, 4 KB ~2 ms).
 */
export const BLOCK_CHARS = 4 * 1024;
/**
 * Blocks are grouped by this many in a chunk (content-visibility: auto in
 * markdown.css): chunks far from the viewport are not laid out, and the
 * browser tracks one chunk, not each block, for that.
 */
export const CHUNK_BLOCKS = 16;

export class PlainRest {
  readonly element: HTMLElement;
  private readonly pre: HTMLElement;
  private blocks: Text[] = [];
  private length = 0;

  constructor(labels: PlainRestLabels, onShowAll: () => void) {
    this.pre = document.createElement('div');
    this.pre.className = 'parley-plain-text';
    const note = document.createElement('div');
    note.className = 'parley-plain-note';
    note.setAttribute('role', 'note');
    const message = document.createElement('span');
    message.textContent = labels.notice;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'text-button parley-show-all';
    button.textContent = labels.showAll;
    button.addEventListener('click', onShowAll);
    note.append(message, button);
    this.element = document.createElement('div');
    this.element.className = 'parley-plain-rest';
    this.element.append(note, this.pre);
  }

  /** Shows `source` from `from` on, appending only what is new (the caller truncates on rewrites). */
  sync(source: SourceLike, from: number): void {
    let at = from + this.length;
    while (at < source.length) {
      let last = this.blocks.at(-1);
      if (!last || last.length >= BLOCK_CHARS) {
        last = document.createTextNode('');
        const block = document.createElement('div');
        block.appendChild(last);
        if (this.blocks.length % CHUNK_BLOCKS === 0) this.pre.appendChild(document.createElement('div'));
        (this.pre.lastChild as HTMLElement).appendChild(block);
        this.blocks.push(last);
      }
      // Fill the block up to BLOCK_CHARS, ending after a line end when one is near.
      let end = Math.min(source.length, at + BLOCK_CHARS - last.length);
      if (end < source.length) {
        const newline = source.lastIndexOf('\n', end - 1);
        if (newline >= at && newline >= end - 512) end = newline + 1;
      }
      last.appendData(source.slice(at, end));
      this.length += end - at;
      at = end;
    }
  }

  /** Keeps only the first `length` characters (the text was rewritten after them). */
  truncate(length: number): void {
    while (this.length > length) {
      const last = this.blocks.at(-1) as Text;
      const cut = Math.min(last.length, this.length - length);
      last.deleteData(last.length - cut, cut);
      this.length -= cut;
      if (last.length === 0) {
        const block = last.parentNode as HTMLElement;
        const chunk = block.parentNode as HTMLElement;
        block.remove();
        if (!chunk.firstChild) chunk.remove();
        this.blocks.pop();
      }
    }
  }
}
