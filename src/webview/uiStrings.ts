/**
 * Every text the chat view shows, in the user's language (vscode.l10n), sent
 * to the view in its `init` message; and the texts the chat layer produces
 * (notes, error cards). The one place to translate the chat view.
 */
import * as vscode from 'vscode';
import type { ChatTexts } from '../chat/chatTexts';
import { formatErrorText } from '../net/errorTexts';
import { userLanguage } from '../host/userLanguage';
import type { UiStrings } from '../protocol/uiStringKeys';

export function uiStrings(): UiStrings {
  return {
    'input.placeholder': vscode.l10n.t('Ask Parley… (Enter to send, Shift+Enter for a new line, # to attach a file; hold Shift while dragging files here)'),
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
    'history.open': vscode.l10n.t('Open (Ctrl+click or Cmd+click: in a new editor tab)'),
    'history.rename': vscode.l10n.t('Rename'),
    'history.delete': vscode.l10n.t('Delete'),
    'history.export': vscode.l10n.t('Export as Markdown'),
    'history.close': vscode.l10n.t('Close history'),
    'history.newer': vscode.l10n.t('saved by a newer Parley'),
    'history.notSaved': vscode.l10n.t('not saved yet — retrying'),
    dismiss: vscode.l10n.t('Dismiss'),
    'provider.label': vscode.l10n.t('Provider'),
    'provider.none': vscode.l10n.t('No provider configured'),
    'provider.fromWorkspace': vscode.l10n.t('from workspace settings'),
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
    'footer.tokensTotal': vscode.l10n.t('{0} in · {1} out · {2} total tokens'),
    'footer.ttft': vscode.l10n.t('first token {0} ms'),
    'status.streaming': vscode.l10n.t('Answering…'),
    'status.stopped': vscode.l10n.t('Stopped'),
    'status.interrupted': vscode.l10n.t('Interrupted (VS Code was closed or reloaded while answering)'),
    'status.error': vscode.l10n.t('Error'),
    'action.setApiKey': vscode.l10n.t('Set API Key'),
    'action.openSettings': vscode.l10n.t('Open Settings'),
    'action.retry': vscode.l10n.t('Retry'),
    'action.manageProviders': vscode.l10n.t('Manage Providers'),
    'action.openBilling': vscode.l10n.t('Top Up Credit (Emma Billing)'),
    'code.copy': vscode.l10n.t('Copy'),
    'code.insert': vscode.l10n.t('Insert at Cursor'),
    'code.replace': vscode.l10n.t('Replace Selection'),
    'code.diff': vscode.l10n.t('Apply as Diff'),
    'code.newFile': vscode.l10n.t('New File'),
    'announce.replyStarted': vscode.l10n.t('Parley is answering.'),
    'announce.replyDone': vscode.l10n.t('Parley has answered.'),
    'announce.replyError': vscode.l10n.t('The answer failed.'),
    'attach.button': vscode.l10n.t('Attach a file (#)'),
    'attach.remove': vscode.l10n.t('Remove {0}'),
    'attach.suggestion': vscode.l10n.t('Attach {0} (the active editor)'),
    'attach.lines': vscode.l10n.t('lines {0}–{1}'),
    'attach.line': vscode.l10n.t('line {0}'),
    'attach.list': vscode.l10n.t('Attachments'),
    'attach.shown': vscode.l10n.t('Attached code, shown as sent'),
    'meter.characters': vscode.l10n.t('{0} / {1} characters'),
    'meter.tokens': vscode.l10n.t('≈ {0} / {1} tokens'),
    'meter.history': vscode.l10n.t('{0} earlier turn(s) sent'),
    'meter.historyLeftOut': vscode.l10n.t('{0} earlier turn(s) sent, {1} left out'),
    'meter.over': vscode.l10n.t('{0} over the limit: remove {1} ({2}) or shorten the question.'),
    'meter.overNoAttachment': vscode.l10n.t('{0} over the limit: shorten the question (or the profile’s system prompt).'),
    'meter.sendDisabled': vscode.l10n.t('The message is over the limit; see below the input.'),
    'render.plainRest': vscode.l10n.t('This reply is very long: the rest is shown as plain text so the chat stays responsive.'),
    'render.showAll': vscode.l10n.t('Show All Formatted'),
  };
}

export function chatTexts(): ChatTexts {
  return {
    olderTurnsLeftOut: (count, kept) =>
      vscode.l10n.t('{0} older turn(s) were left out: this provider accepts only the last {1}.', count, kept),
    olderTurnsLeftOutToFit: (count, window) =>
      vscode.l10n.t('{0} older turn(s) were left out to fit the model’s context window of {1} tokens.', count, window),
    messagesCut: (count, limit) => vscode.l10n.t('{0} earlier message(s) were cut to {1} characters for this provider.', count, limit),
    overBudget: (usedCount, limitCount, unit, largest) => {
      const n = (value: number) => value.toLocaleString(vscode.env.language);
      const [used, limit] = [n(usedCount), n(limitCount)];
      const size = unit === 'characters'
        ? vscode.l10n.t('Not sent: the message uses {0} of {1} characters.', used, limit)
        : vscode.l10n.t('Not sent: the message uses about {0} of {1} tokens.', used, limit);
      const fix = largest
        ? vscode.l10n.t('Remove an attachment (the largest is {0}, {1}) or shorten the question, then send it again.', largest.name, n(largest.used))
        : vscode.l10n.t('Shorten the question (or the profile’s system prompt), then send it again.');
      return `${size} ${fix}`;
    },
    noProvider: vscode.l10n.t('No provider is configured yet. Add one, then try again.'),
    keyMissing: vscode.l10n.t('This provider needs an API key. Set it, then retry.'),
    unexpectedError: vscode.l10n.t('Something unexpected went wrong. See Parley’s log for details, then retry.'),
    newConversationTitle: vscode.l10n.t('New chat'),
    errorText: (text) => formatErrorText(text, userLanguage()),
  };
}
