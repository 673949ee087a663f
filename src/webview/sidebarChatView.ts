/**
 * The side bar's chat view (`parley.chatView`): shows the primary session. A
 * hidden view loses its page; when it comes back, the new page's `ready`
 * brings everything again.
 */
import * as vscode from 'vscode';
import { Disposable, DisposableStore } from '../common/lifecycle';
import type { WebviewChatSession } from './webviewChatSession';

export class SidebarChatView extends Disposable implements vscode.WebviewViewProvider {
  static readonly viewId = 'parley.chatView';

  private view: vscode.WebviewView | undefined;
  private readonly viewParts = this.register(new DisposableStore());

  constructor(private readonly session: () => WebviewChatSession) {
    super();
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.viewParts.clear();
    this.view = view;
    const session = this.session();
    const page = this.viewParts.add(session.show(view.webview));
    this.viewParts.add(
      view.onDidChangeVisibility(() => {
        // A hidden view's page is gone; wait for the next `ready`.
        if (!view.visible) page.reset();
      }),
    );
    this.viewParts.add(
      view.onDidDispose(() => {
        session.closePage(page);
        if (this.view === view) this.view = undefined;
      }),
    );
  }

  /** Shows the view; before VS Code first resolved it, through the focus command VS Code generates for it. */
  async reveal({ preserveFocus }: { preserveFocus: boolean }): Promise<void> {
    if (this.view) this.view.show(preserveFocus);
    else await vscode.commands.executeCommand(`${SidebarChatView.viewId}.focus`);
  }
}
