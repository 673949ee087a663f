/**
 * The saved conversation as storage reads it: its own schema, separate from
 * the view protocol's, so tightening the protocol never sets saved files
 * aside. Tolerant where a file can differ without being garbage: fields this
 * build does not know are kept (and written back, see unknownFields.ts);
 * optional fields may be missing (`notes` and an attachment's `language`
 * default to empty). Required fields, types and bounds are those of format
 * version 1, so garbage is still refused.
 */
import * as z from 'zod/mini';
// Schemas are z.lazy: each is built on its first parse, not while the bundle loads (that is activation time).
import type { ErrorAction, ReplyStatus } from '../protocol/model';

const id = z.string().check(z.minLength(1), z.maxLength(200));
const timestamp = z.number().check(z.minimum(0));
const count = z.number().check(z.int(), z.minimum(0));
const bounded = (max: number) => z.string().check(z.maxLength(max));

/** Reply statuses format version 1 knows; each must stay one the chat knows (checked below). */
export const STORED_REPLY_STATUSES = ['streaming', 'done', 'stopped', 'error', 'interrupted'] as const;
/** Error-card actions format version 1 knows; one it does not know is kept as an unknown field. */
export const STORED_ERROR_ACTIONS = ['setApiKey', 'openSettings', 'retry', 'manageProviders', 'openBilling'] as const;

// A compile error here means the chat dropped a status or action that saved files use: add a migration.
const _statusesFit: readonly ReplyStatus[] = STORED_REPLY_STATUSES;
const _actionsFit: readonly ErrorAction[] = STORED_ERROR_ACTIONS;

export const StoredErrorSchema = z.lazy(() =>
  z.looseObject({
    code: z.string().check(z.minLength(1), z.maxLength(64)),
    message: bounded(4000),
    action: z.optional(z.string()),
  }),
);

export const StoredReplySchema = z.lazy(() =>
  z.looseObject({
    text: z.string(),
    status: z.enum(STORED_REPLY_STATUSES),
    providerId: id,
    providerLabel: bounded(200),
    model: z.optional(bounded(200)),
    promptTokens: z.optional(count),
    outputTokens: z.optional(count),
    totalTokens: z.optional(count),
    ttftMs: z.optional(count),
    durationMs: z.optional(count),
    finishReason: z.optional(bounded(100)),
    startedAt: timestamp,
    error: z.optional(StoredErrorSchema),
  }),
);

export const StoredAttachmentSchema = z.lazy(() =>
  z.looseObject({
    id,
    path: bounded(2000),
    language: z._default(bounded(100), ''),
    startLine: z.optional(count),
    endLine: z.optional(count),
    content: bounded(1_000_000),
  }),
);

export const StoredTurnSchema = z.lazy(() =>
  z.looseObject({
    id,
    prompt: z.string(),
    displayText: z.optional(z.string()),
    notes: z._default(z.array(z.string()), []),
    attachments: z.optional(z.array(StoredAttachmentSchema).check(z.maxLength(50))),
    contextNotes: z.optional(z.array(z.string())),
    createdAt: timestamp,
    reply: z.optional(StoredReplySchema),
  }),
);

export const StoredConversationSchema = z.lazy(() =>
  z.looseObject({
    id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/)),
    title: bounded(500),
    createdAt: timestamp,
    updatedAt: timestamp,
    turns: z.array(StoredTurnSchema),
  }),
);

export const StoredFileSchema = z.lazy(() =>
  z.looseObject({
    format: z.literal('parley.conversation'),
    version: z.number().check(z.int()),
    conversation: StoredConversationSchema,
  }),
);

export type StoredFile = z.infer<typeof StoredFileSchema>;
export type StoredConversation = z.infer<typeof StoredConversationSchema>;
export type StoredTurn = z.infer<typeof StoredTurnSchema>;
export type StoredReply = z.infer<typeof StoredReplySchema>;
export type StoredError = z.infer<typeof StoredErrorSchema>;
export type StoredAttachment = z.infer<typeof StoredAttachmentSchema>;

/** The field names a stored object's schema knows (every other field is an unknown one). */
export interface KnownFields {
  file: string[];
  conversation: string[];
  turn: string[];
  reply: string[];
  error: string[];
  attachment: string[];
}

let knownFieldNames: KnownFields | undefined;

/** The field names each stored object's schema knows; built with the schemas, on first use. */
export function knownFields(): KnownFields {
  knownFieldNames ??= {
    file: Object.keys(StoredFileSchema._zod.innerType.def.shape),
    conversation: Object.keys(StoredConversationSchema._zod.innerType.def.shape),
    turn: Object.keys(StoredTurnSchema._zod.innerType.def.shape),
    reply: Object.keys(StoredReplySchema._zod.innerType.def.shape),
    error: Object.keys(StoredErrorSchema._zod.innerType.def.shape),
    attachment: Object.keys(StoredAttachmentSchema._zod.innerType.def.shape),
  };
  return knownFieldNames;
}

export function isKnownErrorAction(action: string): action is ErrorAction {
  return (STORED_ERROR_ACTIONS as readonly string[]).includes(action);
}
