/**
 * The chat session behind the view and the commands: owns the current
 * conversation, builds each request, streams the reply from the provider,
 * records its stats, handles stop / regenerate / edit & resend / errors, and
 * persists as it goes (throttled while streaming, and at the end).
 */
import { isProviderError } from '../net/errors';
import type { ConversationSaver } from '../storage/conversationSaver';
import type { HostMessage } from '../protocol/messages';
import type { Attachment, ComposerState, Conversation, ProviderInfo, Reply, Turn } from '../protocol/model';
import type { ChatProvider, ProviderDeps, ProviderProfile } from '../providers/types';
import { buildRequest } from './buildRequest';
import { DEFAULT_CHAT_TEXTS, type ChatTexts } from './chatTexts';
import { ComposerDraft, type Suggestion } from './composerDraft';
import { emptyConversation, modelOf, newTurn, titleFrom, toProviderInfo } from './conversation';
import { conversationToMarkdown } from './exportMarkdown';
import type { AskOptions, ChatApi, ProviderSource, Unsubscribe } from './ports';
import { profileSendsHistory } from './historyPolicy';
import { toReplyError } from './replyErrors';
import { logFailure, runInBackground } from '../net/background';
import { turnAdded, turnsRemoved, turnUpdated } from './turnUpdates';
import { randomId } from '../common/random';

export type ChatUpdate = Extract<
  HostMessage,
  {
    type:
      | 'conversation'
      | 'turnAdded'
      | 'turnUpdated'
      | 'turnsRemoved'
      | 'providers'
      | 'reply'
      | 'replyDelta'
      | 'replyReplace'
      | 'notice'
      | 'composer';
  }
>;

export interface Clock {
  now(): number;
}

export type { ConversationSaver } from '../storage/conversationSaver';

export interface ChatControllerDeps {
  providers: ProviderSource;
  createProvider: (profile: ProviderProfile, deps: ProviderDeps) => ChatProvider;
  store: ConversationSaver;
  clock: Clock;
  newId?: () => string;
  texts?: ChatTexts;
  log?: (line: string) => void;
  /** Least time between two saves while a reply streams (default 500 ms). */
  saveIntervalMs?: number;
}

interface ActiveReply {
  turnId: string;
  abort: AbortController;
  done: Promise<void>;
}

export class ChatController implements ChatApi {
  private conversation: Conversation;
  private active: ActiveReply | undefined;
  /** Turns asked by one-shot editor commands: their request leaves out the earlier turns (also on Retry). */
  private readonly oneShotTurns = new Set<string>();
  private readonly listeners = new Set<(update: ChatUpdate) => void>();
  private readonly texts: ChatTexts;
  private readonly newId: () => string;
  private lastSaveAt = 0;
  /** Set by dispose(): a reply cut off now was interrupted (window reload or close), not stopped by the user. */
  private disposed = false;
  private readonly providerSubscription: Unsubscribe;
  private readonly draft = new ComposerDraft();

  constructor(private readonly deps: ChatControllerDeps) {
    this.texts = deps.texts ?? DEFAULT_CHAT_TEXTS;
    this.newId = deps.newId ?? randomId;
    this.conversation = this.fresh();
    this.providerSubscription = deps.providers.onDidChange(() => {
      this.emit({ type: 'providers', ...this.providerState() });
      this.emitComposer();
    });
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
    this.providerSubscription.dispose();
    this.listeners.clear();
  }

  onUpdate(listener: (update: ChatUpdate) => void): Unsubscribe {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  current(): Conversation {
    return this.conversation;
  }

  isStreaming(): boolean {
    return this.active !== undefined;
  }

  providerState(): { providers: ProviderInfo[]; activeProviderId?: string } {
    const fromWorkspace = this.deps.providers.profilesFromWorkspace?.() === true;
    const providers = this.deps.providers.list().map((p) => {
      const info = toProviderInfo(p, this.deps.providers.discoveredModels?.(p));
      return fromWorkspace ? { ...info, fromWorkspace } : info;
    });
    const active = this.deps.providers.active();
    return active ? { providers, activeProviderId: active.id } : { providers };
  }

  // ---- ChatApi ----

  async ask(options: AskOptions): Promise<void> {
    await this.stopAndWait();
    const now = this.deps.clock.now();
    const turn = newTurn(this.newId(), options.prompt, now, options.displayText, options.notes);
    if (options.attachments?.length) turn.attachments = options.attachments.map((a) => ({ ...a }));
    if (options.history === false) this.oneShotTurns.add(turn.id);
    if (this.conversation.turns.length === 0) this.conversation.title = titleFrom(options.displayText ?? options.prompt);
    this.conversation.turns.push(turn);
    // One turn, not the whole conversation: the view keeps the turns it shows.
    this.emit(turnAdded(this.conversation, turn));
    this.emitComposer();
    await this.run(turn);
  }

  newChat(): void {
    this.stop();
    this.conversation = this.fresh();
    this.emitConversation();
  }

  // ---- composer ----

  async addAttachments(attachments: Attachment[]): Promise<number> {
    const added = this.draft.add(attachments);
    this.emitComposer();
    return added;
  }

  /** Sends the composer's question with the chips shown (`attachmentIds`; all when absent). */
  async send(text: string, attachmentIds?: readonly string[]): Promise<void> {
    const attachments = this.draft.take(attachmentIds);
    this.draft.setText('', 0);
    this.emitComposer();
    await this.ask({ prompt: text, ...(attachments.length ? { attachments } : {}) });
  }

  removeAttachment(id: string): void {
    if (this.draft.remove(id)) this.emitComposer();
  }

  /** The composer's text changed; the meter is computed for it. */
  setDraft(text: string, revision: number): void {
    this.draft.setText(text, revision);
    this.emitComposer();
  }

  /** The active editor offered as a one-click chip (undefined: none). */
  setSuggestion(suggestion: Suggestion | undefined): void {
    if (this.draft.setSuggestion(suggestion)) this.emitComposer();
  }

  suggestion(): Suggestion | undefined {
    return this.draft.currentSuggestion();
  }

  composerState(): ComposerState {
    return this.draft.state(this.deps.providers.active(), this.conversation.turns, this.texts);
  }

  exportMarkdown(): string | undefined {
    return this.conversation.turns.length === 0 ? undefined : conversationToMarkdown(this.conversation);
  }

  stop(): void {
    this.active?.abort.abort();
  }

  // ---- view actions ----

  /** Asks the provider again for a turn's reply; later turns are dropped. */
  async regenerate(turnId: string): Promise<void> {
    await this.stopAndWait();
    const index = this.indexOf(turnId);
    if (index < 0) return;
    const turn = this.conversation.turns[index] as Turn;
    const later = this.conversation.turns[index + 1];
    this.conversation.turns = this.conversation.turns.slice(0, index + 1);
    delete turn.reply;
    delete turn.contextNotes;
    if (later) this.emit(turnsRemoved(this.conversation, later.id));
    this.emit(turnUpdated(this.conversation, turn));
    this.emitComposer();
    await this.run(turn);
  }

  /** Replaces a question (and everything after it) with an edited one and asks it. */
  async editResend(turnId: string, text: string): Promise<void> {
    await this.stopAndWait();
    const index = this.indexOf(turnId);
    if (index < 0) return;
    const attachments = this.conversation.turns[index]?.attachments;
    this.conversation.turns = this.conversation.turns.slice(0, index);
    this.emit(turnsRemoved(this.conversation, turnId));
    await this.ask({ prompt: text, ...(attachments?.length ? { attachments } : {}) });
  }

  /** Shows a saved conversation; with `onlyIfEmpty`, only while nothing has been asked in the current one. */
  async open(id: string, options: { onlyIfEmpty?: boolean } = {}): Promise<boolean> {
    if (id === this.conversation.id) return true;
    const isEmpty = () => this.conversation.turns.length === 0 && !this.active;
    if (options.onlyIfEmpty && !isEmpty()) return false;
    if (!options.onlyIfEmpty) await this.stopAndWait();
    const loaded = await this.deps.store.load(id);
    if (!loaded || (options.onlyIfEmpty && !isEmpty())) return false;
    this.conversation = loaded;
    this.emitConversation();
    return true;
  }

  /** Keeps the current conversation in step with a rename or delete done in the history list. */
  noteRenamed(id: string, title: string): void {
    if (id !== this.conversation.id) return;
    this.conversation.title = title;
    this.emitConversation();
  }

  noteDeleted(id: string): void {
    if (id === this.conversation.id) this.newChat();
  }

  async selectProvider(profileId: string): Promise<void> {
    await this.deps.providers.setActive(profileId);
    this.emit({ type: 'providers', ...this.providerState() });
    this.emitComposer();
  }

  async stopAndWait(): Promise<void> {
    const active = this.active;
    if (!active) return;
    active.abort.abort();
    await active.done;
  }

  // ---- streaming ----

  private async run(turn: Turn): Promise<void> {
    const clock = this.deps.clock;
    const startedAt = clock.now();
    const profile = this.deps.providers.active();
    if (!profile) {
      turn.reply = {
        text: '',
        status: 'error',
        providerId: 'none',
        providerLabel: '',
        startedAt,
        error: { code: 'no_provider', message: this.texts.noProvider, action: 'manageProviders' },
      };
      this.emitReply(turn);
      await this.persist();
      return;
    }
    const reply: Reply = {
      text: '',
      status: 'streaming',
      providerId: profile.id,
      providerLabel: profile.label ?? profile.id,
      startedAt,
    };
    const model = modelOf(profile);
    if (model !== undefined) reply.model = model;
    turn.reply = reply;
    const sendsHistory = !this.oneShotTurns.has(turn.id) && profileSendsHistory(profile);
    const earlier = sendsHistory ? this.conversation.turns.slice(0, this.indexOf(turn.id)) : [];
    const built = buildRequest(profile, earlier, turn.prompt, turn.attachments ?? [], this.texts);
    if (!built.ok) {
      // Over the budget: nothing is sent and nothing is cut; the card says what to remove.
      const { used, limit, unit, largest } = built.plan;
      reply.status = 'error';
      reply.error = { code: 'too_long', message: this.texts.overBudget(used, limit, unit, largest) };
      reply.durationMs = 0;
      this.emitReply(turn);
      await this.persist();
      return;
    }

    const abort = new AbortController();
    let finished = (): void => undefined;
    const done = new Promise<void>((resolve) => (finished = resolve));
    this.active = { turnId: turn.id, abort, done };
    try {
      this.emitReply(turn);
      const ready = await this.deps.providers.ensureReady(profile);
      if (abort.signal.aborted) return;
      if (!ready) {
        reply.status = 'error';
        reply.error = { code: 'auth', message: this.texts.keyMissing, action: 'setApiKey' };
        return;
      }
      if (built.notes.length > 0) turn.contextNotes = built.notes;
      this.emitReply(turn);
      await this.persist();
      const provider = this.deps.createProvider(profile, this.deps.providers.deps());
      const sentAt = clock.now();
      for await (const event of provider.streamChat(built.request, abort.signal)) {
        if (abort.signal.aborted) break;
        if (event.type === 'delta' || event.type === 'replace') {
          if (reply.ttftMs === undefined && event.text.length > 0) reply.ttftMs = Math.max(0, clock.now() - sentAt);
          reply.text = event.type === 'delta' ? reply.text + event.text : event.text;
          this.emit(
            event.type === 'delta'
              ? { type: 'replyDelta', turnId: turn.id, text: event.text }
              : { type: 'replyReplace', turnId: turn.id, text: event.text },
          );
          this.persistThrottled();
        } else if (event.type === 'usage') {
          if (event.promptTokens !== undefined) reply.promptTokens = event.promptTokens;
          if (event.outputTokens !== undefined) reply.outputTokens = event.outputTokens;
          if (event.totalTokens !== undefined) reply.totalTokens = event.totalTokens;
        } else if (event.type === 'done') {
          if (event.finishReason !== undefined) reply.finishReason = event.finishReason;
        }
      }
      reply.status = abort.signal.aborted ? this.cutOffStatus() : 'done';
    } catch (error) {
      if (abort.signal.aborted || (isProviderError(error) && error.code === 'cancelled')) {
        reply.status = this.cutOffStatus();
      } else {
        reply.status = 'error';
        reply.error = toReplyError(error, this.texts, profile.kind);
        if (!isProviderError(error)) this.deps.log?.(`chat: unexpected error while streaming: ${String(error)}`);
      }
    } finally {
      if (reply.status === 'streaming') reply.status = this.cutOffStatus();
      reply.durationMs = Math.max(0, clock.now() - startedAt);
      this.active = undefined;
      this.emitReply(turn);
      // The finished pair is history for the next message now: the meter's count of earlier turns changes.
      this.emitComposer();
      await this.persist();
      finished();
    }
  }

  /** How a reply that ends before the provider finished is marked. */
  private cutOffStatus(): 'stopped' | 'interrupted' {
    return this.disposed ? 'interrupted' : 'stopped';
  }

  private persistThrottled(): void {
    const interval = this.deps.saveIntervalMs ?? 500;
    if (this.deps.clock.now() - this.lastSaveAt >= interval) runInBackground(this.persist(), logFailure('chat: saving the conversation', (line) => this.deps.log?.(line)));
  }

  /** Saves the conversation once it has a question; a failed save is logged, never thrown into the chat. */
  private async persist(): Promise<void> {
    if (this.conversation.turns.length === 0) return;
    const now = this.deps.clock.now();
    this.lastSaveAt = now;
    this.conversation.updatedAt = now;
    try {
      await this.deps.store.save(this.conversation);
    } catch (error) {
      this.deps.log?.(`chat: could not save the conversation: ${String(error)}`);
    }
  }

  // ---- helpers ----

  private fresh(): Conversation {
    return emptyConversation(this.newId(), this.texts.newConversationTitle, this.deps.clock.now());
  }

  private indexOf(turnId: string): number {
    return this.conversation.turns.findIndex((t) => t.id === turnId);
  }

  private emitConversation(): void {
    this.emit({ type: 'conversation', conversation: this.conversation });
    this.emitComposer();
  }

  private emitComposer(): void {
    if (this.listeners.size === 0) return;
    this.emit({ type: 'composer', composer: this.composerState() });
  }

  private emitReply(turn: Turn): void {
    if (!turn.reply) return;
    const update: ChatUpdate = { type: 'reply', turnId: turn.id, reply: { ...turn.reply } };
    if (turn.contextNotes) update.contextNotes = [...turn.contextNotes];
    this.emit(update);
  }

  private emit(update: ChatUpdate): void {
    for (const listener of this.listeners) {
      try {
        listener(update);
      } catch (error) {
        this.deps.log?.(`chat: a listener failed: ${String(error)}`);
      }
    }
  }
}
