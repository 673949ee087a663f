/** Finds a query in a conversation's title and text and cuts a snippet around it. */
import type { Conversation } from '../protocol/model';

const CONTEXT = 60;

function snippetAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - CONTEXT);
  const end = Math.min(text.length, index + length + CONTEXT);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

/** The texts a search looks in, in the order it looks: per turn its display text, prompt, attachments and reply. */
export function searchTextsOf(conversation: Conversation): string[] {
  const texts: string[] = [];
  for (const turn of conversation.turns) {
    texts.push(turn.displayText ?? '', turn.prompt, ...(turn.attachments ?? []).flatMap((a) => [a.path, a.content]), turn.reply?.text ?? '');
  }
  return texts;
}

/** The texts and title prepared for searching: lower-cased once, searched on every keystroke. */
export interface SearchableTexts {
  texts: readonly string[];
  lowered: readonly string[];
  loweredTitle: string;
}

export function searchableTexts(texts: readonly string[], title: string): SearchableTexts {
  return { texts, lowered: texts.map((t) => t.toLocaleLowerCase()), loweredTitle: title.toLocaleLowerCase() };
}

/** findMatch on prepared texts; `needle` is the query lower-cased. */
export function matchSearchable(searchable: SearchableTexts, needle: string): string | false {
  const { texts, lowered } = searchable;
  for (const [i, low] of lowered.entries()) {
    const index = low.indexOf(needle);
    if (index >= 0) return snippetAround(texts[i] ?? '', index, needle.length);
  }
  return searchable.loweredTitle.includes(needle) ? '' : false;
}

/**
 * Returns a snippet of the first match in the texts (or '' when only the title
 * matches), or false when nothing matches. Case-insensitive. Lower-cases as it
 * goes, for one conversation searched once; the search index uses matchSearchable.
 */
export function findMatch(conversation: Conversation, query: string): string | false {
  const needle = query.toLocaleLowerCase();
  for (const text of searchTextsOf(conversation)) {
    const index = text.toLocaleLowerCase().indexOf(needle);
    if (index >= 0) return snippetAround(text, index, needle.length);
  }
  return conversation.title.toLocaleLowerCase().includes(needle) ? '' : false;
}
