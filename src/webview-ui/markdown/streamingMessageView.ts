// One streamed message. Finished top-level blocks are rendered once into
// "segments" whose DOM is kept; only the open tail is re-rendered, at most
// once per animation frame. finish() renders the tail as final, so the DOM
// then equals renderMarkdown(text) exactly.
import type { CodeBlockInfo, StreamingMessageView, StreamingMessageViewOptions } from './types';
import { createRenderEnv } from './markdownEngine';
import { endsInOpenFence, finalBlockCount, proofLineCount, topLevelBlocks, type TopLevelBlock } from './blocks';
import { markdownEngine, normalizeSource, partsFromHtml, renderSourceHtml, type References } from './renderPipeline';
import { ReferenceLedger, referenceCandidates, type LedgerEntry } from './referenceLedger';
import { lineStarts, offsetOfLine, placeParts, renderParts, type TailPart } from './tailParts';
import { animationFrameScheduler, budgetFrameScheduler, type FrameScheduler } from './frameSchedulers';
import { LazyCodeToolbars, codeBlocksIn } from './codeToolbar';
import { SegmentPages, type Paged } from './segmentPages';
import { FinishStepper } from './finishStepper';
import { MAX_UPDATE_BLOCKS, MAX_UPDATE_CHARS, updateEnd } from './updateWindow';
import { PlainRest, renderCutOffset } from './plainRest';
import { SourceText } from './sourceText';

interface Segment extends LedgerEntry, Paged {
  /** Source offsets where the segment starts and ends (the tail starts at the last one's end). */
  start: number;
  end: number;
  /** Source offset up to which text proved the segment final (Infinity after finish()). */
  proofEnd: number;
  codeBlocks: CodeBlockInfo[];
  /** data-code-index of its first code block. */
  codeIndexBase: number;
}

/** Committed segments' code blocks are watched through their page (see place()), not when sanitized. */
const ignoreCodeBlocks = (): void => undefined;

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

export class StreamingMarkdownView implements StreamingMessageView {
  readonly element: HTMLElement;
  private raw = '';
  private readonly source = new SourceText();
  private pendingCR = false;
  private segments: Segment[] = [];
  private ledger = new ReferenceLedger<Segment>();
  /** Code blocks in the segments (kept, not summed: a reply may have thousands of segments). */
  private committedCodeBlocks = 0;
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
  /** Past the render cap: where the plain text starts, and its element. */
  private plain: { from: number; rest: PlainRest } | undefined;
  /** "Show all" lifts the cap for this message. */
  private unlimited = false;
  private finished = false;
  /** finish() and "Show all": each step renders at most MAX_UPDATE_CHARS, the steps over frames within a budget. */
  private readonly finishing: FinishStepper;
  /** Where a bounded step over text before the render cut made no progress (the next one commits up to the cut at once). */
  private stalledAt: number | undefined;
  /** Where an update cut at MAX_UPDATE_BLOCKS committed nothing (one block with that many boundaries: the next one ignores them). */
  private windowStalledAt: number | undefined;
  private readonly watch = (blocks: readonly HTMLElement[]): void => this.toolbars.watch(blocks);
  private readonly pages: SegmentPages;

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
    this.unlimited = options.renderCap === false;
    this.finishing = new FinishStepper(options.finishScheduler ?? animationFrameScheduler, () => this.finishStep(), () => this.doneFinishing());
    this.toolbars = new LazyCodeToolbars(this.element, options.labels, (index) => this.codeBlock(index));
    this.pages = new SegmentPages(this.element, (page) => this.toolbars.watchPage(page));
  }

  append(delta: string): void {
    if (this.disposed || delta === '') return;
    this.raw += delta;
    let text = delta;
    if (this.pendingCR && text.startsWith('\n')) text = text.slice(1);
    this.pendingCR = delta.endsWith('\r');
    this.stopFinishing();
    this.reopenFinalSegment();
    this.source.append(normalizeSource(text));
    this.finished = false;
    this.schedule();
  }

  replace(text: string): void {
    if (this.disposed) return;
    this.stopFinishing();
    this.stalledAt = undefined;
    const source = normalizeSource(text);
    const keep = commonPrefixLength(this.source.toString(), source);
    while (this.segments.length > 0 && (this.segments.at(-1) as Segment).proofEnd > keep) this.popSegment();
    if (this.plain && keep < this.plain.from) this.removePlain();
    else this.plain?.rest.truncate(keep - this.plain.from);
    this.finished = false;
    this.raw = text;
    this.source.set(source);
    this.pendingCR = text.endsWith('\r');
    this.referencesVersion++;
    this.schedule();
  }

  /**
   * Renders the rest as final: at once when that is one bounded step, else
   * one step now and the others in the next animation frames (at most
   * FINISH_BUDGET_MS of steps per frame); aria-busy stays true until done.
   */
  finish(): void {
    if (this.disposed) return;
    if (this.frame !== undefined) this.scheduler.cancel(this.frame);
    this.frame = undefined;
    this.finishing.start();
  }

  /** True while finish() still has work for later frames. */
  get finishPending(): boolean {
    return this.finishing.pending;
  }

  /** One bounded step of finish(); true once everything is rendered as final. */
  private finishStep(): boolean {
    const tailFinal = this.rendered?.version === this.version && this.rendered.final;
    if (!tailFinal) {
      const start = this.committedEnd;
      const cut = this.plain || this.unlimited ? undefined : renderCutOffset(this.source, start, this.committedCodeBlocks);
      const window = this.plain ? this.source.length : updateEnd(this.source, start, this.windowStalledAt !== start);
      const bounded = (window < this.source.length || (cut !== undefined && window < cut)) && this.stalledAt !== start;
      this.flush(!bounded, true);
      // A step that committed nothing (one block longer than a step): the next one renders the rest at once.
      if (bounded && this.committedEnd === start && !this.plain && this.windowStalledAt !== start) this.stalledAt = start;
      if (bounded) return false;
    } else if (this.ledger.staleCount > 0) {
      this.renderStaleSegments('finishing');
      this.options.onRendered?.();
    }
    return this.ledger.staleCount === 0;
  }

  private doneFinishing(): void {
    this.finished = true;
    this.setBusy(false);
  }

  private stopFinishing(): void {
    this.finishing.stop();
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
    this.stopFinishing();
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
    this.popSegment();
    this.referencesVersion++;
  }

  private get committedEnd(): number {
    return this.segments.at(-1)?.end ?? 0;
  }

  /**
   * Renders what changed: at most MAX_UPDATE_CHARS of new source unless
   * `final` (then the whole rest, as final). `finishing`: a step of finish()
   * (it asks for no frame of its own; stale segments within a step's size).
   */
  private flush(final: boolean, finishing = false): void {
    if (!finishing && this.rendered?.version === this.version && (this.rendered.final || !final)) return;
    this.rendered = { version: this.version, final };
    const committedBefore = this.committedEnd;
    let start = committedBefore;
    const cut = this.plain || this.unlimited ? undefined : renderCutOffset(this.source, start, this.committedCodeBlocks);
    let limit: number | undefined;
    const byBlocks = this.windowStalledAt !== start;
    if (cut !== undefined && !final && updateEnd(this.source, start, byBlocks) < cut && this.stalledAt !== start) {
      // The render cap, but far ahead of what is rendered: get there in bounded updates.
      limit = cut;
    } else if (cut !== undefined) {
      // The render cap: what comes before the cut is rendered as final, the rest is plain text.
      this.clearTail();
      if (cut > start) this.commit(this.source.slice(start, cut), start, cut);
      this.startPlain(cut);
      start = cut;
    }
    const end = final || this.plain ? this.source.length : Math.min(updateEnd(this.source, start, byBlocks), limit ?? Infinity);
    const tail = this.plain ? '' : this.source.slice(start, end);
    if (this.plain) {
      this.plain.rest.sync(this.source, this.plain.from);
    } else if (final) {
      this.clearTail();
      if (tail !== '') this.commit(tail, start, Infinity);
    } else {
      this.renderOpenTail(tail, start);
      // Nothing committed in a window cut by its blocks: the next one is cut by characters only.
      if (byBlocks && end < this.source.length && this.committedEnd === start && updateEnd(this.source, start, false) > end) this.windowStalledAt = start;
      // Nothing committed before the cut: the next update commits up to it at once (one block, below the open-block limit).
      else if (limit !== undefined && this.committedEnd === start) this.stalledAt = start;
    }
    this.renderStaleSegments(final && !finishing ? 'final' : finishing ? 'finishing' : 'streaming');
    // More text than one update renders: the rest in the next one (finish() runs its own steps). When this
    // one committed nothing (one open block longer than an update), the next would render the same: it
    // waits for more text (or finish()); else a restore, which waits for the view to catch up, never would.
    const progress = this.committedEnd > committedBefore || (limit !== undefined && this.stalledAt === start) || (byBlocks && this.windowStalledAt === start);
    if (end < this.source.length && !finishing && progress) this.schedule();
    this.options.onRendered?.();
  }

  private renderOpenTail(tail: string, start: number): void {
    const env = createRenderEnv(this.committedCodeBlocks, this.ledger.known);
    const tokens = markdownEngine().parse(tail, env);
    const blocks = topLevelBlocks(tokens);
    const starts = lineStarts(tail);
    const finalCount = finalBlockCount(blocks, tail, starts);
    // The env inherits the known definitions: its own keys are the ones the tail makes.
    const ownReferences = Object.keys(env.references ?? {}).length > 0;
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
    const anchor = this.tailAnchor();
    // Final blocks become segments, one per block so replace() can keep as many as possible.
    const again: { text: string; start: number; proofEnd: number }[] = [];
    for (let j = 0, from = 0; j < finalCount; j++) {
      const part = parts[j] as TailPart;
      const to = offsetOfLine(starts, (blocks[j] as TopLevelBlock).end, tail.length);
      const nextStart = (blocks[j + 1] as TopLevelBlock).start;
      const proof = offsetOfLine(starts, nextStart + proofLineCount(tail, starts, nextStart), tail.length);
      if (ownReferences) {
        // The tail defines link references: render the block again with only those known so far.
        for (const node of part.nodes) node.parentNode?.removeChild(node);
        again.push({ text: tail.slice(from, to), start: start + from, proofEnd: start + proof });
      } else {
        const segment = this.pushSegment({ start: start + from, end: start + to, proofEnd: start + proof, nodes: part.nodes, codeBlocks: part.codeBlocks }, tail.slice(from, to), {});
        this.place(segment, anchor, true);
      }
      from = to;
    }
    if (again.length > 0) this.commitAll(again);
  }

  /** Renders `text` (starting at source offset `start`) as a final segment before the tail. */
  private commit(text: string, start: number, proofEnd: number): void {
    this.commitAll([{ text, start, proofEnd }]);
  }

  /** Renders pieces of source as final segments before the tail (each knowing the definitions of those before it). */
  private commitAll(pieces: readonly { text: string; start: number; proofEnd: number }[]): void {
    const rendered = pieces.map(({ text, start, proofEnd }) => {
      const result = renderSourceHtml(text, this.committedCodeBlocks, this.ledger.known);
      const segment = this.pushSegment({ start, end: start + text.length, proofEnd, nodes: [], codeBlocks: result.env.codeBlocks }, text, { ...(result.env.references ?? {}) });
      return { ...result, segment };
    });
    const anchor = this.tailAnchor();
    partsFromHtml(rendered, ignoreCodeBlocks).forEach((part, i) => {
      const segment = (rendered[i] as (typeof rendered)[number]).segment;
      segment.nodes = Array.from(part.fragment.childNodes);
      this.place(segment, anchor, false);
    });
  }

  /** The first node of the open tail (committed blocks go before it). */
  private tailAnchor(): Node | null {
    return this.tailParts.find((p) => p.nodes.length > 0)?.nodes[0] ?? null;
  }

  /** Puts a committed segment's nodes in its page; its code blocks are watched through the page (`fromTail`: they were watched one by one). */
  private place(segment: Segment, before: Node | null, fromTail: boolean): void {
    const blocks = segment.codeBlocks.length > 0 ? codeBlocksIn(segment.nodes) : [];
    if (fromTail) this.toolbars.unwatch(blocks);
    const page = this.pages.place(segment, before);
    if (blocks.length > 0) this.toolbars.addedToPage(page.element, blocks);
  }

  private pushSegment(
    fields: Pick<Segment, 'start' | 'end' | 'proofEnd' | 'nodes' | 'codeBlocks'>,
    text: string,
    definitions: References,
  ): Segment {
    const defined = this.ledger.newLabels(definitions);
    const segment: Segment = { ...fields, codeIndexBase: this.committedCodeBlocks, uses: referenceCandidates(text), defined, size: text.length };
    this.segments.push(segment);
    this.committedCodeBlocks += segment.codeBlocks.length;
    this.ledger.add(segment, definitions);
    if (defined.length > 0) this.referencesVersion++;
    return segment;
  }

  private popSegment(): void {
    const segment = this.segments.pop();
    if (!segment) return;
    this.pages.remove(segment);
    this.committedCodeBlocks -= segment.codeBlocks.length;
    this.ledger.remove(segment);
    if (segment.defined.length > 0) this.referencesVersion++;
  }

  /**
   * Renders again the committed segments that mention a label defined (or
   * taken back) after they were rendered: within the ledger's budget while
   * streaming, MAX_UPDATE_CHARS (and MAX_UPDATE_BLOCKS) of them in a step of finish(), all of them when 'final'.
   */
  private renderStaleSegments(mode: 'streaming' | 'finishing' | 'final'): void {
    // A segment that rendered nothing (definitions only) renders nothing again.
    const stale = this.ledger.takeStale(mode, MAX_UPDATE_CHARS, MAX_UPDATE_BLOCKS).filter((segment) => segment.nodes.length > 0);
    const rendered = stale.map((segment) => renderSourceHtml(this.source.slice(segment.start, segment.end), segment.codeIndexBase, this.ledger.known));
    partsFromHtml(rendered, ignoreCodeBlocks).forEach((part, i) => {
      const segment = stale[i] as Segment;
      const nodes = Array.from(part.fragment.childNodes);
      const anchor = segment.nodes[0] as Node;
      anchor.parentNode?.insertBefore(part.fragment, anchor);
      for (const node of segment.nodes) node.parentNode?.removeChild(node);
      if (segment.codeBlocks.length > 0) this.toolbars.unwatch(codeBlocksIn(segment.nodes));
      segment.nodes = nodes;
      segment.codeBlocks = part.codeBlocks;
      if (segment.page && part.codeBlocks.length > 0) this.toolbars.addedToPage(segment.page.element, codeBlocksIn(nodes));
    });
  }

  /** From `from` on the message is plain text (the render cap). */
  private startPlain(from: number): void {
    this.clearTail();
    const labels = this.options.limitLabels ?? { notice: 'The rest of this reply is shown as plain text.', showAll: 'Show all' };
    this.plain = { from, rest: new PlainRest(labels, () => this.showAll()) };
    this.element.appendChild(this.plain.rest.element);
  }

  private removePlain(): void {
    this.plain?.rest.element.remove();
    this.plain = undefined;
  }

  /** Renders the whole message as markdown, whatever its size (the user asked for it). */
  private showAll(): void {
    if (this.disposed) return;
    this.unlimited = true;
    this.removePlain();
    this.rendered = undefined;
    // Over frames, in bounded steps, like finish().
    if (this.finished || this.finishing.pending) this.finish();
    else this.schedule();
  }

  private clearTail(): void {
    for (const part of this.tailParts) for (const node of part.nodes) node.parentNode?.removeChild(node);
    this.tailParts = [];
  }
}
