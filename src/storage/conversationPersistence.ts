/**
 * Between the chat and the store: saves never throw into the chat, and a save
 * that fails is not forgotten. The conversation stays in memory and is written
 * again with backoff (1 s, 2 s, 4 s … at most every 30 s) until a write
 * succeeds; each change of a conversation's state (failing ↔ saved) is
 * reported, so the view can show it and offer Retry and Export.
 *
 * Writes of one conversation are coalesced: while one is in progress, later
 * saves only mark it dirty and the newest state is written next. So a
 * throttled stream of saves never queues stale copies, however slow the disk.
 *
 * What a crash can lose: while saves succeed, a kill -9 of the extension host
 * loses at most the reply text that arrived since the start of the last
 * completed write (the chat starts a save at least every 500 ms while a reply
 * streams, or as soon as the previous write ends when one takes longer), never
 * anything before it. While saves fail, everything since the last
 * successful save is only in memory (the banner and the warning say so).
 */
import type { Conversation } from '../protocol/model';
import type { ConversationSaver } from './conversationSaver';
import { saveFailureOf, type SaveFailure } from './saveFailure';
import { logFailure, runInBackground } from '../net/background';

export interface SaveStatus {
  conversationId: string;
  title: string;
  /** Absent when the conversation is saved. */
  failure?: SaveFailure & { attempts: number; nextRetryMs: number };
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PersistenceOptions {
  timers?: Timers;
  log?: (line: string) => void;
  /** Backoff before retry number `attempt` (1-based). */
  backoffMs?: (attempt: number) => number;
}

export const defaultBackoffMs = (attempt: number): number => Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));

interface Entry {
  latest: Conversation;
  dirty: boolean;
  running?: Promise<void>;
  failure?: NonNullable<SaveStatus['failure']>;
  timer?: unknown;
}

const nodeTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class ConversationPersistence implements ConversationSaver {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(status: SaveStatus) => void>();
  private readonly timers: Timers;
  private readonly backoffMs: (attempt: number) => number;
  private disposed = false;

  constructor(
    private readonly store: ConversationSaver,
    private readonly options: PersistenceOptions = {},
  ) {
    this.timers = options.timers ?? nodeTimers;
    this.backoffMs = options.backoffMs ?? defaultBackoffMs;
  }

  /**
   * Saves the conversation (the newest state of it, if saves pile up). Never
   * rejects: resolves once the write is done or has failed; a failed write is
   * reported through onStatus and retried later.
   */
  save(conversation: Conversation): Promise<void> {
    const entry = this.entries.get(conversation.id) ?? { latest: conversation, dirty: false };
    this.entries.set(conversation.id, entry);
    entry.latest = conversation;
    entry.dirty = true;
    // Failing: the retry timer (or Retry) writes it; writing now would defeat the backoff.
    if (entry.failure) return Promise.resolve();
    return this.drain(conversation.id, entry);
  }

  /** The in-memory state when it has not reached the disk yet, else what the store has. */
  async load(id: string): Promise<Conversation | undefined> {
    const entry = this.entries.get(id);
    if (entry?.failure) return entry.latest;
    return this.store.load(id);
  }

  /** Writes every failing conversation now, without waiting for its backoff. */
  async retryNow(): Promise<void> {
    const failing = [...this.entries].filter(([, entry]) => entry.failure && !entry.running);
    await Promise.all(
      failing.map(([id, entry]) => {
        this.timers.clearTimeout(entry.timer);
        entry.timer = undefined;
        entry.dirty = true;
        return this.drain(id, entry);
      }),
    );
  }

  /** Resolves when no write is in progress (retries waiting for their backoff do not count). */
  async idle(): Promise<void> {
    for (;;) {
      const running = [...this.entries.values()].map((e) => e.running).filter((r) => r !== undefined);
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  /** The conversations that could not be saved yet, with their in-memory state. */
  unsaved(): Array<{ conversation: Conversation; status: SaveStatus }> {
    return [...this.entries.values()].filter((e) => e.failure).map((e) => ({ conversation: e.latest, status: this.statusOf(e) }));
  }

  /** Stops retrying a conversation (it was deleted). */
  forget(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.timers.clearTimeout(entry.timer);
    this.entries.delete(id);
    if (entry.failure) this.emit({ conversationId: id, title: entry.latest.title });
  }

  onStatus(listener: (status: SaveStatus) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Stops the retries; saves asked for afterwards (a reply cut off by the close) are still written once. */
  dispose(): void {
    this.disposed = true;
    for (const entry of this.entries.values()) this.timers.clearTimeout(entry.timer);
    const lost = this.unsaved().length;
    if (lost > 0) this.options.log?.(`conversations: ${lost} conversation(s) could not be saved before closing`);
    this.listeners.clear();
  }

  /** Writes the entry until its newest state is on disk or a write fails. One loop per conversation. */
  private drain(id: string, entry: Entry): Promise<void> {
    if (entry.running) return entry.running;
    const run = async (): Promise<void> => {
      while (entry.dirty) {
        entry.dirty = false;
        const snapshot = entry.latest;
        try {
          await this.store.save(snapshot);
        } catch (error) {
          this.failed(id, entry, error);
          return;
        }
        this.succeeded(id, entry);
      }
    };
    entry.running = run().finally(() => {
      entry.running = undefined;
      if (!entry.failure && !entry.dirty && this.entries.get(id) === entry) this.entries.delete(id);
    });
    return entry.running;
  }

  private failed(id: string, entry: Entry, error: unknown): void {
    const attempts = (entry.failure?.attempts ?? 0) + 1;
    const nextRetryMs = this.backoffMs(attempts);
    entry.failure = { ...saveFailureOf(error), attempts, nextRetryMs };
    entry.dirty = true;
    this.options.log?.(`conversations: could not save ${id} (attempt ${attempts}, ${entry.failure.code}); retrying in ${nextRetryMs} ms`);
    this.timers.clearTimeout(entry.timer);
    // After dispose (window closing) a last save is still attempted, but not retried.
    if (this.disposed) return;
    entry.timer = this.timers.setTimeout(() => {
      entry.timer = undefined;
      if (this.disposed || this.entries.get(id) !== entry) return;
      runInBackground(this.drain(id, entry), logFailure(`conversations: saving ${id}`, (line) => this.options.log?.(line)));
    }, nextRetryMs);
    this.emit(this.statusOf(entry));
  }

  private succeeded(id: string, entry: Entry): void {
    if (!entry.failure) return;
    const attempts = entry.failure.attempts;
    entry.failure = undefined;
    this.timers.clearTimeout(entry.timer);
    entry.timer = undefined;
    this.options.log?.(`conversations: saved ${id} after ${attempts} failed attempt(s)`);
    this.emit(this.statusOf(entry));
  }

  private statusOf(entry: Entry): SaveStatus {
    const status: SaveStatus = { conversationId: entry.latest.id, title: entry.latest.title };
    if (entry.failure) status.failure = { ...entry.failure };
    return status;
  }

  private emit(status: SaveStatus): void {
    for (const listener of this.listeners) {
      try {
        listener(status);
      } catch (error) {
        this.options.log?.(`conversations: a save-status listener failed: ${String(error)}`);
      }
    }
  }
}
