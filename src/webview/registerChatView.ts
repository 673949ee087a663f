/**
 * Builds the chat (controller, store, history) and its view, and registers
 * them with VS Code. Returns the ChatApi the commands use; every `ask` reveals
 * the view first so the reply is seen streaming.
 */
import * as vscode from 'vscode';
import { ChatController, type ChatControllerDeps } from '../chat/chatController';
import { ConversationPersistence } from '../storage/conversationPersistence';
import { ConversationStore } from '../storage/conversationStore';
import { HistoryController } from '../chat/historyController';
import type { AskOptions, ChatApi, ProviderSource } from '../chat/ports';
import { ChatViewProvider } from './chatViewProvider';
import { chatViewHandlers } from './chatViewHandlers';
import { CodeActions } from './codeActions';
import { ComposerAttachments } from './composerAttachments';
import { SaveStatusReporter } from './saveStatusReporter';
import { chatTexts } from './uiStrings';

export interface ChatViewRegistration {
  /** For the commands: ask / newChat / exportMarkdown / stop. */
  chat: ChatApi;
  view: ChatViewProvider;
}

export function registerChatView(
  context: vscode.ExtensionContext,
  providers: ProviderSource,
  createProvider: ChatControllerDeps['createProvider'],
  log: (line: string) => void,
): ChatViewRegistration {
  const store = new ConversationStore(vscode.Uri.joinPath(context.globalStorageUri, 'conversations').fsPath, {
    onSetAside: (report) => {
      log(`conversations: set aside an unreadable file (${report.reason}): ${report.movedTo}`);
      const text = vscode.l10n.t(
        'A saved conversation could not be read ({0}) and was set aside as {1}. The others are fine.',
        report.reason,
        report.movedTo,
      );
      void vscode.window.showWarningMessage(text);
      view.post({ type: 'notice', level: 'warning', text });
    },
  });
  void store.removeLeftoverTempFiles().then(
    (removed) => removed.length > 0 && log(`conversations: removed ${removed.length} temp file(s) left by an unfinished save`),
    (error: unknown) => log(`conversations: could not clean up temp files: ${String(error)}`),
  );
  // Failed saves are retried with backoff while the conversation stays in memory; the reporter shows them.
  const persistence = new ConversationPersistence(store, { log });
  const chat = new ChatController({ providers, createProvider, store: persistence, clock: Date, texts: chatTexts(), log });
  const saves = new SaveStatusReporter(persistence, chat, (message) => view.post(message));
  const history = new HistoryController(store, chat, (update) => view.post(update), log, persistence);
  const codeActions = new CodeActions();
  const attachments = new ComposerAttachments(chat, (message) => view.post(message));
  const view: ChatViewProvider = new ChatViewProvider(
    context.extensionUri,
    chat,
    history,
    chatViewHandlers(chat, history, codeActions, attachments, log, saves),
    log,
    () => saves.messages(),
  );

  context.subscriptions.push(
    chat,
    saves,
    persistence,
    history,
    codeActions,
    attachments,
    view,
    vscode.window.registerWebviewViewProvider(ChatViewProvider.viewId, view),
    vscode.commands.registerCommand('parley.showHistory', async () => {
      await view.reveal();
      await history.toggle();
    }),
  );

  void history.restoreLatest();

  const api: ChatApi = {
    ask: async (options: AskOptions) => {
      await view.reveal();
      await chat.ask(options);
    },
    newChat: () => {
      chat.newChat();
      void view.reveal().then(() => view.focusInput());
    },
    exportMarkdown: () => chat.exportMarkdown(),
    stop: () => chat.stop(),
    addAttachments: async (attachments) => {
      await view.reveal();
      const added = await chat.addAttachments(attachments);
      view.focusInput();
      return added;
    },
  };
  return { chat: api, view };
}
