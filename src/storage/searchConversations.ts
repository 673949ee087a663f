/** Finds a query in a conversation's title and text and cuts a snippet around it. */
import type { Conversation } from '../protocol/model';

const CONTEXT = 60;

function snippetAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - CONTEXT);
  const end = Math.min(text.length, index + length + CONTEXT);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

/**
 * Returns a snippet of the first match in the texts (or '' when only the title
 * matches), or false when nothing matches. Case-insensitive.
 */
export function findMatch(conversation: Conversation, query: string): string | false {
  const needle = query.toLocaleLowerCase();
  const texts: string[] = [];
  for (const turn of conversation.turns) {
    texts.push(turn.displayText ?? '', turn.prompt, ...(turn.attachments ?? []).flatMap((a) => [a.path, a.content]), turn.reply?.text ?? '');
  }
  for (const text of texts) {
    const index = text.toLocaleLowerCase().indexOf(needle);
    if (index >= 0) return snippetAround(text, index, needle.length);
  }
  return conversation.title.toLocaleLowerCase().includes(needle) ? '' : false;
}
