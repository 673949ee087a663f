/** What each message from the chat view does on the host side. */
import * as vscode from 'vscode';
import type { ChatController } from '../chat/chatController';
import type { HistoryController } from '../chat/historyController';
import type { ErrorAction } from '../protocol/model';
import type { CodeActions } from './codeActions';
import type { ComposerAttachments } from './composerAttachments';
import { deleteConversation, exportConversation, openFromHistory, renameConversation } from './historyActions';
import { openLink } from './links';
import { isOfferedModel } from './offeredModel';
import { EMMA_BILLING_URL } from '../providers/emma';
import type { WebviewMessageHandlers } from './messageRouter';
import type { SaveStatusReporter } from './saveStatusReporter';

/** Command ids owned by the commands/host layer (issue 5). */
export const SETUP_COMMANDS = {
  manageProviders: 'parley.manageProviders',
  setApiKey: 'parley.setApiKey',
} as const;

/** Switch Provider/Model (commands layer): with (profileId, model) it activates the profile and sets its model. */
const SWITCH_PROVIDER_COMMAND = 'parley.switchProvider';

async function runCommand(id: string, ...args: unknown[]): Promise<unknown> {
  try {
    return await vscode.commands.executeCommand(id, ...args);
  } catch {
    vscode.window.showWarningMessage(vscode.l10n.t('The command {0} is not available.', id));
    return undefined;
  }
}

/**
 * The error card's "Set API Key": asks for the key of the profile that answered
 * (no profile pick), and once one is stored asks the question again — when it
 * is the last one, as a retry must not drop the turns after it.
 */
async function setKeyAndRetry(chat: ChatController, turnId: string): Promise<void> {
  const providerId = chat.current().turns.find((t) => t.id === turnId)?.reply?.providerId;
  const stored = await runCommand(SETUP_COMMANDS.setApiKey, ...(providerId ? [providerId] : []));
  // Checked after the dialog: meanwhile the user may have asked more or opened another conversation.
  if (stored === true && chat.current().turns.at(-1)?.id === turnId) await chat.regenerate(turnId);
}

export function chatViewHandlers(
  chat: ChatController,
  history: HistoryController,
  codeActions: CodeActions,
  attachments: ComposerAttachments,
  log: (line: string) => void,
  saves: Pick<SaveStatusReporter, 'act'>,
): Omit<WebviewMessageHandlers, 'ready'> {
  const errorActions: Record<ErrorAction, (turnId: string) => Promise<void>> = {
    retry: (turnId) => chat.regenerate(turnId),
    setApiKey: (turnId) => setKeyAndRetry(chat, turnId),
    manageProviders: async () => void (await runCommand(SETUP_COMMANDS.manageProviders)),
    openSettings: async () => void (await runCommand('workbench.action.openSettings', 'parley.providers')),
    openBilling: async () => void (await vscode.env.openExternal(vscode.Uri.parse(EMMA_BILLING_URL))),
  };
  return {
    send: ({ text, attachmentIds }) => chat.send(text, attachmentIds),
    draft: ({ text, revision }) => chat.setDraft(text, revision),
    attachmentRemove: ({ id }) => chat.removeAttachment(id),
    attachPick: ({ viaHash }) => attachments.pick(viaHash),
    attachSuggestion: () => attachments.attachSuggestion(),
    attachDrop: ({ uris }) => attachments.drop(uris),
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
    historyOpen: ({ id }) => openFromHistory(history, id),
    historyRename: ({ id }) => renameConversation(history, id),
    historyDelete: ({ id }) => deleteConversation(history, id),
    historyExport: ({ id }) => exportConversation(history, id),
    saveAction: ({ conversationId, action }) => saves.act(conversationId, action),
  };
}
