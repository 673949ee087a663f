import * as vscode from 'vscode';

/** Builds Parley's pieces and registers them. Nothing else happens here. */
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('parley.focusChat', () =>
      vscode.commands.executeCommand('parley.chatView.focus'),
    ),
  );
}

export function deactivate(): void {
  // Disposables pushed to context.subscriptions are released by VS Code.
}
