import { redactText } from '../net/redact';
import type { Conversation } from '../protocol/model';

/**
 * The conversation with every error card's text passed through the one
 * redaction, for what is written to disk (the cards were redacted when made;
 * this also covers files from older versions and errors set elsewhere).
 */
export function withRedactedErrors(conversation: Conversation): Conversation {
  if (!conversation.turns.some((t) => t.reply?.error)) return conversation;
  return {
    ...conversation,
    turns: conversation.turns.map((turn) =>
      turn.reply?.error ? { ...turn, reply: { ...turn.reply, error: { ...turn.reply.error, message: redactText(turn.reply.error.message) } } } : turn,
    ),
  };
}
