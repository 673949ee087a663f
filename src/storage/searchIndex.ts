/**
 * The history's search index: per saved conversation, its history entry and
 * its texts lower-cased once, so a search keystroke reads no file and parses
 * nothing. The store fills it from disk the first time the history is listed
 * or searched, and keeps it current on every save, delete and rename.
 */
import type { Conversation, HistoryItem } from '../protocol/model';
import { matchSearchable, searchableTexts, searchTextsOf, type SearchableTexts } from './searchConversations';

export interface IndexEntry {
  item: HistoryItem;
  /** The texts as saved (strings do not change); absent for a file saved by a newer Parley: only its title is searched. */
  texts?: readonly string[];
  /** Lower-cased when read from disk, or on the first search after a save (not on every save of a streaming reply). */
  searchable?: SearchableTexts;
  /** The file's modification stamp when it was read; undefined when the entry comes from a save. */
  stamp?: string;
}

/** Newest first; equal times by id, so every listing orders them the same way. */
export function byNewest(a: HistoryItem, b: HistoryItem): number {
  return b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function historyItemOf(conversation: Conversation): HistoryItem {
  return { id: conversation.id, title: conversation.title, updatedAt: conversation.updatedAt, turnCount: conversation.turns.length };
}

export class SearchIndex {
  private readonly entries = new Map<string, IndexEntry>();

  /**
   * The entry of a conversation as it is now (its texts are copied out, so a
   * later change to the object does not change the entry); put() it once the
   * file holds this state.
   */
  entryOf(conversation: Conversation, stamp?: string): IndexEntry {
    const entry: IndexEntry = { item: historyItemOf(conversation), texts: searchTextsOf(conversation), stamp };
    // Read from disk (the history is being opened): prepared now, so the first keystroke is as quick as the next.
    if (stamp !== undefined) entry.searchable = searchableTexts(entry.texts ?? [], entry.item.title);
    return entry;
  }

  put(entry: IndexEntry): void {
    this.entries.set(entry.item.id, entry);
  }

  putNewer(item: HistoryItem, stamp?: string): void {
    this.entries.set(item.id, { item, stamp });
  }

  remove(id: string): void {
    this.entries.delete(id);
  }

  stampOf(id: string): string | undefined {
    return this.entries.get(id)?.stamp;
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  /** Every entry, newest first. */
  list(): HistoryItem[] {
    return [...this.entries.values()].map((e) => e.item).sort(byNewest);
  }

  /** The entries whose title or text contains `query` (case-insensitive), with a snippet, newest first. */
  search(query: string): HistoryItem[] {
    const needle = query.toLocaleLowerCase();
    const newerNeedle = query.toLowerCase();
    const items: HistoryItem[] = [];
    for (const entry of this.entries.values()) {
      const { item, texts } = entry;
      if (!texts) {
        if (item.title.toLowerCase().includes(newerNeedle)) items.push(item);
        continue;
      }
      entry.searchable ??= searchableTexts(texts, item.title);
      const found = matchSearchable(entry.searchable, needle);
      if (found === false) continue;
      items.push({ ...item, snippet: found });
    }
    return items.sort(byNewest);
  }
}
