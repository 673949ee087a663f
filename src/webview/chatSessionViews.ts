/**
 * Every chat session and the views showing them: the side bar's (the primary
 * session, restored to the latest conversation) and one per editor tab. Routes
 * history opens between sessions — a conversation is open in one session at
 * most: opening one that another session shows focuses that session — and
 * gives the commands the last focused session.
 */
import * as vscode from 'vscode';
import { ChatSessions, FocusedSessionChat } from '../chat/chatSessions';
import { Disposable } from '../common/lifecycle';
import type { HostMessage } from '../protocol/messages';
import type { SessionHistoryActions } from './chatViewHandlers';
import { EditorChatPanels } from './editorChatPanels';
import { openFromHistory } from './historyActions';
import { SidebarChatView } from './sidebarChatView';
import { WebviewChatSession, type SharedChatParts } from './webviewChatSession';

export class ChatSessionViews extends Disposable {
  private readonly sessions = new ChatSessions<WebviewChatSession>();
  /** What the commands use: the last focused session. */
  readonly focusedChat = new FocusedSessionChat(this.sessions);
  readonly sidebar: WebviewChatSession;
  private readonly sidebarView: SidebarChatView;
  private readonly panels: EditorChatPanels;
  /** The editor tabs' sessions (the side bar's is `sidebar`). */
  private readonly tabs = new Set<WebviewChatSession>();
  /** Conversations being opened in a session right now (not shown yet, already taken). */
  private readonly opening = new Set<string>();
  /** The side bar's conversation while it is only the one restored at startup (untouched since): a restored tab may take it. */
  private sidebarRestored: string | undefined;

  constructor(private readonly parts: SharedChatParts) {
    super();
    this.sidebarView = this.register(new SidebarChatView(() => this.sidebar));
    this.sidebar = this.register(this.createSession((options) => this.sidebarView.reveal(options)));
    this.sessions.addPrimary(this.sidebar);
    // Anything that changes the side bar's conversation (a question, a reply, another conversation) makes it the user's.
    const notTheConversation = new Set(['providers', 'composer', 'notice']);
    this.register(
      this.sidebar.chat.onUpdate((update) => {
        if (!notTheConversation.has(update.type)) this.sidebarRestored = undefined;
      }),
    );
    this.register(vscode.window.registerWebviewViewProvider(SidebarChatView.viewId, this.sidebarView));
    // Replies streaming in tabs end with Parley (marked interrupted and saved), like the side bar's.
    this.register({ dispose: () => [...this.tabs].forEach((session) => this.close(session)) });
    this.panels = this.register(
      new EditorChatPanels(parts.extensionUri, {
        createSession: (reveal) => {
          const session = this.createSession(reveal);
          this.tabs.add(session);
          this.sessions.add(session);
          return session;
        },
        focused: (session) => this.sessions.focused(session),
        closed: (session) => this.close(session),
        restore: (session, id) => this.restore(session, id),
      }),
    );
  }

  /** Shows the latest conversation in the side bar (one no editor tab shows), as long as nothing was asked there. */
  async restoreLatest(): Promise<void> {
    const restored = await this.sidebar.history.restoreLatest((id) => this.isTaken(id, this.sidebar));
    if (!restored) return;
    const id = this.sidebar.chat.current().id;
    // A tab restored meanwhile took it: the side bar starts empty rather than write the same conversation.
    if (this.isTaken(id, this.sidebar)) this.sidebar.chat.newChat();
    else this.sidebarRestored = id;
  }

  /** Open Chat in Editor: a new tab with an empty chat, focused; commands go to it from now on. */
  async openInEditor(conversationId?: string): Promise<void> {
    const session = this.panels.open();
    if (conversationId !== undefined) await this.openIn(session, conversationId);
  }

  /** Under test: restores an editor tab from a page state as the serializer does; resolves with the conversation it shows. */
  reviveEditorChatForTest(state: unknown): Promise<string> {
    return this.panels.reviveForTest(state);
  }

  /** Show Chat History: the focused session's history list. */
  async showHistory(): Promise<void> {
    const session = this.sessions.target();
    await session.reveal({ preserveFocus: false });
    await session.history.toggle();
  }

  /** A notice for every session (e.g. a conversation file set aside). */
  notifyAll(message: Extract<HostMessage, { type: 'notice' }>): void {
    for (const session of this.sessions.all()) session.post(message);
  }

  /** The conversation each session shows, last focused last (for the test API). */
  conversationIds(): string[] {
    return this.sessions.all().map((session) => session.chat.current().id);
  }

  /** Every session, for posting to all of them (save banners carry their conversation's id). */
  all(): readonly WebviewChatSession[] {
    return this.sessions.all();
  }

  private createSession(reveal: (options: { preserveFocus: boolean }) => Promise<void>): WebviewChatSession {
    return new WebviewChatSession(this.parts, { reveal, history: (session) => this.historyActions(session) });
  }

  private historyActions(session: WebviewChatSession): SessionHistoryActions {
    const others = () => this.sessions.all().filter((s) => s !== session);
    return {
      open: async (id, inNewTab) => {
        const holder = this.sessions.holderOf(id, session);
        if (holder) await holder.reveal({ preserveFocus: false });
        else if (inNewTab && !session.history.savedByNewerVersion(id)) await this.openInEditor(id);
        else await openFromHistory(session.history, id);
      },
      renamed: (id, title) => others().forEach((s) => s.chat.noteRenamed(id, title)),
      deleted: (id) => others().forEach((s) => s.chat.noteDeleted(id)),
      focused: () => this.sessions.focused(session),
    };
  }

  /** A tab restored after a reload: its conversation again, unless another session (not just the side bar's startup restore) has it. */
  private async restore(session: WebviewChatSession, id: string): Promise<void> {
    const holder = this.sessions.holderOf(id, session);
    if (holder === this.sidebar && this.sidebarRestored === id) this.sidebar.chat.newChat();
    else if (holder || this.opening.has(id)) return;
    await this.openIn(session, id);
  }

  private async openIn(session: WebviewChatSession, id: string): Promise<void> {
    this.opening.add(id);
    try {
      await session.chat.open(id);
    } finally {
      this.opening.delete(id);
    }
  }

  private isTaken(id: string, except: WebviewChatSession): boolean {
    return this.opening.has(id) || this.sessions.holderOf(id, except) !== undefined;
  }

  private close(session: WebviewChatSession): void {
    this.tabs.delete(session);
    this.sessions.remove(session);
    session.dispose();
  }
}
