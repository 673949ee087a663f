/**
 * Conversations on disk: one JSON file per conversation in one directory,
 * written atomically, validated when read. A file that does not parse is
 * renamed aside (`<id>.corrupt-<ts>.json`) and reported; the others still load.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Conversation, HistoryItem } from '../protocol/model';
import { writeFileAtomic } from './atomicWrite';
import { parseConversationFile, serializeConversation } from './conversationFile';
import { findMatch } from './searchConversations';
import { withRedactedErrors } from './replyErrors';

export interface SetAsideFile {
  file: string;
  movedTo: string;
  reason: string;
}

export interface ListResult {
  /** Newest first. */
  items: HistoryItem[];
  /** Files found corrupt during this call and renamed aside. */
  setAside: SetAsideFile[];
}

export interface ConversationStoreOptions {
  now?: () => number;
  /** Called for every file set aside, e.g. to show a warning and log it. */
  onSetAside?: (report: SetAsideFile) => void;
}

const FILE_NAME = /^([A-Za-z0-9_-]{1,100})\.json$/;

export function isConversationId(id: string): boolean {
  return FILE_NAME.test(`${id}.json`);
}

export class ConversationStore {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly now: () => number;

  constructor(
    readonly directory: string,
    private readonly options: ConversationStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  async list(): Promise<ListResult> {
    return this.collect(() => undefined);
  }

  /** Conversations whose title or text contains `query` (case-insensitive), with a snippet. */
  async search(query: string): Promise<ListResult> {
    const needle = query.trim();
    if (needle === '') return this.list();
    return this.collect((conversation) => findMatch(conversation, needle));
  }

  async load(id: string): Promise<Conversation | undefined> {
    if (!isConversationId(id)) return undefined;
    await this.queues.get(id);
    const result = await this.read(`${id}.json`);
    return result.conversation;
  }

  save(conversation: Conversation): Promise<void> {
    const file = this.pathOf(conversation.id);
    const content = serializeConversation(withRedactedErrors(conversation));
    return this.enqueue(conversation.id, async () => {
      await fs.mkdir(this.directory, { recursive: true });
      await writeFileAtomic(file, content);
    });
  }

  async rename(id: string, title: string): Promise<Conversation | undefined> {
    const conversation = await this.load(id);
    if (!conversation) return undefined;
    const renamed = { ...conversation, title: title.trim().slice(0, 500) };
    await this.save(renamed);
    return renamed;
  }

  async delete(id: string): Promise<boolean> {
    if (!isConversationId(id)) return false;
    return this.enqueue(id, async () => {
      try {
        await fs.rm(this.pathOf(id));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    });
  }

  private pathOf(id: string): string {
    if (!isConversationId(id)) throw new Error('invalid conversation id');
    return path.join(this.directory, `${id}.json`);
  }

  /** Runs writes to one file one after the other, in call order. */
  private enqueue<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return next;
  }

  private async collect(match: (c: Conversation) => string | undefined | false): Promise<ListResult> {
    let names: string[];
    try {
      names = await fs.readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { items: [], setAside: [] };
      throw error;
    }
    const items: HistoryItem[] = [];
    const setAside: SetAsideFile[] = [];
    for (const name of names.filter((n) => FILE_NAME.test(n))) {
      const { conversation, report } = await this.read(name);
      if (report) setAside.push(report);
      if (!conversation) continue;
      const found = match(conversation);
      if (found === false) continue;
      const item: HistoryItem = {
        id: conversation.id,
        title: conversation.title,
        updatedAt: conversation.updatedAt,
        turnCount: conversation.turns.length,
      };
      if (typeof found === 'string') item.snippet = found;
      items.push(item);
    }
    items.sort((a, b) => b.updatedAt - a.updatedAt);
    return { items, setAside };
  }

  private async read(name: string): Promise<{ conversation?: Conversation; report?: SetAsideFile }> {
    const file = path.join(this.directory, name);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    const id = name.slice(0, -'.json'.length);
    const parsed = parseConversationFile(text, id);
    if (parsed.ok) return { conversation: parsed.conversation };
    const report = await this.setAside(file, id, parsed.reason);
    return { report };
  }

  private async setAside(file: string, id: string, reason: string): Promise<SetAsideFile> {
    const movedTo = path.join(this.directory, `${id}.corrupt-${this.now()}.json`);
    await fs.rename(file, movedTo);
    const report = { file, movedTo, reason };
    this.options.onSetAside?.(report);
    return report;
  }
}
