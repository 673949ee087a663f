/**
 * The on-disk format of one conversation (`<id>.json`): `{ format, version,
 * conversation }`. Reading brings an older version up through the migration
 * chain, then validates with storage's own tolerant schema
 * (storedConversation.ts); fields this build does not know come back beside
 * the conversation and are written back by serializeConversation. A reply
 * still `streaming` in a file was cut off by a crash or a reload: it is kept
 * and marked `interrupted`. A file with a higher `version` comes from a newer
 * Parley: it is recognised as such, never taken for corrupt.
 */
import type { Conversation } from '../protocol/model';
import { CONVERSATION_FILE_VERSION, migrate } from './migrations';
import { StoredFileSchema } from './storedConversation';
import { conversationWithUnknown, fileFieldsOf, splitUnknownFields, type UnknownFields } from './unknownFields';

export { CONVERSATION_FILE_VERSION } from './migrations';
export type { UnknownFields } from './unknownFields';

export function serializeConversation(conversation: Conversation, unknown?: UnknownFields): string {
  return JSON.stringify({
    ...fileFieldsOf(unknown),
    format: 'parley.conversation',
    version: CONVERSATION_FILE_VERSION,
    conversation: conversationWithUnknown(conversation, unknown),
  });
}

export type ParsedFile =
  | { ok: true; conversation: Conversation; unknown?: UnknownFields }
  | { ok: false; reason: string }
  /** Written by a later Parley in a format this one does not know: to be left exactly as it is. */
  | { ok: false; newer: NewerFile };

export interface NewerFile {
  version: number;
  /** Read loosely (the format may have changed), only to list the file. */
  title?: string;
  updatedAt?: number;
}

function isRecord(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

/** A `parley.conversation` file whose whole-number `version` is above the one this build writes. */
function newerFile(data: Record<string, unknown>): NewerFile | undefined {
  const { format, version, conversation } = data;
  if (format !== 'parley.conversation' || typeof version !== 'number' || !Number.isInteger(version)) return undefined;
  if (version <= CONVERSATION_FILE_VERSION) return undefined;
  const found: NewerFile = { version };
  if (isRecord(conversation)) {
    const { title, updatedAt } = conversation;
    if (typeof title === 'string') found.title = title.slice(0, 500);
    if (typeof updatedAt === 'number' && Number.isFinite(updatedAt) && updatedAt >= 0) found.updatedAt = updatedAt;
  }
  return found;
}

export function parseConversationFile(text: string, expectedId: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  if (!isRecord(data)) return { ok: false, reason: 'does not match the conversation format ((root))' };
  const newer = newerFile(data);
  if (newer) return { ok: false, newer };
  if (data.format === 'parley.conversation' && typeof data.version === 'number' && Number.isInteger(data.version)) {
    const migrated = migrate(data, data.version);
    if (!migrated.ok) return { ok: false, reason: migrated.reason };
    data = migrated.data;
  }
  const result = StoredFileSchema.safeParse(data);
  if (!result.success) {
    const paths = result.error.issues.slice(0, 3).map((i) => i.path.join('.') || '(root)');
    return { ok: false, reason: `does not match the conversation format (${paths.join(', ')})` };
  }
  const { conversation, unknown } = splitUnknownFields(result.data);
  if (conversation.id !== expectedId) return { ok: false, reason: 'its id does not match its file name' };
  const marked = markInterrupted(conversation);
  return unknown ? { ok: true, conversation: marked, unknown } : { ok: true, conversation: marked };
}

export function markInterrupted(conversation: Conversation): Conversation {
  if (!conversation.turns.some((t) => t.reply?.status === 'streaming')) return conversation;
  return {
    ...conversation,
    turns: conversation.turns.map((turn) =>
      turn.reply?.status === 'streaming' ? { ...turn, reply: { ...turn.reply, status: 'interrupted' } } : turn,
    ),
  };
}
