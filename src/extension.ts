import * as vscode from 'vscode';
import { createProvider } from './providers';
import { registerChatView } from './webview/registerChatView';
// TEMPORARY (chat view branch): replaced at merge by the host layer's ProviderSource.
import { temporaryProviderSource } from './webview/temporaryProviderSource';

/** Builds Parley's pieces and registers them. Nothing else happens here. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Parley', { log: true });
  context.subscriptions.push(log);
  const { chat } = registerChatView(context, temporaryProviderSource(context), createProvider, (line) =>
    log.info(line),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand('parley.focusChat', () =>
      vscode.commands.executeCommand('parley.chatView.focus'),
    ),
    // TEMPORARY: the commands layer (issue 5) registers parley.newChat on the same ChatApi.
    vscode.commands.registerCommand('parley.newChat', () => chat.newChat()),
  );
}

export function deactivate(): void {
  // Disposables pushed to context.subscriptions are released by VS Code.
}
