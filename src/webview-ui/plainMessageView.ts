/**
 * TEMPORARY stand-in for the markdown renderer (src/webview-ui/markdown/),
 * implementing the same StreamingMessageView contract with plain text: fenced
 * code blocks become <pre> with the action buttons, everything else is text.
 * Swapped for the real renderer in messageViewFactory.ts.
 */
import type {
  CodeBlockAction,
  CodeBlockInfo,
  StreamingMessageView,
  StreamingMessageViewOptions,
} from './markdown/types';

const ACTIONS: CodeBlockAction[] = ['copy', 'insert', 'replace', 'diff', 'newFile'];
const FENCE = /^```([^\n`]*)\n([\s\S]*?)(?:^```[ \t]*$|(?![\s\S]))/gm;

export function createStreamingMessageView(
  container: HTMLElement,
  options: StreamingMessageViewOptions,
): StreamingMessageView {
  const element = document.createElement('div');
  element.className = 'message-text plain';
  container.append(element);
  let source = '';
  let blocks: CodeBlockInfo[] = [];
  let frame: number | undefined;

  function render(): void {
    frame = undefined;
    element.replaceChildren();
    blocks = [];
    let last = 0;
    for (const match of source.matchAll(FENCE)) {
      appendText(source.slice(last, match.index));
      const info = { language: (match[1] ?? '').trim().split(/\s+/)[0] ?? '', code: (match[2] ?? '').replace(/\n$/, '') };
      appendCode(info, blocks.length);
      blocks.push(info);
      last = match.index + match[0].length;
    }
    appendText(source.slice(last));
    options.onRendered?.();
  }

  function appendText(text: string): void {
    if (text.trim() === '') return;
    const p = document.createElement('div');
    p.className = 'plain-text';
    p.textContent = text;
    element.append(p);
  }

  function appendCode(info: CodeBlockInfo, index: number): void {
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    const bar = document.createElement('div');
    bar.className = 'code-actions';
    for (const action of ACTIONS) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.action = action;
      button.dataset.codeIndex = String(index);
      button.textContent = options.labels[action];
      bar.append(button);
    }
    const pre = document.createElement('pre');
    const code = document.createElement('code');
    code.textContent = info.code;
    pre.append(code);
    wrapper.append(bar, pre);
    element.append(wrapper);
  }

  function schedule(): void {
    if (frame === undefined) frame = requestAnimationFrame(render);
  }

  return {
    element,
    append(delta) {
      source += delta;
      schedule();
    },
    replace(text) {
      source = text;
      schedule();
    },
    finish() {
      if (frame !== undefined) cancelAnimationFrame(frame);
      render();
    },
    text: () => source,
    codeBlock: (index) => blocks[index],
    dispose() {
      if (frame !== undefined) cancelAnimationFrame(frame);
      element.remove();
    },
  };
}
