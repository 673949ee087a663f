/**
 * The composition root: every store, controller, view and command is built
 * and wired here, and nowhere else. Views and commands reach each other only
 * through the typed interfaces passed in below (no command ids).
 */
import * as vscode from 'vscode';
import { manageProviders, registerCommands, setApiKey, switchTo, type CommandDeps } from './commands';
import { Disposable } from './common/lifecycle';
import { logFailure, runInBackground } from './net/background';
import { createHost } from './host';
import { wireForTests, type ParleyTestApi } from './host/testApi';
import { registerLanguageModels } from './lm';
import { createProvider } from './providers';
import { ChatSessionViews } from './webview/chatSessionViews';
import type { SetupActions } from './webview/chatViewHandlers';
import { CodeActions } from './webview/codeActions';
import { openConversationStorage } from './webview/conversationStorage';
import { SaveStatusReporter } from './webview/saveStatusReporter';

export type { ParleyTestApi } from './host/testApi';

/** Everything Parley built; disposed with the extension. */
class Parley extends Disposable {
  readonly api: ParleyTestApi | undefined;

  constructor(context: vscode.ExtensionContext) {
    super();
    const host = createHost(context);
    host.disposables.forEach((d) => this.register(d));
    const log = host.log.sink;

    // One conversation store for every chat session.
    const { store, persistence } = openConversationStorage(context.globalStorageUri, log, (text) =>
      chats.notifyAll({ type: 'notice', level: 'warning', text }),
    );
    this.register(persistence);
    const saves: SaveStatusReporter = this.register(
      new SaveStatusReporter(
        persistence,
        (id) => chats.all().find((session) => session.chat.current().id === id)?.chat.current(),
        (message) => chats.all().forEach((session) => session.post(message)),
        log,
      ),
    );
    // The view's setup buttons run the commands' own flows (called on user action, after activation).
    const setup: SetupActions = {
      setApiKey: (profileId) => setApiKey(commandDeps, profileId),
      manageProviders: () => manageProviders(commandDeps),
      switchModel: (profileId, model) => switchTo(commandDeps, profileId, model),
    };
    const chats: ChatSessionViews = this.register(
      new ChatSessionViews({
        extensionUri: context.extensionUri,
        providers: host.source,
        createProvider,
        store,
        persistence,
        saves,
        codeActions: this.register(new CodeActions()),
        setup,
        log,
      }),
    );
    runInBackground(chats.restoreLatest(), logFailure('history: restoring the latest conversation', log));

    const { chat, api } = wireForTests(context, host, chats.focusedChat, chats.sidebar, chats);
    this.api = api;
    const commandDeps: CommandDeps = {
      chat,
      sessions: chats,
      source: host.source,
      settings: host.settings,
      keys: host.keys,
      log: host.log,
      createProvider,
    };
    registerCommands(commandDeps).forEach((d) => this.register(d));
    registerLanguageModels({ source: host.source, createProvider, log: host.log }).forEach((d) => this.register(d));
  }
}

/** Builds Parley's pieces and registers them. Nothing else happens here. */
export function activate(context: vscode.ExtensionContext): ParleyTestApi | undefined {
  const parley = new Parley(context);
  context.subscriptions.push(parley);
  return parley.api;
}

export function deactivate(): void {
  // Everything is released by disposing what activate() pushed to context.subscriptions.
}
