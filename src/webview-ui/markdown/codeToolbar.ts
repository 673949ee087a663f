// The action bar above each code block. It is built with DOM APIs after
// sanitizing (the sanitizer admits no buttons); clicks are handled by the UI
// through event delegation on [data-action][data-code-index].
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

/**
 * Adds the toolbar to every code block in a freshly sanitized fragment.
 * `blocks` are the code blocks of that fragment, starting at `indexBase`.
 */
export function decorateCodeBlocks(
  fragment: DocumentFragment,
  blocks: readonly CodeBlockInfo[],
  indexBase: number,
  labels: Record<CodeBlockAction, string>,
): void {
  for (const block of fragment.querySelectorAll<HTMLElement>('div.code-block[data-code-index]')) {
    const index = block.dataset.codeIndex ?? '';
    block.insertBefore(toolbar(index, blocks[Number(index) - indexBase], labels), block.firstChild);
  }
}
