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

/**
 * Builds each code block's toolbar only when it is needed: when the block
 * comes near the viewport (IntersectionObserver), or when the pointer or the
 * focus reaches it. A reply of thousands of small code blocks then costs
 * toolbars only for the few on screen.
 */
export class LazyCodeToolbars {
  private readonly observer: IntersectionObserver | undefined;
  private readonly onPointer = (event: Event): void => {
    const block = event.target instanceof Element ? event.target.closest<HTMLElement>('div.code-block[data-code-index]') : null;
    if (block && this.root.contains(block)) this.build(block);
  };

  constructor(
    private readonly root: HTMLElement,
    private readonly labels: Record<CodeBlockAction, string>,
    private readonly info: (index: number) => CodeBlockInfo | undefined,
  ) {
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => {
            for (const entry of entries) if (entry.isIntersecting) this.build(entry.target as HTMLElement);
          }, { rootMargin: '400px 0px' })
        : undefined;
    root.addEventListener('pointerover', this.onPointer);
    root.addEventListener('focusin', this.onPointer);
  }

  /** Watches code blocks that were just rendered. */
  watch(blocks: readonly HTMLElement[]): void {
    for (const block of blocks) {
      if (this.observer) this.observer.observe(block);
      else this.build(block);
    }
  }

  /** Builds the toolbar of `block` now (no-op when it has one). */
  build(block: HTMLElement): void {
    this.observer?.unobserve(block);
    if (block.firstElementChild?.classList.contains('code-block-toolbar')) return;
    const index = block.dataset.codeIndex ?? '';
    block.insertBefore(toolbar(index, this.info(Number(index)), this.labels), block.firstChild);
    block.classList.add('has-toolbar');
  }

  dispose(): void {
    this.observer?.disconnect();
    this.root.removeEventListener('pointerover', this.onPointer);
    this.root.removeEventListener('focusin', this.onPointer);
  }
}
