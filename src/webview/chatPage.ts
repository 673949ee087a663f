/**
 * One chat page in a webview (the side bar's view or an editor tab's panel):
 * the HTML with its CSP, the ready handshake (a ViewSession), and the page's
 * lifetime. A hidden page is gone (no retainContextWhenHidden); when it comes
 * back, its new `ready` brings the whole state again.
 */
import * as vscode from 'vscode';
import { Disposable } from '../common/lifecycle';
import { logFailure, runInBackground } from '../net/background';
import type { HostMessage } from '../protocol/messages';
import type { ViewState } from '../protocol/model';
import { chatHtml } from './html';
import type { WebviewMessageHandlers } from './messageRouter';
import { uiStrings } from './uiStrings';
import { ViewSession } from './viewSession';

/** What a page shows and how it answers. */
export interface PageContent {
  state(): ViewState;
  /** State messages a new page needs after `init` (e.g. save-failure banners, notices that waited for a page). */
  afterInit(): HostMessage[];
  handlers: Omit<WebviewMessageHandlers, 'ready'>;
  log(line: string): void;
}

/** The options every chat webview gets: scripts, and only our dist/ and media/ folders. */
export function chatWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class ChatPage extends Disposable {
  private readonly session: ViewSession;

  constructor(webview: vscode.Webview, extensionUri: vscode.Uri, content: PageContent) {
    super();
    const session = new ViewSession({
      deliver: (message) => runInBackground(webview.postMessage(message), logFailure('chat view: posting a message', content.log)),
      init: () => ({ type: 'init', strings: uiStrings(), state: content.state() }),
      afterInit: () => content.afterInit(),
      handlers: content.handlers,
      log: content.log,
      onHandlerError: () => {
        vscode.window.showErrorMessage(vscode.l10n.t('Parley: that did not work. See the log for details.'));
      },
    });
    this.session = session;
    webview.options = chatWebviewOptions(extensionUri);
    webview.html = chatHtml(webview, extensionUri);
    this.register(
      webview.onDidReceiveMessage((data: unknown) => runInBackground(session.receive(data), logFailure('chat view: a message', content.log))),
    );
  }

  get isReady(): boolean {
    return this.session.isReady;
  }

  /** The page went away (hidden): nothing is posted until its next `ready`. */
  reset(): void {
    this.session.reset();
  }

  post(message: HostMessage): void {
    this.session.post(message);
  }
}
