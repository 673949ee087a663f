// The hard cap on what one reply renders as markdown. Past the cap (see
// exceedsRenderLimits) the rest of the reply is shown as plain text, under a
// note with a "Show all" button; the text keeps growing cheaply while the
// reply streams.

/** Markdown rendered per reply at most (characters of source) before the rest is plain text. */
export const MARKDOWN_LIMIT_CHARS = 512 * 1024;
/**
 * An unfinished block (the open tail) longer than this is not parsed again on
 * every update: from there on the reply is plain text. Code fences are
 * exempt (their parse is cheap and linear, and a long file is a normal reply).
 */
export const OPEN_BLOCK_LIMIT_CHARS = 32 * 1024;

const FENCE_START = /^ {0,3}(?:`{3,}|~{3,})/;

/** True when the text from `start` on (the open `tail`) should be shown as plain text. */
export function exceedsRenderLimits(start: number, tail: string): boolean {
  if (start >= MARKDOWN_LIMIT_CHARS) return true;
  return tail.length > OPEN_BLOCK_LIMIT_CHARS && !FENCE_START.test(tail);
}

export interface PlainRestLabels {
  /** Says the rest is shown as plain text. */
  notice: string;
  showAll: string;
}

export class PlainRest {
  readonly element: HTMLElement;
  private readonly text: Text;

  constructor(labels: PlainRestLabels, onShowAll: () => void) {
    this.text = document.createTextNode('');
    const pre = document.createElement('pre');
    pre.className = 'parley-plain-text';
    pre.appendChild(this.text);
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
    this.element.append(note, pre);
  }

  /** Shows `rest` (usually what was shown plus new text: then only that is appended). */
  show(rest: string): void {
    const shown = this.text.data;
    if (rest.length >= shown.length && rest.startsWith(shown)) this.text.appendData(rest.slice(shown.length));
    else this.text.data = rest;
  }
}
