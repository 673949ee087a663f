/**
 * Conversations on disk: one JSON file per conversation in one directory,
 * written atomically, validated when read. A file that does not parse is
 * renamed aside (`<id>.corrupt-<ts>.json`) and reported; the others still load.
 * A file written by a newer Parley (higher format `version`) is left exactly
 * where and as it is: listed, flagged, never loaded and never written over.
 *
 * A save either replaces the whole file or leaves the old one untouched (see
 * atomicWrite.ts): a failed save rejects and leaves no temp file. Temp files
 * left by a process that died mid-write are removed by removeLeftoverTempFiles().
 *
 * The history's search index (searchIndex.ts) is filled from the directory on
 * the first list or search, brought up to date with it on every list (other
 * windows save too), and kept current by this store's own saves and deletes,
 * so a search keystroke reads no file.
 */
import { promises as nodeFs } from 'node:fs';
import * as path from 'node:path';
import type { Conversation, HistoryItem } from '../protocol/model';
import { writeFileAtomic, type AtomicWriteFs } from './atomicWrite';
import { parseConversationFile, serializeConversation, type NewerFile, type UnknownFields } from './conversationFile';
import { removeLeftoverTempFiles } from './leftoverTempFiles';
import { SearchIndex } from './searchIndex';
import { withRedactedErrors } from './redactForDisk';

const fs = nodeFs;

export { TEMP_FILE_GRACE_MS } from './leftoverTempFiles';

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

/** What the store writes through (node's fs by default); tests inject one that fails like a full disk. */
export interface StoreWriteFs extends AtomicWriteFs {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
}

export interface ConversationStoreOptions {
  now?: () => number;
  /** Called for every file set aside, e.g. to show a warning and log it. */
  onSetAside?: (report: SetAsideFile) => void;
  writeFs?: StoreWriteFs;
}

/** Thrown by save() for a conversation whose file was written by a newer Parley. */
export class NewerVersionFileError extends Error {
  readonly code = 'ENEWERVERSION';
  constructor(readonly conversationId: string, readonly version: number) {
    super(`the conversation ${conversationId} was saved by a newer Parley (format version ${version}); it is not written over`);
  }
}

export type LoadResult = { conversation: Conversation } | { newer: NewerFile } | Record<string, never>;

const FILE_NAME = /^([A-Za-z0-9_-]{1,100})\.json$/;

export function isConversationId(id: string): boolean {
  return FILE_NAME.test(`${id}.json`);
}

export class ConversationStore {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly now: () => number;
  /** Ids whose file was found to come from a newer Parley (format version by id). */
  private readonly newer = new Map<string, number>();
  private readonly writeFs: StoreWriteFs;
  /** Fields of each read file that this build does not know, written back on its next save. */
  private readonly unknownFields = new Map<string, UnknownFields>();
  private readonly index = new SearchIndex();
  /** Whether the index has been filled from the directory once. */
  private indexed = false;
  private syncing: Promise<SetAsideFile[]> | undefined;
  /** Writes and deletes per conversation id (see changed()). */
  private readonly changes = new Map<string, number>();

  constructor(
    readonly directory: string,
    private readonly options: ConversationStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.writeFs = options.writeFs ?? nodeFs;
  }

  /** Every conversation, newest first. Brings the search index up to date with the directory (other windows save too). */
  async list(): Promise<ListResult> {
    const setAside = await this.sync();
    return { items: this.index.list(), setAside };
  }

  /**
   * Conversations whose title or text contains `query` (case-insensitive), with
   * a snippet. Reads no file once the index is built (by the first list or search).
   */
  async search(query: string): Promise<ListResult> {
    const needle = query.trim();
    if (needle === '') return this.list();
    const setAside = this.indexed ? [] : await this.sync();
    return { items: this.index.search(needle), setAside };
  }

  async load(id: string): Promise<Conversation | undefined> {
    const result = await this.loadResult(id);
    return 'conversation' in result ? result.conversation : undefined;
  }

  /** Like load(), but says when the file exists and was saved by a newer Parley. */
  async loadResult(id: string): Promise<LoadResult> {
    if (!isConversationId(id)) return {};
    await this.queues.get(id);
    const { conversation, newer } = await this.read(`${id}.json`);
    if (conversation) return { conversation };
    return newer ? { newer } : {};
  }

  /** Writes the whole conversation, or rejects and leaves the file as it was. */
  save(conversation: Conversation): Promise<void> {
    const file = this.pathOf(conversation.id);
    const newerVersion = this.newer.get(conversation.id);
    if (newerVersion !== undefined) return Promise.reject(new NewerVersionFileError(conversation.id, newerVersion));
    const written = withRedactedErrors(conversation);
    const content = serializeConversation(written, this.unknownFields.get(conversation.id));
    const entry = this.index.entryOf(written);
    return this.enqueue(conversation.id, async () => {
      await this.writeFs.mkdir(this.directory, { recursive: true });
      await writeFileAtomic(file, content, this.writeFs);
      this.changed(conversation.id);
      this.index.put(entry);
    });
  }

  /** Removes temp files left by writes that never finished (see leftoverTempFiles.ts). */
  removeLeftoverTempFiles(isProcessAlive?: (pid: number) => boolean): Promise<string[]> {
    return removeLeftoverTempFiles(this.directory, this.now, isProcessAlive);
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
        this.forgetFile(id);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          this.forgetFile(id);
          return false;
        }
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
    // Settles once `next` has, either way; then forgets the queue unless a later write joined it.
    const forget = () => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    };
    const settled: Promise<void> = next.then(forget, forget);
    this.queues.set(id, settled);
    return next;
  }

  /**
   * Reads into the index every file that is new or changed since it was read
   * (by modification time and size), drops the files that are gone, and sets
   * aside the corrupt ones. One sync at a time; callers during one share it.
   */
  private sync(): Promise<SetAsideFile[]> {
    this.syncing ??= this.syncWithDirectory().finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  private async syncWithDirectory(): Promise<SetAsideFile[]> {
    const changesBefore = new Map(this.changes);
    let names: string[];
    try {
      names = await fs.readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      names = [];
    }
    const setAside: SetAsideFile[] = [];
    const present = new Set<string>();
    for (const name of names.filter((n) => FILE_NAME.test(n))) {
      const id = name.slice(0, -'.json'.length);
      const stamp = await this.stampOf(name);
      if (stamp === undefined) continue;
      present.add(id);
      if (stamp === this.index.stampOf(id)) continue;
      const changes = this.changes.get(id) ?? 0;
      const { conversation, report, newer } = await this.read(name);
      // A save or delete of this file while it was read wins over what was read.
      if ((this.changes.get(id) ?? 0) !== changes) continue;
      if (report) setAside.push(report);
      if (conversation) this.index.put(this.index.entryOf(conversation, stamp));
      else if (newer) {
        const item = { id, title: newer.title ?? id, updatedAt: newer.updatedAt ?? 0, turnCount: 0, savedByNewerVersion: true };
        this.index.putNewer(item, stamp);
      } else this.index.remove(id);
    }
    // Gone from the directory, unless saved since it was listed.
    for (const id of this.index.ids()) {
      if (!present.has(id) && this.changes.get(id) === changesBefore.get(id)) this.index.remove(id);
    }
    this.indexed = true;
    return setAside;
  }

  private async stampOf(name: string): Promise<string | undefined> {
    try {
      const { mtimeMs, size } = await fs.stat(path.join(this.directory, name));
      return `${mtimeMs}:${size}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Counts the writes and deletes of a file, so a read that raced one is not taken for current. */
  private changed(id: string): void {
    this.changes.set(id, (this.changes.get(id) ?? 0) + 1);
  }

  private forgetFile(id: string): void {
    this.changed(id);
    this.index.remove(id);
    this.unknownFields.delete(id);
    this.newer.delete(id);
  }

  private async read(name: string): Promise<{ conversation?: Conversation; report?: SetAsideFile; newer?: NewerFile }> {
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
    if (parsed.ok) {
      this.newer.delete(id);
      if (parsed.unknown) this.unknownFields.set(id, parsed.unknown);
      else this.unknownFields.delete(id);
      return { conversation: parsed.conversation };
    }
    if ('newer' in parsed) {
      this.newer.set(id, parsed.newer.version);
      return { newer: parsed.newer };
    }
    const report = await this.setAside(file, id, parsed.reason);
    return { report };
  }

  private async setAside(file: string, id: string, reason: string): Promise<SetAsideFile> {
    const movedTo = path.join(this.directory, `${id}.corrupt-${this.now()}.json`);
    await fs.rename(file, movedTo);
    this.index.remove(id);
    this.unknownFields.delete(id);
    const report = { file, movedTo, reason };
    this.options.onSetAside?.(report);
    return report;
  }
}
