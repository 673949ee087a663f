/** What each message from the chat view does on the host side. */
import * as vscode from 'vscode';
import type { ChatController } from '../chat/chatController';
import type { HistoryController } from '../chat/historyController';
import type { ErrorAction } from '../protocol/model';
import type { CodeActions } from './codeActions';
import type { ComposerAttachments } from './composerAttachments';
import { deleteConversation, exportConversation, renameConversation } from './historyActions';
import { openLink } from './links';
import { isOfferedModel } from './offeredModel';
import { EMMA_BILLING_URL } from '../providers/emma';
import type { WebviewMessageHandlers } from './messageRouter';
import type { SaveStatusReporter } from './saveStatusReporter';

/** What the view's setup buttons run: the same flows as the commands (the composition root passes them in). */
export interface SetupActions {
  /** Asks for the profile's key (no pick when given); resolves true once one is stored. */
  setApiKey(profileId?: string): Promise<boolean>;
  manageProviders(): Promise<void>;
  /** Makes the profile active and sets its model (what Switch Provider/Model does). */
  switchModel(profileId: string, model: string): Promise<void>;
}

/** What a chat session does with its history entries beyond its own list. */
export interface SessionHistoryActions {
  /** Opens the conversation here, in the session that shows it already, or (`inNewTab`) in a new editor tab. */
  open(id: string, inNewTab: boolean): Promise<void>;
  /** Every other session showing the conversation follows a rename or delete. */
  renamed(id: string, title: string): void;
  deleted(id: string): void;
  /** The page took the keyboard focus. */
  focused(): void;
}

/**
 * The error card's "Set API Key": asks for the key of the profile that answered
 * (no profile pick), and once one is stored asks the question again — when it
 * is the last one, as a retry must not drop the turns after it.
 */
async function setKeyAndRetry(chat: ChatController, setup: SetupActions, turnId: string): Promise<void> {
  const providerId = chat.current().turns.find((t) => t.id === turnId)?.reply?.providerId;
  const stored = await setup.setApiKey(providerId);
  // Checked after the dialog: meanwhile the user may have asked more or opened another conversation.
  if (stored && chat.current().turns.at(-1)?.id === turnId) await chat.regenerate(turnId);
}

export interface ChatViewParts {
  chat: ChatController;
  history: HistoryController;
  codeActions: CodeActions;
  attachments: ComposerAttachments;
  log: (line: string) => void;
  saves: Pick<SaveStatusReporter, 'act'>;
  setup: SetupActions;
  sessions: SessionHistoryActions;
}

export function chatViewHandlers({ chat, history, codeActions, attachments, log, saves, setup, sessions }: ChatViewParts): Omit<WebviewMessageHandlers, 'ready'> {
  const errorActions: Record<ErrorAction, (turnId: string) => Promise<void>> = {
    retry: (turnId) => chat.regenerate(turnId),
    setApiKey: (turnId) => setKeyAndRetry(chat, setup, turnId),
    manageProviders: () => setup.manageProviders(),
    openSettings: async () => void (await vscode.commands.executeCommand('workbench.action.openSettings', 'parley.providers')),
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
    setupAction: ({ action }) => (action === 'setApiKey' ? setup.setApiKey() : setup.manageProviders()),
    selectProvider: ({ providerId }) => chat.selectProvider(providerId),
    // The Switch Provider/Model command activates the profile and writes the model into it.
    selectModel: ({ providerId, model }) =>
      isOfferedModel(chat.providerState().providers, providerId, model) ? setup.switchModel(providerId, model) : undefined,
    newChat: () => chat.newChat(),
    viewFocus: () => sessions.focused(),
    codeAction: (message) => codeActions.run(message),
    copyText: ({ text }) => vscode.env.clipboard.writeText(text),
    openLink: ({ href }) => openLink(href, log),
    historyToggle: ({ visible }) => history.setVisible(visible),
    historySearch: ({ query }) => history.search(query),
    historyOpen: ({ id, inNewTab }) => sessions.open(id, inNewTab === true),
    historyRename: async ({ id }) => {
      const title = await renameConversation(history, id);
      if (title !== undefined) sessions.renamed(id, title);
    },
    historyDelete: async ({ id }) => {
      if (await deleteConversation(history, id)) sessions.deleted(id);
    },
    historyExport: ({ id }) => exportConversation(history, id),
    saveAction: ({ conversationId, action }) => saves.act(conversationId, action),
  };
}
