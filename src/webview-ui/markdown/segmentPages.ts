// The committed blocks of a message live in "pages": div.parley-page
// elements of at most PAGE_BLOCKS blocks (or about PAGE_CHARS of source),
// styled with content-visibility: auto (media/markdown.css). A reply of
// thousands of blocks is then a few hundred children for the browser's
// style, layout, paint and intersection work of every frame, and pages far
// from the viewport cost nothing at all; without pages each frame of a
// growing reply lays out every block again (~1 µs each: 30 ms at 26,000).
// Pages are containers only: with them unwrapped, the DOM is the whole render.

/** Blocks (segments) per page at most. */
export const PAGE_BLOCKS = 128;
/** Source characters per page: a page this full takes no more blocks. */
export const PAGE_CHARS = 32 * 1024;
/** Blocks per page even when the next ones all have a top margin (a reply of only headings). */
const PAGE_BLOCKS_HARD = 2 * PAGE_BLOCKS;

export const PAGE_CLASS = 'parley-page';

/** What a page holds: one committed block's nodes and its source length. */
export interface Paged {
  nodes: Node[];
  size: number;
  page?: Page;
}

export interface Page {
  element: HTMLElement;
  blocks: number;
  chars: number;
}

/**
 * A block whose first element has a top margin (headings, rules) never
 * starts a page: margins do not collapse across a page boundary (its
 * containment), so pages start only where the layout is the same either way.
 */
const TOP_MARGIN = /^(?:H[1-6]|HR)$/;

function startsWithTopMargin(nodes: readonly Node[]): boolean {
  const first = nodes.find((node) => node.nodeType === Node.ELEMENT_NODE) as Element | undefined;
  return first !== undefined && TOP_MARGIN.test(first.tagName);
}

export class SegmentPages {
  private pages: Page[] = [];

  constructor(
    private readonly root: HTMLElement,
    /** Told about each new page (the code toolbars watch it). */
    private readonly onPage: (page: HTMLElement) => void,
  ) {}

  /** How many pages there are. */
  get count(): number {
    return this.pages.length;
  }

  /**
   * Puts a newly committed block's nodes (the last block so far) at the end
   * of the last page, or of a new page inserted before `before` (the first
   * node after the committed blocks, or null).
   */
  place(block: Paged, before: Node | null): Page {
    let page = this.pages.at(-1);
    const full = page !== undefined && (page.blocks >= PAGE_BLOCKS || page.chars >= PAGE_CHARS);
    if (!page || (full && (!startsWithTopMargin(block.nodes) || page.blocks >= PAGE_BLOCKS_HARD))) {
      const element = document.createElement('div');
      element.className = PAGE_CLASS;
      this.root.insertBefore(element, before);
      page = { element, blocks: 0, chars: 0 };
      this.pages.push(page);
      this.onPage(element);
    }
    page.element.append(...block.nodes);
    page.blocks++;
    page.chars += block.size;
    block.page = page;
    return page;
  }

  /** Takes back the last committed block (its page goes when it empties). */
  remove(block: Paged): void {
    for (const node of block.nodes) node.parentNode?.removeChild(node);
    const page = block.page;
    block.page = undefined;
    if (!page) return;
    page.blocks--;
    page.chars -= block.size;
    if (page.blocks === 0 && this.pages.at(-1) === page) {
      this.pages.pop();
      page.element.remove();
    }
  }
}
