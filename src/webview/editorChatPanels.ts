/**
 * Chat sessions in editor tabs (Open Chat in Editor): a WebviewPanel each,
 * with the side bar's HTML, CSP and bundle. A hidden tab loses its page like
 * the side bar's view (no retainContextWhenHidden: the host keeps the state,
 * and the page's next `ready` brings all of it, a streaming reply included).
 * Tabs open at shutdown come back after a reload with their conversation: the
 * page keeps the conversation's id in its state, which VS Code hands to the
 * serializer.
 */
import * as vscode from 'vscode';
import { Disposable, DisposableStore } from '../common/lifecycle';
import { chatWebviewOptions } from './chatPage';
import type { WebviewChatSession } from './webviewChatSession';

export const CHAT_EDITOR_VIEW_TYPE = 'parley.chatEditor';

/** What the page saved with vscode.setState (untrusted: checked before use). */
export function conversationIdOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const id = (state as { conversationId?: unknown }).conversationId;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(id) ? id : undefined;
}

export interface EditorChatHooks {
  /** Builds a session whose view is the panel. */
  createSession(reveal: (options: { preserveFocus: boolean }) => Promise<void>): WebviewChatSession;
  /** The session's tab became the active editor. */
  focused(session: WebviewChatSession): void;
  /** The tab was closed. */
  closed(session: WebviewChatSession): void;
  /** A tab restored after a reload asks for its conversation; resolves once it is shown (or could not be). */
  restore(session: WebviewChatSession, conversationId: string): Promise<void>;
}

export class EditorChatPanels extends Disposable {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly hooks: EditorChatHooks,
  ) {
    super();
    this.register(
      vscode.window.registerWebviewPanelSerializer(CHAT_EDITOR_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state) => this.revive(panel, state).then(() => undefined),
      }),
    );
  }

  /** Opens a new tab in the active editor group with an empty chat (the caller may open a conversation in it). */
  open(): WebviewChatSession {
    // The title becomes the conversation's as soon as the session is attached.
    const panel = vscode.window.createWebviewPanel(CHAT_EDITOR_VIEW_TYPE, 'Parley', vscode.ViewColumn.Active, {
      ...chatWebviewOptions(this.extensionUri),
      enableFindWidget: true,
    });
    return this.attach(panel);
  }

  /** A tab VS Code restored after a reload (`state`: what its page saved): a session again, with its conversation. */
  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<WebviewChatSession> {
    panel.webview.options = chatWebviewOptions(this.extensionUri);
    const session = this.attach(panel);
    const id = conversationIdOf(state);
    if (id !== undefined) await this.hooks.restore(session, id);
    return session;
  }

  /** Under test: a tab restored from `state` as the serializer would (a reload cannot happen inside the suite). */
  async reviveForTest(state: unknown): Promise<string> {
    const panel = vscode.window.createWebviewPanel(CHAT_EDITOR_VIEW_TYPE, 'Parley', vscode.ViewColumn.Active, chatWebviewOptions(this.extensionUri));
    return (await this.revive(panel, state)).chat.current().id;
  }

  private attach(panel: vscode.WebviewPanel): WebviewChatSession {
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'parley.svg');
    const session = this.hooks.createSession(async ({ preserveFocus }) => panel.reveal(panel.viewColumn, preserveFocus));
    const page = session.show(panel.webview);
    const title = () => (panel.title = session.chat.current().title);
    title();
    const parts = new DisposableStore();
    parts.add(session.chat.onUpdate((update) => (update.type === 'conversation' || update.type === 'turnAdded') && title()));
    parts.add(
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (!webviewPanel.visible) page.reset();
        if (webviewPanel.active) this.hooks.focused(session);
      }),
    );
    // Panels are not disposed with Parley: a window that reloads keeps its tabs, and the serializer brings them back.
    parts.add(
      panel.onDidDispose(() => {
        parts.dispose();
        session.closePage(page);
        this.hooks.closed(session);
      }),
    );
    return session;
  }
}
