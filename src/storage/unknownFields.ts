/**
 * Fields of a saved file that this build does not know (written by a newer
 * Parley of the same format version, or by hand). They are split off when a
 * file is read, so the chat only ever sees the conversation it knows, and put
 * back where they were (by turn and attachment id) when it is written again.
 */
import type { Attachment, Conversation, Reply, ReplyError, Turn } from '../protocol/model';
import {
  isKnownErrorAction,
  knownFields,
  type StoredAttachment,
  type StoredError,
  type StoredFile,
  type StoredReply,
  type StoredTurn,
} from './storedConversation';

type Fields = Record<string, unknown>;

interface TurnUnknownFields {
  turn?: Fields;
  /** The reply they were read with (its start): a regenerated reply does not get them. */
  replyStartedAt?: number;
  reply?: Fields;
  error?: Fields;
  attachments?: Map<string, Fields>;
}

export interface UnknownFields {
  file?: Fields;
  conversation?: Fields;
  turns?: Map<string, TurnUnknownFields>;
}

/** The fields of `value` whose names are not in `known`, or undefined when there are none. */
function unknownOf(value: object, known: readonly string[]): Fields | undefined {
  let found: Fields | undefined;
  for (const [key, field] of Object.entries(value)) {
    if (known.includes(key)) continue;
    found ??= {};
    Object.defineProperty(found, key, { value: field, enumerable: true, writable: true, configurable: true });
  }
  return found;
}

/** The fields of `value` whose names are in `known` (those present). */
function knownOf<T extends object>(value: object, known: readonly string[]): T {
  const picked: Fields = {};
  for (const [key, field] of Object.entries(value)) if (known.includes(key) && field !== undefined) picked[key] = field;
  return picked as T;
}

function errorFrom(stored: StoredError, into: TurnUnknownFields): ReplyError {
  const error = knownOf<ReplyError>(stored, knownFields().error);
  const unknown = unknownOf(stored, knownFields().error) ?? {};
  if (stored.action !== undefined && !isKnownErrorAction(stored.action)) {
    delete error.action;
    unknown.action = stored.action;
  }
  if (Object.keys(unknown).length > 0) into.error = unknown;
  return error;
}

function replyFrom(stored: StoredReply, into: TurnUnknownFields): Reply {
  const reply = knownOf<Reply>(stored, knownFields().reply);
  into.replyStartedAt = stored.startedAt;
  into.reply = unknownOf(stored, knownFields().reply);
  if (stored.error) reply.error = errorFrom(stored.error, into);
  return reply;
}

function attachmentFrom(stored: StoredAttachment, into: TurnUnknownFields): Attachment {
  const unknown = unknownOf(stored, knownFields().attachment);
  if (unknown) (into.attachments ??= new Map()).set(stored.id, unknown);
  return knownOf<Attachment>(stored, knownFields().attachment);
}

function turnFrom(stored: StoredTurn, unknown: UnknownFields): Turn {
  const into: TurnUnknownFields = { turn: unknownOf(stored, knownFields().turn) };
  const turn = knownOf<Turn>(stored, knownFields().turn);
  if (stored.attachments) turn.attachments = stored.attachments.map((a) => attachmentFrom(a, into));
  if (stored.reply) turn.reply = replyFrom(stored.reply, into);
  if (into.turn || into.reply || into.error || into.attachments) (unknown.turns ??= new Map()).set(stored.id, into);
  return turn;
}

/** Splits a parsed file into the conversation the chat knows and the fields it does not. */
export function splitUnknownFields(file: StoredFile): { conversation: Conversation; unknown?: UnknownFields } {
  const unknown: UnknownFields = {
    file: unknownOf(file, knownFields().file),
    conversation: unknownOf(file.conversation, knownFields().conversation),
  };
  const conversation = knownOf<Conversation>(file.conversation, knownFields().conversation);
  conversation.turns = file.conversation.turns.map((turn) => turnFrom(turn, unknown));
  const any = unknown.file || unknown.conversation || unknown.turns;
  return any ? { conversation, unknown } : { conversation };
}

/** `value` with the unknown fields put back under it; the known ones win. */
function withUnknown<T extends object>(value: T, unknown: Fields | undefined): T {
  return unknown ? { ...unknown, ...value } : value;
}

function turnWithUnknown(turn: Turn, unknown: TurnUnknownFields | undefined): object {
  if (!unknown) return turn;
  const out: Fields = withUnknown({ ...turn }, unknown.turn);
  if (turn.attachments && unknown.attachments) {
    out.attachments = turn.attachments.map((a) => withUnknown(a, unknown.attachments?.get(a.id)));
  }
  if (turn.reply && turn.reply.startedAt === unknown.replyStartedAt) {
    const reply: Fields = withUnknown({ ...turn.reply }, unknown.reply);
    if (turn.reply.error) reply.error = withUnknown(turn.reply.error, unknown.error);
    out.reply = reply;
  }
  return out;
}

/** The conversation's content with the unknown fields read from its file put back. */
export function conversationWithUnknown(conversation: Conversation, unknown: UnknownFields | undefined): object {
  if (!unknown) return conversation;
  const turns = conversation.turns.map((turn) => turnWithUnknown(turn, unknown.turns?.get(turn.id)));
  return withUnknown({ ...conversation, turns }, unknown.conversation);
}

export function fileFieldsOf(unknown: UnknownFields | undefined): Fields {
  return unknown?.file ?? {};
}
