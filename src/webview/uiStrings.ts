/**
 * Every text the chat view shows, in the user's language (vscode.l10n), sent
 * to the view in its `init` message; and the texts the chat layer produces
 * (notes, error cards). The one place to translate the chat view.
 */
import * as vscode from 'vscode';
import type { ChatTexts } from '../chat/chatTexts';
import type { UiStrings } from '../protocol/uiStringKeys';

export function uiStrings(): UiStrings {
  return {
    'input.placeholder': vscode.l10n.t('Ask Parley… (Enter to send, Shift+Enter for a new line)'),
    'input.label': vscode.l10n.t('Message to Parley'),
    send: vscode.l10n.t('Send'),
    stop: vscode.l10n.t('Stop'),
    regenerate: vscode.l10n.t('Regenerate'),
    edit: vscode.l10n.t('Edit and resend'),
    editSave: vscode.l10n.t('Send'),
    editCancel: vscode.l10n.t('Cancel'),
    copy: vscode.l10n.t('Copy'),
    copied: vscode.l10n.t('Copied'),
    newChat: vscode.l10n.t('New Chat'),
    history: vscode.l10n.t('History'),
    'history.search': vscode.l10n.t('Search titles and text'),
    'history.empty': vscode.l10n.t('No saved conversations.'),
    'history.open': vscode.l10n.t('Open'),
    'history.rename': vscode.l10n.t('Rename'),
    'history.delete': vscode.l10n.t('Delete'),
    'history.export': vscode.l10n.t('Export as Markdown'),
    'history.close': vscode.l10n.t('Close history'),
    dismiss: vscode.l10n.t('Dismiss'),
    'provider.label': vscode.l10n.t('Provider'),
    'provider.none': vscode.l10n.t('No provider configured'),
    'model.label': vscode.l10n.t('Model'),
    'empty.title': vscode.l10n.t('Welcome to Parley'),
    'empty.body': vscode.l10n.t('Chat with Emma, SecondMe, ecovai or any OpenAI-compatible endpoint.'),
    'empty.step1': vscode.l10n.t('Pick a provider (or add one) with Manage Providers.'),
    'empty.step2': vscode.l10n.t('Set its API key; it is kept in VS Code’s secret storage.'),
    'empty.step3': vscode.l10n.t('Ask a question below, or select code and run Explain Selection.'),
    'empty.manageProviders': vscode.l10n.t('Manage Providers'),
    'empty.setApiKey': vscode.l10n.t('Set API Key'),
    you: vscode.l10n.t('You'),
    assistant: vscode.l10n.t('Parley'),
    'footer.tokens': vscode.l10n.t('{0} in · {1} out tokens'),
    'footer.ttft': vscode.l10n.t('first token {0} ms'),
    'status.streaming': vscode.l10n.t('Answering…'),
    'status.stopped': vscode.l10n.t('Stopped'),
    'status.interrupted': vscode.l10n.t('Interrupted (VS Code was closed or reloaded while answering)'),
    'status.error': vscode.l10n.t('Error'),
    'action.setApiKey': vscode.l10n.t('Set API Key'),
    'action.openSettings': vscode.l10n.t('Open Settings'),
    'action.retry': vscode.l10n.t('Retry'),
    'action.manageProviders': vscode.l10n.t('Manage Providers'),
    'code.copy': vscode.l10n.t('Copy'),
    'code.insert': vscode.l10n.t('Insert at Cursor'),
    'code.replace': vscode.l10n.t('Replace Selection'),
    'code.diff': vscode.l10n.t('Apply as Diff'),
    'code.newFile': vscode.l10n.t('New File'),
    'announce.replyStarted': vscode.l10n.t('Parley is answering.'),
    'announce.replyDone': vscode.l10n.t('Parley has answered.'),
    'announce.replyError': vscode.l10n.t('The answer failed.'),
    'render.plainRest': vscode.l10n.t('This reply is very long: the rest is shown as plain text so the chat stays responsive.'),
    'render.showAll': vscode.l10n.t('Show All Formatted'),
  };
}

export function chatTexts(): ChatTexts {
  return {
    olderTurnsLeftOut: (count, kept) =>
      vscode.l10n.t('{0} older turn(s) were left out: this provider accepts only the last {1}.', count, kept),
    messagesCut: (count, limit) => vscode.l10n.t('{0} earlier message(s) were cut to {1} characters for this provider.', count, limit),
    promptCut: (limit) => vscode.l10n.t('Your message was cut to {0} characters, the most this provider accepts.', limit),
    noProvider: vscode.l10n.t('No provider is configured yet. Add one, then try again.'),
    keyMissing: vscode.l10n.t('This provider needs an API key. Set it, then retry.'),
    unexpectedError: vscode.l10n.t('Something unexpected went wrong. See Parley’s log for details, then retry.'),
    newConversationTitle: vscode.l10n.t('New chat'),
  };
}
