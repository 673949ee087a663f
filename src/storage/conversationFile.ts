/**
 * The on-disk format of one conversation (`<id>.json`), validated with zod
 * when read. A reply still `streaming` in a file was cut off by a crash or a
 * reload: it is kept and marked `interrupted`. A file with a higher `version`
 * comes from a newer Parley: it is recognised as such, never taken for corrupt.
 */
import * as z from 'zod/mini';
import { ConversationSchema, type Conversation } from '../protocol/model';

export const CONVERSATION_FILE_VERSION = 1;

export const ConversationFileSchema = z.strictObject({
  format: z.literal('parley.conversation'),
  version: z.literal(CONVERSATION_FILE_VERSION),
  conversation: ConversationSchema,
});

export function serializeConversation(conversation: Conversation): string {
  return JSON.stringify({ format: 'parley.conversation', version: CONVERSATION_FILE_VERSION, conversation });
}

export type ParsedFile =
  | { ok: true; conversation: Conversation }
  | { ok: false; reason: string }
  /** Written by a later Parley in a format this one does not know: to be left exactly as it is. */
  | { ok: false; newer: NewerFile };

export interface NewerFile {
  version: number;
  /** Read loosely (the format may have changed), only to list the file. */
  title?: string;
  updatedAt?: number;
}

/** A `parley.conversation` file whose whole-number `version` is above the one this build writes. */
function newerFile(data: unknown): NewerFile | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { format, version, conversation } = data as { format?: unknown; version?: unknown; conversation?: unknown };
  if (format !== 'parley.conversation' || typeof version !== 'number' || !Number.isInteger(version)) return undefined;
  if (version <= CONVERSATION_FILE_VERSION) return undefined;
  const found: NewerFile = { version };
  if (typeof conversation === 'object' && conversation !== null) {
    const { title, updatedAt } = conversation as { title?: unknown; updatedAt?: unknown };
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
  const newer = newerFile(data);
  if (newer) return { ok: false, newer };
  const result = ConversationFileSchema.safeParse(data);
  if (!result.success) {
    const paths = result.error.issues.slice(0, 3).map((i) => i.path.join('.') || '(root)');
    return { ok: false, reason: `does not match the conversation format (${paths.join(', ')})` };
  }
  const conversation = result.data.conversation;
  if (conversation.id !== expectedId) return { ok: false, reason: 'its id does not match its file name' };
  return { ok: true, conversation: markInterrupted(conversation) };
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
