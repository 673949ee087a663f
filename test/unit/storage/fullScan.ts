/**
 * The history search as it was before the index: read and parse every file
 * in the directory, then look for the query in each conversation. The peer the
 * index is checked against (property test) and measured against (bench).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { HistoryItem } from '../../../src/protocol/model';
import { parseConversationFile } from '../../../src/storage/conversationFile';
import { findMatch } from '../../../src/storage/searchConversations';
import { byNewest, historyItemOf } from '../../../src/storage/searchIndex';

export async function fullScan(directory: string, query: string): Promise<HistoryItem[]> {
  const needle = query.trim();
  const items: HistoryItem[] = [];
  for (const name of (await fs.readdir(directory)).filter((n) => /^[A-Za-z0-9_-]{1,100}\.json$/.test(n))) {
    const id = name.slice(0, -'.json'.length);
    const parsed = parseConversationFile(await fs.readFile(path.join(directory, name), 'utf8'), id);
    if (!parsed.ok) {
      if (!('newer' in parsed)) continue;
      const title = parsed.newer.title ?? id;
      if (needle === '' || title.toLowerCase().includes(needle.toLowerCase())) {
        items.push({ id, title, updatedAt: parsed.newer.updatedAt ?? 0, turnCount: 0, savedByNewerVersion: true });
      }
      continue;
    }
    const item = historyItemOf(parsed.conversation);
    if (needle === '') {
      items.push(item);
      continue;
    }
    const found = findMatch(parsed.conversation, needle);
    if (found !== false) items.push({ ...item, snippet: found });
  }
  return items.sort(byNewest);
}
