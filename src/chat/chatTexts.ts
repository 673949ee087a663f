/**
 * User-facing texts the chat layer produces (notes and error cards). The host
 * passes translated ones; these English defaults keep the layer testable.
 */
export interface ChatTexts {
  olderTurnsLeftOut(count: number, kept: number): string;
  messagesCut(count: number, limit: number): string;
  promptCut(limit: number): string;
  noProvider: string;
  keyMissing: string;
  unexpectedError: string;
  newConversationTitle: string;
}

export const DEFAULT_CHAT_TEXTS: ChatTexts = {
  olderTurnsLeftOut: (count, kept) =>
    `${count} older ${count === 1 ? 'turn was' : 'turns were'} left out: this provider accepts only the last ${kept}.`,
  messagesCut: (count, limit) =>
    `${count} earlier ${count === 1 ? 'message was' : 'messages were'} cut to ${limit.toLocaleString('en')} characters for this provider.`,
  promptCut: (limit) => `Your message was cut to ${limit.toLocaleString('en')} characters, the most this provider accepts.`,
  noProvider: 'No provider is configured yet. Add one, then try again.',
  keyMissing: 'This provider needs an API key. Set it, then retry.',
  unexpectedError: 'Something unexpected went wrong. See Parley’s log for details, then retry.',
  newConversationTitle: 'New chat',
};
