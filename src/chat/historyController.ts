/**
 * The history list of the chat view: shown or hidden, filtered by a search,
 * and the operations on its entries (open, rename, delete, export). Files
 * found corrupt while listing are set aside by the store and reported.
 * Conversations whose saves fail are listed from memory (flagged `notSaved`),
 * so leaving one for a new chat never hides it.
 */
import type { HostMessage } from '../protocol/messages';
import type { Conversation, HistoryItem, HistoryState } from '../protocol/model';
import type { ChatController } from './chatController';
import type { ConversationPersistence } from '../storage/conversationPersistence';
import type { ConversationStore } from '../storage/conversationStore';
import { conversationToMarkdown } from './exportMarkdown';
import { findMatch } from '../storage/searchConversations';
import { logFailure, runInBackground } from '../net/background';

/** What the history needs of the saves that have not reached the disk yet. */
export type PendingSaves = Pick<ConversationPersistence, 'unsaved' | 'forget' | 'load' | 'save' | 'onStatus'>;

export type HistoryUpdate = Extract<HostMessage, { type: 'history' }>;

export class HistoryController {
  private visible = false;
  private query = '';
  private items: HistoryItem[] = [];
  /** Number of the latest refresh started. */
  private sequence = 0;
  private readonly subscription: { dispose(): void };
  private readonly saveSubscription: { dispose(): void } | undefined;

  constructor(
    private readonly store: ConversationStore,
    private readonly chat: ChatController,
    private readonly post: (update: HistoryUpdate) => void,
    private readonly log: (line: string) => void = () => undefined,
    /** Conversations not saved yet (their saves fail): listed, opened and exported from memory. */
    private readonly pending?: PendingSaves,
  ) {
    // Keep an open list current: a finished reply or a new conversation changes titles and order.
    this.subscription = chat.onUpdate((update) => {
      const settled = update.type === 'reply' && update.reply.status !== 'streaming';
      const changed = update.type === 'conversation' || update.type === 'turnAdded' || update.type === 'turnsRemoved';
      if (this.visible && (settled || changed)) this.refreshInBackground();
    });
    // A conversation that could not be saved, or is saved at last, changes its entry.
    this.saveSubscription = pending?.onStatus(() => {
      if (this.visible) this.refreshInBackground();
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.saveSubscription?.dispose();
  }

  state(): HistoryState {
    return { visible: this.visible, query: this.query, items: this.items };
  }

  async setVisible(visible: boolean): Promise<void> {
    this.visible = visible;
    if (visible) await this.refresh();
    else this.publish();
  }

  async toggle(): Promise<void> {
    await this.setVisible(!this.visible);
  }

  async search(query: string): Promise<void> {
    this.query = query;
    await this.refresh();
  }

  private refreshInBackground(): void {
    runInBackground(this.refresh(), logFailure('history: refreshing the list', this.log));
  }

  async refresh(): Promise<void> {
    // Numbered: a listing that finishes after a newer one started (an earlier keystroke's) is dropped.
    const sequence = ++this.sequence;
    try {
      const result = this.query.trim() === '' ? await this.store.list() : await this.store.search(this.query);
      if (sequence !== this.sequence) return;
      this.items = this.withUnsaved(result.items);
    } catch (error) {
      if (sequence !== this.sequence) return;
      this.log(`history: could not list conversations: ${String(error)}`);
    }
    this.publish();
  }

  /** The listed entry when the conversation's file was saved by a newer Parley (not opened, not written by this one). */
  savedByNewerVersion(id: string): HistoryItem | undefined {
    return this.items.find((item) => item.id === id && item.savedByNewerVersion === true);
  }

  async open(id: string): Promise<boolean> {
    if (this.savedByNewerVersion(id)) return false;
    const opened = await this.chat.open(id);
    if (opened) await this.setVisible(false);
    return opened;
  }

  async rename(id: string, title: string): Promise<void> {
    const unsaved = this.unsavedConversation(id);
    if (unsaved) {
      unsaved.title = title.trim().slice(0, 500);
      await this.pending?.save(unsaved);
      this.chat.noteRenamed(id, unsaved.title);
      await this.refresh();
      return;
    }
    const renamed = await this.store.rename(id, title);
    if (renamed) this.chat.noteRenamed(id, renamed.title);
    await this.refresh();
  }

  async delete(id: string): Promise<void> {
    await this.store.delete(id);
    this.pending?.forget(id);
    this.chat.noteDeleted(id);
    await this.refresh();
  }

  /**
   * Shows the most recent conversation again after a reload (as long as nothing
   * was asked meanwhile), so a reply cut off by the reload is seen, marked interrupted.
   * Resolves true when it was opened.
   */
  async restoreLatest(isTaken: (id: string) => boolean = () => false): Promise<boolean> {
    try {
      // `isTaken`: shown in another chat session (an editor tab) already; the next one is restored instead.
      const latest = (await this.store.list()).items.find((item) => !item.savedByNewerVersion && !isTaken(item.id));
      return latest !== undefined && (await this.chat.open(latest.id, { onlyIfEmpty: true }));
    } catch (error) {
      this.log(`history: could not restore the last conversation: ${String(error)}`);
      return false;
    }
  }

  async titleOf(id: string): Promise<string | undefined> {
    if (id === this.chat.current().id) return this.chat.current().title;
    return (await this.load(id))?.title;
  }

  /** The conversation as Markdown (the live one when it is the current conversation). */
  async exportMarkdown(id: string): Promise<string | undefined> {
    if (id === this.chat.current().id) return this.chat.exportMarkdown();
    const conversation = await this.load(id);
    return conversation ? conversationToMarkdown(conversation) : undefined;
  }

  private load(id: string): Promise<Conversation | undefined> {
    return this.pending ? this.pending.load(id) : this.store.load(id);
  }

  private unsavedConversation(id: string): Conversation | undefined {
    return this.pending?.unsaved().find((u) => u.conversation.id === id)?.conversation;
  }

  /** The listed items with the unsaved conversations put in from memory (newest state, flagged), newest first. */
  private withUnsaved(items: HistoryItem[]): HistoryItem[] {
    const unsaved = this.pending?.unsaved() ?? [];
    if (unsaved.length === 0) return items;
    const query = this.query.trim();
    const byId = new Map(items.map((item) => [item.id, item]));
    for (const { conversation } of unsaved) {
      if (conversation.turns.length === 0) continue;
      const found = query === '' ? undefined : findMatch(conversation, query);
      if (found === false) {
        byId.delete(conversation.id);
        continue;
      }
      const item: HistoryItem = {
        id: conversation.id,
        title: conversation.title,
        updatedAt: conversation.updatedAt,
        turnCount: conversation.turns.length,
        notSaved: true,
      };
      if (typeof found === 'string' && found !== '') item.snippet = found;
      byId.set(conversation.id, item);
    }
    return [...byId.values()].sort((a, b) => b.updatedAt - a.updatedAt);
  }

  private publish(): void {
    this.post({ type: 'history', visible: this.visible, query: this.query, items: this.items });
  }
}
