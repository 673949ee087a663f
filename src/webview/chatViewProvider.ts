/**
 * The chat view (`parley.chatView`). The host owns the state: the webview
 * posts `ready` when its script runs, and only then does the host post — first
 * `init` with the UI strings and the whole state, then updates. A hidden view
 * loses its page (no retainContextWhenHidden); when it comes back, its new
 * `ready` brings everything again. Messages are validated both ways.
 */
import * as vscode from 'vscode';
import type { ChatController } from '../chat/chatController';
import type { HistoryController } from '../chat/historyController';
import { HostMessageSchema, parseWebviewMessage, type HostMessage, type WebviewMessage } from '../protocol/messages';
import type { ViewState } from '../protocol/model';
import { chatHtml } from './html';
import { routeMessage, type WebviewMessageHandlers } from './messageRouter';
import { uiStrings } from './uiStrings';

export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'parley.chatView';

  private view: vscode.WebviewView | undefined;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];
  private viewDisposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly chat: ChatController,
    private readonly history: HistoryController,
    private readonly handlers: Omit<WebviewMessageHandlers, 'ready'>,
    private readonly log: (line: string) => void,
  ) {
    this.disposables.push(chat.onUpdate((update) => this.post(update)));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeView();
    this.view = view;
    this.ready = false;
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
    view.webview.html = chatHtml(view.webview, this.extensionUri);
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((data: unknown) => void this.receive(data)),
      view.onDidChangeVisibility(() => {
        // A hidden view's page is gone; wait for the next `ready`.
        if (!view.visible) this.ready = false;
      }),
      view.onDidDispose(() => {
        if (this.view === view) {
          this.view = undefined;
          this.ready = false;
        }
      }),
    );
  }

  /** Shows the view (and focuses its input). */
  async reveal(): Promise<void> {
    if (this.view) this.view.show(true);
    else await vscode.commands.executeCommand(`${ChatViewProvider.viewId}.focus`);
  }

  focusInput(): void {
    this.post({ type: 'focusInput' });
  }

  post(message: HostMessage): void {
    if (!this.view || !this.ready) return;
    const checked = HostMessageSchema.safeParse(message);
    if (!checked.success) {
      this.log(`chat view: not posting an invalid "${message.type}" message`);
      return;
    }
    void this.view.webview.postMessage(checked.data);
  }

  state(): ViewState {
    const providers = this.chat.providerState();
    const state: ViewState = {
      conversation: this.chat.current(),
      providers: providers.providers,
      history: this.history.state(),
    };
    if (providers.activeProviderId !== undefined) state.activeProviderId = providers.activeProviderId;
    return state;
  }

  private async receive(data: unknown): Promise<void> {
    const parsed = parseWebviewMessage(data);
    if (!parsed.ok) {
      this.log(`chat view: ignored ${parsed.error}`);
      return;
    }
    const handlers: WebviewMessageHandlers = { ...this.handlers, ready: () => this.onReady() };
    try {
      await routeMessage(handlers, parsed.message as WebviewMessage);
    } catch (error) {
      this.log(`chat view: "${parsed.message.type}" failed: ${error instanceof Error ? error.message : String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Parley: that did not work. See the log for details.'));
    }
  }

  private onReady(): void {
    this.ready = true;
    this.post({ type: 'init', strings: uiStrings(), state: this.state() });
  }

  private disposeView(): void {
    this.viewDisposables.forEach((d) => d.dispose());
    this.viewDisposables = [];
  }

  dispose(): void {
    this.disposeView();
    this.disposables.forEach((d) => d.dispose());
  }
}
