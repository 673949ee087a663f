// One streamed message. Finished top-level blocks are rendered once into
// "segments" whose DOM is kept; only the open tail is re-rendered, at most
// once per animation frame. finish() renders the tail as final, so the DOM
// then equals renderMarkdown(text) exactly.
import type { CodeBlockInfo, StreamingMessageView, StreamingMessageViewOptions } from './types';
import { createRenderEnv } from './markdownEngine';
import { endsInOpenFence, finalBlockCount, proofLineCount, topLevelBlocks, type TopLevelBlock } from './blocks';
import { markdownEngine, normalizeSource, renderSource, type References } from './renderPipeline';
import { lineStarts, offsetOfLine, placeParts, renderParts, type TailPart } from './tailParts';
import { budgetFrameScheduler, type FrameScheduler } from './frameSchedulers';
import { LazyCodeToolbars } from './codeToolbar';

interface Segment {
  /** Source offset where the segment ends (the tail starts here). */
  end: number;
  /** Source offset up to which text proved the segment final (Infinity after finish()). */
  proofEnd: number;
  nodes: Node[];
  codeBlocks: CodeBlockInfo[];
  /** References known after this segment. */
  references: References;
}

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

export class StreamingMarkdownView implements StreamingMessageView {
  readonly element: HTMLElement;
  private raw = '';
  private source = '';
  private pendingCR = false;
  private segments: Segment[] = [];
  private tailParts: TailPart[] = [];
  /** Changes whenever the committed link references may have changed (reuse keys include it). */
  private referencesVersion = 0;
  /** Bumped on every change; flush() skips work when the DOM already shows this version. */
  private version = 0;
  private rendered: { version: number; final: boolean } | undefined;
  private frame: number | undefined;
  private disposed = false;
  private busy = false;
  private readonly toolbars: LazyCodeToolbars;
  private readonly watch = (blocks: readonly HTMLElement[]): void => this.toolbars.watch(blocks);

  constructor(
    container: HTMLElement,
    private readonly options: StreamingMessageViewOptions,
    private readonly scheduler: FrameScheduler = budgetFrameScheduler(),
  ) {
    this.element = document.createElement('div');
    this.element.className = 'parley-markdown';
    // Announced politely, and only once the stream settles (aria-busy).
    this.element.setAttribute('aria-live', 'polite');
    this.element.setAttribute('aria-atomic', 'false');
    this.element.setAttribute('aria-busy', 'false');
    container.appendChild(this.element);
    this.toolbars = new LazyCodeToolbars(this.element, options.labels, (index) => this.codeBlock(index));
  }

  append(delta: string): void {
    if (this.disposed || delta === '') return;
    this.raw += delta;
    let text = delta;
    if (this.pendingCR && text.startsWith('\n')) text = text.slice(1);
    this.pendingCR = delta.endsWith('\r');
    this.reopenFinalSegment();
    this.source += normalizeSource(text);
    this.schedule();
  }

  replace(text: string): void {
    if (this.disposed) return;
    const source = normalizeSource(text);
    const keep = commonPrefixLength(this.source, source);
    while (this.segments.length > 0 && (this.segments.at(-1) as Segment).proofEnd > keep) {
      for (const node of (this.segments.pop() as Segment).nodes) node.parentNode?.removeChild(node);
    }
    this.raw = text;
    this.source = source;
    this.pendingCR = text.endsWith('\r');
    this.referencesVersion++;
    this.schedule();
  }

  finish(): void {
    if (this.disposed) return;
    if (this.frame !== undefined) this.scheduler.cancel(this.frame);
    this.frame = undefined;
    this.flush(true);
    this.setBusy(false);
  }

  text(): string {
    return this.raw;
  }

  codeBlock(index: number): CodeBlockInfo | undefined {
    for (const segment of this.segments) {
      if (index < segment.codeBlocks.length) return segment.codeBlocks[index];
      index -= segment.codeBlocks.length;
    }
    for (const part of this.tailParts) {
      if (index < part.codeBlocks.length) return part.codeBlocks[index];
      index -= part.codeBlocks.length;
    }
    return undefined;
  }

  dispose(): void {
    if (this.frame !== undefined) this.scheduler.cancel(this.frame);
    this.frame = undefined;
    this.disposed = true;
    this.toolbars.dispose();
    this.element.remove();
  }

  private schedule(): void {
    this.version++;
    this.setBusy(true);
    if (this.frame !== undefined) return;
    this.frame = this.scheduler.request(() => {
      this.frame = undefined;
      if (!this.disposed) this.flush(false);
    });
  }

  /** Sets aria-busy only when it changes (append() runs for every chunk). */
  private setBusy(busy: boolean): void {
    if (this.busy === busy) return;
    this.busy = busy;
    this.element.setAttribute('aria-busy', String(busy));
  }

  /** A finished message that receives more text is streaming again: its last segment is the tail once more. */
  private reopenFinalSegment(): void {
    const last = this.segments.at(-1);
    if (last?.proofEnd !== Infinity) return;
    this.segments.pop();
    for (const node of last.nodes) node.parentNode?.removeChild(node);
    this.referencesVersion++;
  }

  private get committedEnd(): number {
    return this.segments.at(-1)?.end ?? 0;
  }

  private get committedCodeBlocks(): number {
    return this.segments.reduce((sum, segment) => sum + segment.codeBlocks.length, 0);
  }

  private flush(final: boolean): void {
    if (this.rendered?.version === this.version && (this.rendered.final || !final)) return;
    this.rendered = { version: this.version, final };
    const start = this.committedEnd;
    const tail = this.source.slice(start);
    const references = this.segments.at(-1)?.references;
    if (final) {
      this.clearTail();
      if (tail !== '') this.commit(tail, start, Infinity);
    } else {
      this.renderOpenTail(tail, start, references);
    }
    this.options.onRendered?.();
  }

  private renderOpenTail(tail: string, start: number, references: References | undefined): void {
    const env = createRenderEnv(this.committedCodeBlocks, references);
    const tokens = markdownEngine().parse(tail, env);
    const blocks = topLevelBlocks(tokens);
    const starts = lineStarts(tail);
    const finalCount = finalBlockCount(blocks, tail, starts);
    const ownReferences = Object.keys(env.references ?? {}).length !== Object.keys(references ?? {}).length;
    const previous = this.tailParts;
    const parts = renderParts({
      tokens,
      blocks,
      env,
      source: tail,
      starts,
      plainLast: endsInOpenFence(tokens, tail),
      reuseSalt: ownReferences ? undefined : String(this.referencesVersion),
      sourceOffset: start,
      previous,
      watch: this.watch,
    });
    placeParts(this.element, previous, parts);
    this.tailParts = parts.slice(finalCount);
    // Final blocks become segments, one per block so replace() can keep as many as possible.
    for (let j = 0, from = 0; j < finalCount; j++) {
      const part = parts[j] as TailPart;
      const to = offsetOfLine(starts, (blocks[j] as TopLevelBlock).end, tail.length);
      const nextStart = (blocks[j + 1] as TopLevelBlock).start;
      const proof = offsetOfLine(starts, nextStart + proofLineCount(tail, starts, nextStart), tail.length);
      if (ownReferences) {
        // The tail defines link references: render the block again with only those known so far.
        for (const node of part.nodes) node.parentNode?.removeChild(node);
        this.commit(tail.slice(from, to), start + from, start + proof);
      } else {
        this.segments.push({ end: start + to, proofEnd: start + proof, nodes: part.nodes, codeBlocks: part.codeBlocks, references: references ?? {} });
      }
      from = to;
    }
  }

  /** Renders `text` (starting at source offset `start`) as a final segment before the tail. */
  private commit(text: string, start: number, proofEnd: number): void {
    const before = this.segments.at(-1)?.references ?? {};
    let part = renderSource(text, this.watch, this.committedCodeBlocks, before);
    const learnedReference = Object.keys(part.references).some((label) => !(label in before));
    if (learnedReference) this.referencesVersion++;
    if (learnedReference && this.segments.length > 0) {
      // A new link reference definition may change earlier blocks: render
      // everything committed so far again, as one segment.
      for (const segment of this.segments.splice(0)) {
        for (const node of segment.nodes) node.parentNode?.removeChild(node);
      }
      part = renderSource(this.source.slice(0, start + text.length), this.watch);
    }
    const segment: Segment = {
      end: start + text.length,
      proofEnd,
      nodes: Array.from(part.fragment.childNodes),
      codeBlocks: part.codeBlocks,
      references: part.references,
    };
    this.element.insertBefore(part.fragment, this.tailParts.find((p) => p.nodes.length > 0)?.nodes[0] ?? null);
    this.segments.push(segment);
  }

  private clearTail(): void {
    for (const part of this.tailParts) for (const node of part.nodes) node.parentNode?.removeChild(node);
    this.tailParts = [];
  }
}
