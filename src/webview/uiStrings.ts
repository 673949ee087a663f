/**
 * Every text the chat view shows, in the user's language (vscode.l10n), sent
 * to the view in its `init` message; and the texts the chat layer produces
 * (notes, error cards). The one place to translate the chat view.
 */
import * as vscode from 'vscode';
import type { ChatTexts } from '../chat/chatTexts';
import type { UiStrings } from '../protocol/uiStringKeys';

export function uiStrings(): UiStrings {
  const t = vscode.l10n.t;
  return {
    'input.placeholder': t('Ask Parley… (Enter to send, Shift+Enter for a new line)'),
    'input.label': t('Message to Parley'),
    send: t('Send'),
    stop: t('Stop'),
    regenerate: t('Regenerate'),
    edit: t('Edit and resend'),
    editSave: t('Send'),
    editCancel: t('Cancel'),
    copy: t('Copy'),
    copied: t('Copied'),
    newChat: t('New Chat'),
    history: t('History'),
    'history.search': t('Search titles and text'),
    'history.empty': t('No saved conversations.'),
    'history.open': t('Open'),
    'history.rename': t('Rename'),
    'history.delete': t('Delete'),
    'history.export': t('Export as Markdown'),
    'history.close': t('Close history'),
    dismiss: t('Dismiss'),
    'provider.label': t('Provider'),
    'provider.none': t('No provider configured'),
    'empty.title': t('Welcome to Parley'),
    'empty.body': t('Chat with Emma, SecondMe, ecovai or any OpenAI-compatible endpoint.'),
    'empty.step1': t('Pick a provider (or add one) with Manage Providers.'),
    'empty.step2': t('Set its API key; it is kept in VS Code’s secret storage.'),
    'empty.step3': t('Ask a question below, or select code and run Explain Selection.'),
    'empty.manageProviders': t('Manage Providers'),
    'empty.setApiKey': t('Set API Key'),
    you: t('You'),
    assistant: t('Parley'),
    'footer.tokens': t('{0} in · {1} out tokens'),
    'footer.ttft': t('first token {0} ms'),
    'status.streaming': t('Answering…'),
    'status.stopped': t('Stopped'),
    'status.interrupted': t('Interrupted (VS Code was closed or reloaded while answering)'),
    'status.error': t('Error'),
    'action.setApiKey': t('Set API Key'),
    'action.openSettings': t('Open Settings'),
    'action.retry': t('Retry'),
    'action.manageProviders': t('Manage Providers'),
    'code.copy': t('Copy'),
    'code.insert': t('Insert at Cursor'),
    'code.replace': t('Replace Selection'),
    'code.diff': t('Apply as Diff'),
    'code.newFile': t('New File'),
    'announce.replyStarted': t('Parley is answering.'),
    'announce.replyDone': t('Parley has answered.'),
    'announce.replyError': t('The answer failed.'),
  };
}

export function chatTexts(): ChatTexts {
  const t = vscode.l10n.t;
  return {
    olderTurnsLeftOut: (count, kept) =>
      t('{0} older turn(s) were left out: this provider accepts only the last {1}.', count, kept),
    messagesCut: (count, limit) => t('{0} earlier message(s) were cut to {1} characters for this provider.', count, limit),
    promptCut: (limit) => t('Your message was cut to {0} characters, the most this provider accepts.', limit),
    noProvider: t('No provider is configured yet. Add one, then try again.'),
    keyMissing: t('This provider needs an API key. Set it, then retry.'),
    unexpectedError: t('Something unexpected went wrong. See Parley’s log for details, then retry.'),
    newConversationTitle: t('New chat'),
  };
}
