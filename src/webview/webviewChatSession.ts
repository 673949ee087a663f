/**
 * One chat session on the host: a conversation with its controller, its
 * history list and composer attachments, and the page showing it (the side
 * bar's view or an editor tab). Built by the composition root; every session
 * shares the one conversation store, the save reporter and the setup actions.
 */
import type * as vscode from 'vscode';
import { ChatController, type ChatControllerDeps } from '../chat/chatController';
import type { ChatSession } from '../chat/chatSessions';
import type { ConversationPersistence } from '../storage/conversationPersistence';
import type { ConversationStore } from '../storage/conversationStore';
import { HistoryController } from '../chat/historyController';
import type { ProviderSource } from '../chat/ports';
import { Disposable, DisposableStore } from '../common/lifecycle';
import type { HostMessage } from '../protocol/messages';
import type { ViewState } from '../protocol/model';
import { ChatPage } from './chatPage';
import { chatViewHandlers, type SessionHistoryActions, type SetupActions } from './chatViewHandlers';
import type { CodeActions } from './codeActions';
import { ComposerAttachments } from './composerAttachments';
import type { SaveStatusReporter } from './saveStatusReporter';
import { chatTexts } from './uiStrings';

const MAX_PENDING_NOTICES = 5;

/** What all sessions share (built once by the composition root). */
export interface SharedChatParts {
  extensionUri: vscode.Uri;
  providers: ProviderSource;
  createProvider: ChatControllerDeps['createProvider'];
  store: ConversationStore;
  persistence: ConversationPersistence;
  saves: SaveStatusReporter;
  codeActions: CodeActions;
  setup: SetupActions;
  log: (line: string) => void;
}

/** How a session's view is shown, and what happens across sessions (the session list implements it). */
export interface SessionSurroundings {
  reveal(options: { preserveFocus: boolean }): Promise<void>;
  history(session: WebviewChatSession): SessionHistoryActions;
}

export class WebviewChatSession extends Disposable implements ChatSession {
  readonly chat: ChatController;
  readonly history: HistoryController;
  private readonly handlers: ReturnType<typeof chatViewHandlers>;
  private readonly pageParts = this.register(new DisposableStore());
  private page: ChatPage | undefined;
  /** Notices raised while no page was ready (e.g. a file set aside at startup): shown when one is. */
  private pendingNotices: HostMessage[] = [];

  constructor(
    private readonly parts: SharedChatParts,
    private readonly surroundings: SessionSurroundings,
  ) {
    super();
    const { providers, createProvider, persistence, store, log } = parts;
    this.chat = this.register(new ChatController({ providers, createProvider, store: persistence, clock: Date, texts: chatTexts(), log }));
    this.history = this.register(new HistoryController(store, this.chat, (update) => this.post(update), log, persistence));
    const attachments = this.register(new ComposerAttachments(this.chat, (message) => this.post(message)));
    this.handlers = chatViewHandlers({
      chat: this.chat,
      history: this.history,
      codeActions: parts.codeActions,
      attachments,
      log,
      saves: parts.saves,
      setup: parts.setup,
      sessions: surroundings.history(this),
    });
    this.register(this.chat.onUpdate((update) => this.post(update)));
  }

  /** Shows the session in a webview (a new page replaces the one before); returns the page for its owner to reset or close. */
  show(webview: vscode.Webview): ChatPage {
    this.pageParts.clear();
    const page = this.pageParts.add(
      new ChatPage(webview, this.parts.extensionUri, {
        state: () => this.state(),
        afterInit: () => [...this.parts.saves.messages(), ...this.pendingNotices.splice(0)],
        handlers: this.handlers,
        log: this.parts.log,
      }),
    );
    this.page = page;
    this.pageParts.add({ dispose: () => this.page === page && (this.page = undefined) });
    return page;
  }

  /** The page is gone for good (its view or tab was closed). */
  closePage(page: ChatPage): void {
    if (this.page === page) this.pageParts.clear();
  }

  reveal(options: { preserveFocus: boolean }): Promise<void> {
    return this.surroundings.reveal(options);
  }

  focusInput(): void {
    this.post({ type: 'focusInput' });
  }

  post(message: HostMessage): void {
    if (message.type === 'notice' && !this.page?.isReady) {
      this.pendingNotices = [...this.pendingNotices, message].slice(-MAX_PENDING_NOTICES);
      return;
    }
    this.page?.post(message);
  }

  state(): ViewState {
    const providers = this.chat.providerState();
    const state: ViewState = {
      conversation: this.chat.current(),
      composer: this.chat.composerState(),
      providers: providers.providers,
      history: this.history.state(),
    };
    if (providers.activeProviderId !== undefined) state.activeProviderId = providers.activeProviderId;
    return state;
  }
}
