/**
 * User-facing texts the chat layer produces (notes and error cards). The host
 * passes translated ones (src/webview/uiStrings.ts); these English defaults
 * keep the layer testable.
 */
import type { BudgetUnit } from '../protocol/model';
import { formatErrorText, type ErrorText } from '../net/errorTexts';

export interface ChatTexts {
  olderTurnsLeftOut(count: number, kept: number): string;
  /** Token windows: older turns did not fit in what the new message left of the window. */
  olderTurnsLeftOutToFit(count: number, contextWindow: number): string;
  messagesCut(count: number, limit: number): string;
  /** The message is over the budget and was not sent; `largest` names the biggest attachment. */
  overBudget(used: number, limit: number, unit: BudgetUnit, largest?: { name: string; used: number }): string;
  noProvider: string;
  keyMissing: string;
  unexpectedError: string;
  newConversationTitle: string;
  /** A provider or network error's text (message id + parameters) in the user's language. */
  errorText(text: ErrorText): string;
}

const n = (value: number) => value.toLocaleString('en');
const unitName = (unit: BudgetUnit) => (unit === 'characters' ? 'characters' : 'tokens (estimated)');

export const DEFAULT_CHAT_TEXTS: ChatTexts = {
  olderTurnsLeftOut: (count, kept) =>
    `${count} older ${count === 1 ? 'turn was' : 'turns were'} left out: this provider accepts only the last ${kept}.`,
  olderTurnsLeftOutToFit: (count, window) =>
    `${count} older ${count === 1 ? 'turn was' : 'turns were'} left out to fit the model’s context window of ${n(window)} tokens.`,
  messagesCut: (count, limit) =>
    `${count} earlier ${count === 1 ? 'message was' : 'messages were'} cut to ${n(limit)} characters for this provider.`,
  overBudget: (used, limit, unit, largest) =>
    `Not sent: the message uses ${n(used)} of ${n(limit)} ${unitName(unit)}. ` +
    (largest
      ? `Remove an attachment (the largest is ${largest.name}, ${n(largest.used)}) or shorten the question, then send it again.`
      : 'Shorten the question (or the profile’s system prompt), then send it again.'),
  noProvider: 'No provider is configured yet. Add one, then try again.',
  keyMissing: 'This provider needs an API key. Set it, then retry.',
  unexpectedError: 'Something unexpected went wrong. See Parley’s log for details, then retry.',
  newConversationTitle: 'New chat',
  errorText: (text) => formatErrorText(text),
};
