/**
 * A question's attachments in the user's bubble: one collapsed block each,
 * the path and line range as its summary and the content as plain text —
 * never parsed as markdown or HTML (textContent only: a file can hold hostile text too).
 */
import type { Attachment } from '../protocol/model';
import { rangeText } from './attachmentChips';
import { h } from './dom';
import { t } from './strings';

export function attachmentBlock(attachments: readonly Attachment[] | undefined): HTMLElement | undefined {
  if (!attachments?.length) return undefined;
  return h(
    'div',
    { class: 'question-attachments', 'aria-label': t('attach.shown') },
    ...attachments.map((attachment) => {
      const range = rangeText(attachment.startLine, attachment.endLine);
      const code = h('code', {});
      code.textContent = attachment.content;
      return h(
        'details',
        { class: 'attachment', 'data-attachment-path': attachment.path },
        h(
          'summary',
          { title: attachment.path },
          h('span', { class: 'codicon codicon-chevron-right attachment-chevron', 'aria-hidden': 'true' }),
          h('span', { class: 'codicon codicon-file-code', 'aria-hidden': 'true' }),
          h('span', { class: 'attachment-path' }, attachment.path),
          range ? h('span', { class: 'chip-range' }, range) : undefined,
        ),
        h('pre', { class: 'attachment-content' }, code),
      );
    }),
  );
}
