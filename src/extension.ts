import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { createHost } from './host';
import { createUnavailableChat } from './host/chatUnavailable';
import { wireForTests, type ParleyTestApi } from './host/testApi';
import { createProvider } from './providers';

export type { ParleyTestApi } from './host/testApi';

/** Builds Parley's pieces and registers them. Nothing else happens here. */
export function activate(context: vscode.ExtensionContext): ParleyTestApi | undefined {
  const host = createHost(context);
  // TODO(coordinator): replace with the chat view's ChatApi, constructed with host.source as its ProviderSource.
  const chatView = createUnavailableChat(host.log);
  const { chat, api } = wireForTests(context, host, chatView);
  context.subscriptions.push(
    ...host.disposables,
    ...registerCommands({ chat, source: host.source, settings: host.settings, keys: host.keys, log: host.log, createProvider }),
  );
  return api;
}

export function deactivate(): void {
  // Disposables pushed to context.subscriptions are released by VS Code.
}
