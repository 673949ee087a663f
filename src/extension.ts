import * as vscode from 'vscode';

/**
 * What activate() hands to Parley's integration tests (test/integration), and
 * only to them: it is returned in ExtensionMode.Test, never to users.
 */
export interface ParleyTestApi {
  readonly secrets: vscode.SecretStorage;
}

/** Builds Parley's pieces and registers them. Nothing else happens here. */
export function activate(context: vscode.ExtensionContext): ParleyTestApi | undefined {
  context.subscriptions.push(
    vscode.commands.registerCommand('parley.focusChat', () =>
      vscode.commands.executeCommand('parley.chatView.focus'),
    ),
  );
  return context.extensionMode === vscode.ExtensionMode.Test ? { secrets: context.secrets } : undefined;
}

export function deactivate(): void {
  // Disposables pushed to context.subscriptions are released by VS Code.
}
