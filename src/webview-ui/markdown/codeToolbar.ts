// The action bar above each code block. It is built with DOM APIs after
// sanitizing (the sanitizer admits no buttons), lazily (see LazyCodeToolbars);
// clicks are handled by the UI through event delegation on
// [data-action][data-code-index].
import type { CodeBlockAction, CodeBlockInfo } from './types';

export const CODE_BLOCK_ACTIONS: readonly { action: CodeBlockAction; icon: string }[] = [
  { action: 'copy', icon: 'codicon-copy' },
  { action: 'insert', icon: 'codicon-insert' },
  { action: 'replace', icon: 'codicon-replace' },
  { action: 'diff', icon: 'codicon-diff' },
  { action: 'newFile', icon: 'codicon-new-file' },
];

function toolbar(index: string, info: CodeBlockInfo | undefined, labels: Record<CodeBlockAction, string>): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'code-block-toolbar';
  const language = document.createElement('span');
  language.className = 'code-block-language';
  language.textContent = info?.language ?? '';
  bar.appendChild(language);
  const actions = document.createElement('div');
  actions.className = 'code-block-actions';
  for (const { action, icon } of CODE_BLOCK_ACTIONS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `code-block-action codicon ${icon}`;
    button.dataset.action = action;
    button.dataset.codeIndex = index;
    button.setAttribute('aria-label', labels[action]);
    button.title = labels[action];
    actions.appendChild(button);
  }
  bar.appendChild(actions);
  return bar;
}

/** Code blocks of a freshly sanitized fragment (the ones a view must give a toolbar). */
export function codeBlockElements(fragment: DocumentFragment): HTMLElement[] {
  return Array.from(fragment.querySelectorAll<HTMLElement>('div.code-block[data-code-index]'));
}

/** Code blocks among (and inside) `nodes`. */
export function codeBlocksIn(nodes: readonly Node[]): HTMLElement[] {
  const blocks: HTMLElement[] = [];
  for (const node of nodes) {
    if (!(node instanceof HTMLElement)) continue;
    if (node.matches('div.code-block[data-code-index]')) blocks.push(node);
    blocks.push(...node.querySelectorAll<HTMLElement>('div.code-block[data-code-index]'));
  }
  return blocks;
}

const UNBUILT = 'div.code-block[data-code-index]:not(.has-toolbar)';
const NEAR = '400px 0px';
/** Observed blocks beyond which those no longer in the document are forgotten. */
const PRUNE_AT = 256;

/**
 * Builds each code block's toolbar only when it is needed: when the block
 * comes near the viewport (IntersectionObserver), or when the pointer or the
 * focus reaches it. A reply of thousands of small code blocks then costs
 * toolbars only for the few on screen. The blocks of a message's pages (see
 * segmentPages.ts) are observed only while their page is near the viewport:
 * the browser's intersection work each frame is per page, not per block.
 */
export class LazyCodeToolbars {
  private readonly blocks: IntersectionObserver | undefined;
  private readonly pages: IntersectionObserver | undefined;
  /** Pages near the viewport (their unbuilt blocks are observed). */
  private readonly nearPages = new Set<Element>();
  /** How many code blocks are observed one by one (tests check it stays bounded). */
  private readonly observedBlocks = new Set<Element>();
  private pruneAt = PRUNE_AT;
  private readonly onPointer = (event: Event): void => {
    const block = event.target instanceof Element ? event.target.closest<HTMLElement>('div.code-block[data-code-index]') : null;
    if (block && this.root.contains(block)) this.build(block);
  };

  constructor(
    private readonly root: HTMLElement,
    private readonly labels: Record<CodeBlockAction, string>,
    private readonly info: (index: number) => CodeBlockInfo | undefined,
  ) {
    const supported = typeof IntersectionObserver === 'function';
    this.blocks = supported
      ? new IntersectionObserver((entries) => {
          for (const entry of entries) if (entry.isIntersecting) this.build(entry.target as HTMLElement);
        }, { rootMargin: NEAR })
      : undefined;
    this.pages = supported ? new IntersectionObserver((entries) => this.pagesMoved(entries), { rootMargin: NEAR }) : undefined;
    root.addEventListener('pointerover', this.onPointer);
    root.addEventListener('focusin', this.onPointer);
  }

  /** Watches code blocks that were just rendered outside the pages (the open tail). */
  watch(blocks: readonly HTMLElement[]): void {
    for (const block of blocks) this.observe(block);
  }

  /** Stops watching blocks one by one (they moved into a page, which watches them). */
  unwatch(blocks: readonly Element[]): void {
    for (const block of blocks) this.unobserve(block);
  }

  /** Watches a new page: its blocks are observed while it is near the viewport. */
  watchPage(page: HTMLElement): void {
    if (this.pages) this.pages.observe(page);
  }

  /** Blocks were put in `page`: observed now when the page is near (else once it comes near). */
  addedToPage(page: Element, blocks: readonly HTMLElement[]): void {
    if (!this.pages || this.nearPages.has(page)) for (const block of blocks) this.observe(block);
  }

  /** How many code blocks are observed one by one now. */
  get observedCount(): number {
    return this.observedBlocks.size;
  }

  /** Builds the toolbar of `block` now (no-op when it has one). */
  build(block: HTMLElement): void {
    this.unobserve(block);
    if (block.firstElementChild?.classList.contains('code-block-toolbar')) return;
    const index = block.dataset.codeIndex ?? '';
    block.insertBefore(toolbar(index, this.info(Number(index)), this.labels), block.firstChild);
    block.classList.add('has-toolbar');
  }

  dispose(): void {
    this.blocks?.disconnect();
    this.pages?.disconnect();
    this.nearPages.clear();
    this.observedBlocks.clear();
    this.root.removeEventListener('pointerover', this.onPointer);
    this.root.removeEventListener('focusin', this.onPointer);
  }

  private pagesMoved(entries: readonly IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const page = entry.target;
      const unbuilt = Array.from(page.querySelectorAll<HTMLElement>(UNBUILT));
      if (entry.isIntersecting) {
        this.nearPages.add(page);
        for (const block of unbuilt) this.observe(block);
      } else {
        this.nearPages.delete(page);
        for (const block of unbuilt) this.unobserve(block);
      }
    }
  }

  private observe(block: HTMLElement): void {
    if (!this.blocks) {
      this.build(block);
      return;
    }
    this.blocks.observe(block);
    this.observedBlocks.add(block);
    // Blocks of the open tail are rendered again and again: forget the ones no longer shown.
    if (this.observedBlocks.size > this.pruneAt) {
      for (const old of this.observedBlocks) if (!old.isConnected) this.unobserve(old);
      this.pruneAt = Math.max(PRUNE_AT, 2 * this.observedBlocks.size);
    }
  }

  private unobserve(block: Element): void {
    this.blocks?.unobserve(block);
    this.observedBlocks.delete(block);
  }
}
