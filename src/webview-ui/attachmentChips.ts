/**
 * The chips above the composer's input: one per attachment (file name, line
 * range, size; hover shows the path; × removes it) and, dimmed, the active
 * editor offered as a one-click suggestion.
 */
import type { AttachmentChip, ComposerState } from '../protocol/model';
import { h, iconButton } from './dom';
import { t } from './strings';
import { post } from './vscodeApi';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function rangeText(startLine: number | undefined, endLine: number | undefined): string | undefined {
  if (startLine === undefined || endLine === undefined) return undefined;
  return startLine === endLine ? t('attach.line', startLine) : t('attach.lines', startLine, endLine);
}

function chip(attachment: AttachmentChip): HTMLElement {
  const range = rangeText(attachment.startLine, attachment.endLine);
  const remove = iconButton('close', t('attach.remove', attachment.name), { class: 'icon-button chip-remove', 'data-chip-remove': attachment.id });
  remove.addEventListener('click', () => post({ type: 'attachmentRemove', id: attachment.id }));
  return h(
    'li',
    { class: 'chip', title: range ? `${attachment.path} · ${range}` : attachment.path, 'data-chip-id': attachment.id },
    h('span', { class: 'codicon codicon-file-code', 'aria-hidden': 'true' }),
    h('span', { class: 'chip-name' }, attachment.name),
    range ? h('span', { class: 'chip-range' }, range) : undefined,
    h('span', { class: 'chip-size' }, formatBytes(attachment.bytes)),
    remove,
  );
}

function suggestionChip(suggestion: NonNullable<ComposerState['suggestion']>): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'chip suggestion', title: suggestion.path, 'aria-label': t('attach.suggestion', suggestion.name), 'data-chip-suggestion': suggestion.path },
    h('span', { class: 'codicon codicon-add', 'aria-hidden': 'true' }),
    h('span', { class: 'chip-name' }, suggestion.name),
  );
  button.addEventListener('click', () => post({ type: 'attachSuggestion' }));
  return h('li', {}, button);
}

export class AttachmentChips {
  readonly element: HTMLElement;

  constructor() {
    this.element = h('ul', { class: 'chips', 'aria-label': t('attach.list') });
    this.element.hidden = true;
  }

  show(state: ComposerState): void {
    const items = state.attachments.map(chip);
    if (state.suggestion) items.push(suggestionChip(state.suggestion));
    this.element.replaceChildren(...items);
    this.element.hidden = items.length === 0;
  }
}
