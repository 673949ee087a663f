/**
 * The chat view (`parley.chatView`). The host owns the state; a ViewSession
 * per page does the ready handshake and validates both ways. A hidden view
 * loses its page (no retainContextWhenHidden); when it comes back, the new
 * page's `ready` brings everything again.
 */
import * as vscode from 'vscode';
import type { ChatController } from '../chat/chatController';
import type { HistoryController } from '../chat/historyController';
import type { HostMessage } from '../protocol/messages';
import type { ViewState } from '../protocol/model';
import { chatHtml } from './html';
import type { WebviewMessageHandlers } from './messageRouter';
import { uiStrings } from './uiStrings';
import { ViewSession } from './viewSession';
import { logFailure, runInBackground } from '../net/background';

const MAX_PENDING_NOTICES = 5;

export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'parley.chatView';

  private view: vscode.WebviewView | undefined;
  private session: ViewSession | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private viewDisposables: vscode.Disposable[] = [];
  /** Notices raised while no page was ready (e.g. a file set aside at startup): shown when one is. */
  private pendingNotices: HostMessage[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly chat: ChatController,
    private readonly history: HistoryController,
    private readonly handlers: Omit<WebviewMessageHandlers, 'ready'>,
    private readonly log: (line: string) => void,
    /** State messages a new page needs after `init` (e.g. the banners of conversations that could not be saved). */
    private readonly initMessages: () => HostMessage[] = () => [],
  ) {
    this.disposables.push(chat.onUpdate((update) => this.post(update)));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeView();
    this.view = view;
    const session = new ViewSession({
      deliver: (message) => runInBackground(view.webview.postMessage(message), logFailure('chat view: posting a message', this.log)),
      init: () => ({ type: 'init', strings: uiStrings(), state: this.state() }),
      afterInit: () => [...this.initMessages(), ...this.pendingNotices.splice(0)],
      handlers: this.handlers,
      log: this.log,
      onHandlerError: () => {
        vscode.window.showErrorMessage(vscode.l10n.t('Parley: that did not work. See the log for details.'));
      },
    });
    this.session = session;
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
    view.webview.html = chatHtml(view.webview, this.extensionUri);
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((data: unknown) => runInBackground(session.receive(data), logFailure('chat view: a message', this.log))),
      view.onDidChangeVisibility(() => {
        // A hidden view's page is gone; wait for the next `ready`.
        if (!view.visible) session.reset();
      }),
      view.onDidDispose(() => {
        session.reset();
        if (this.view === view) {
          this.view = undefined;
          this.session = undefined;
        }
      }),
    );
  }

  /** Shows the view. */
  async reveal(): Promise<void> {
    if (this.view) this.view.show(true);
    else await vscode.commands.executeCommand(`${ChatViewProvider.viewId}.focus`);
  }

  focusInput(): void {
    this.post({ type: 'focusInput' });
  }

  post(message: HostMessage): void {
    if (message.type === 'notice' && !this.session?.isReady) {
      this.pendingNotices = [...this.pendingNotices, message].slice(-MAX_PENDING_NOTICES);
      return;
    }
    this.session?.post(message);
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

  private disposeView(): void {
    this.viewDisposables.forEach((d) => d.dispose());
    this.viewDisposables = [];
  }

  dispose(): void {
    this.disposeView();
    this.disposables.forEach((d) => d.dispose());
  }
}
