import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { createHost } from './host';
import { wireForTests, type ParleyTestApi } from './host/testApi';
import { registerLanguageModels } from './lm';
import { createProvider } from './providers';
import { registerChatView } from './webview/registerChatView';

export type { ParleyTestApi } from './host/testApi';

/** Builds Parley's pieces and registers them. Nothing else happens here. */
export function activate(context: vscode.ExtensionContext): ParleyTestApi | undefined {
  const host = createHost(context);
  const { chat: chatView, view } = registerChatView(context, host.source, createProvider, host.log.sink);
  const { chat, api } = wireForTests(context, host, chatView, view);
  context.subscriptions.push(
    ...host.disposables,
    ...registerCommands({ chat, source: host.source, settings: host.settings, keys: host.keys, log: host.log, createProvider }),
    ...registerLanguageModels({ source: host.source, createProvider, log: host.log }),
  );
  return api;
}

export function deactivate(): void {
  // Disposables pushed to context.subscriptions are released by VS Code.
}
