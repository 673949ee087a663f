/**
 * The messages that keep a view's copy of the conversation in step as it
 * changes (see protocol/messages.ts): a turn asked, a turn shown anew, the
 * turns from one on removed. The whole conversation is sent only when one is
 * opened or started. Turns are copied: the controller goes on changing its own.
 */
import type { HostMessage } from '../protocol/messages';
import type { Conversation, Turn } from '../protocol/model';

export type TurnUpdate = Extract<HostMessage, { type: 'turnAdded' | 'turnUpdated' | 'turnsRemoved' }>;

export const turnAdded = (conversation: Conversation, turn: Turn): TurnUpdate => ({
  type: 'turnAdded',
  conversationId: conversation.id,
  turn: structuredClone(turn),
});

export const turnUpdated = (conversation: Conversation, turn: Turn): TurnUpdate => ({
  type: 'turnUpdated',
  conversationId: conversation.id,
  turn: structuredClone(turn),
});

/** `fromTurnId` and every turn after it are gone. */
export const turnsRemoved = (conversation: Conversation, fromTurnId: string): TurnUpdate => ({
  type: 'turnsRemoved',
  conversationId: conversation.id,
  fromTurnId,
});
