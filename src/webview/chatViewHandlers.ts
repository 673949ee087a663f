/** What each message from the chat view does on the host side. */
import * as vscode from 'vscode';
import type { ChatController } from '../chat/chatController';
import type { HistoryController } from '../chat/historyController';
import type { ErrorAction } from '../protocol/model';
import type { CodeActions } from './codeActions';
import { deleteConversation, exportConversation, renameConversation } from './historyActions';
import { openLink } from './links';
import { isOfferedModel } from './offeredModel';
import type { WebviewMessageHandlers } from './messageRouter';

/** Command ids owned by the commands/host layer (issue 5). */
export const SETUP_COMMANDS = {
  manageProviders: 'parley.manageProviders',
  setApiKey: 'parley.setApiKey',
} as const;

/** Switch Provider/Model (commands layer): with (profileId, model) it activates the profile and sets its model. */
const SWITCH_PROVIDER_COMMAND = 'parley.switchProvider';

async function runCommand(id: string, ...args: unknown[]): Promise<void> {
  try {
    await vscode.commands.executeCommand(id, ...args);
  } catch {
    void vscode.window.showWarningMessage(vscode.l10n.t('The command {0} is not available.', id));
  }
}

export function chatViewHandlers(
  chat: ChatController,
  history: HistoryController,
  codeActions: CodeActions,
  log: (line: string) => void,
): Omit<WebviewMessageHandlers, 'ready'> {
  const errorActions: Record<ErrorAction, (turnId: string) => Promise<void>> = {
    retry: (turnId) => chat.regenerate(turnId),
    setApiKey: () => runCommand(SETUP_COMMANDS.setApiKey),
    manageProviders: () => runCommand(SETUP_COMMANDS.manageProviders),
    openSettings: () => runCommand('workbench.action.openSettings', 'parley.providers'),
  };
  return {
    send: ({ text }) => chat.ask({ prompt: text }),
    stop: () => chat.stop(),
    regenerate: ({ turnId }) => chat.regenerate(turnId),
    editResend: ({ turnId, text }) => chat.editResend(turnId, text),
    errorAction: ({ turnId, action }) => errorActions[action](turnId),
    setupAction: ({ action }) => runCommand(SETUP_COMMANDS[action]),
    selectProvider: ({ providerId }) => chat.selectProvider(providerId),
    // The Switch Provider/Model command activates the profile and writes the model into it.
    selectModel: ({ providerId, model }) =>
      isOfferedModel(chat.providerState().providers, providerId, model) ? runCommand(SWITCH_PROVIDER_COMMAND, providerId, model) : undefined,
    newChat: () => chat.newChat(),
    codeAction: (message) => codeActions.run(message),
    copyText: ({ text }) => vscode.env.clipboard.writeText(text),
    openLink: ({ href }) => openLink(href, log),
    historyToggle: ({ visible }) => history.setVisible(visible),
    historySearch: ({ query }) => history.search(query),
    historyOpen: ({ id }) => history.open(id),
    historyRename: ({ id }) => renameConversation(history, id),
    historyDelete: ({ id }) => deleteConversation(history, id),
    historyExport: ({ id }) => exportConversation(history, id),
  };
}
