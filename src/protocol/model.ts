/**
 * Data shapes shared by the host and the chat view: conversations, replies,
 * providers and history entries. The conversation file format (src/chat) is
 * built from the same schemas. Objects are strict: an unexpected field (for
 * example a key someone tried to smuggle along) makes the whole value invalid.
 */
import { z } from 'zod';

const id = z.string().min(1).max(200);
const timestamp = z.number().finite().nonnegative();
const count = z.number().int().nonnegative();

export const REPLY_STATUSES = ['streaming', 'done', 'stopped', 'error', 'interrupted'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** What an error card offers to fix the failure. */
export const ERROR_ACTIONS = ['setApiKey', 'openSettings', 'retry', 'manageProviders'] as const;
export type ErrorAction = (typeof ERROR_ACTIONS)[number];

export const PROVIDER_KINDS = ['emma', 'secondme', 'openai-compatible'] as const;

export const ReplyErrorSchema = z.strictObject({
  /** A ProviderError code, or `no_provider` / `unexpected`. */
  code: z.string().min(1).max(64),
  message: z.string().max(4000),
  action: z.enum(ERROR_ACTIONS).optional(),
});
export type ReplyError = z.infer<typeof ReplyErrorSchema>;

export const ReplySchema = z.strictObject({
  text: z.string(),
  status: z.enum(REPLY_STATUSES),
  providerId: id,
  providerLabel: z.string().max(200),
  model: z.string().max(200).optional(),
  /** Token counts exactly as the API reported them; absent when it did not. */
  promptTokens: count.optional(),
  outputTokens: count.optional(),
  /** Milliseconds from sending the request to the first text. */
  ttftMs: count.optional(),
  durationMs: count.optional(),
  finishReason: z.string().max(100).optional(),
  startedAt: timestamp,
  error: ReplyErrorSchema.optional(),
});
export type Reply = z.infer<typeof ReplySchema>;

export const TurnSchema = z.strictObject({
  id,
  /** The full text sent to the provider. */
  prompt: z.string(),
  /** Short text shown instead of the prompt (e.g. "Explain Selection · util.ts:10–24"). */
  displayText: z.string().optional(),
  /** Notes given with the question (e.g. "Selection cut to 4,500 characters"). */
  notes: z.array(z.string()),
  /** Notes about what the last request left out (older turns, cut messages). */
  contextNotes: z.array(z.string()).optional(),
  createdAt: timestamp,
  reply: ReplySchema.optional(),
});
export type Turn = z.infer<typeof TurnSchema>;

export const ConversationSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  title: z.string().max(500),
  createdAt: timestamp,
  updatedAt: timestamp,
  turns: z.array(TurnSchema),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** A provider profile as the view sees it: never options, never anything secret. */
export const ProviderInfoSchema = z.strictObject({
  id,
  label: z.string().max(200),
  kind: z.enum(PROVIDER_KINDS),
  model: z.string().max(200).optional(),
});
export type ProviderInfo = z.infer<typeof ProviderInfoSchema>;

export const HistoryItemSchema = z.strictObject({
  id,
  title: z.string().max(500),
  updatedAt: timestamp,
  turnCount: count,
  /** A piece of text around the search match, when listed by a search. */
  snippet: z.string().max(400).optional(),
});
export type HistoryItem = z.infer<typeof HistoryItemSchema>;

export const HistoryStateSchema = z.strictObject({
  visible: z.boolean(),
  query: z.string().max(500),
  items: z.array(HistoryItemSchema),
});
export type HistoryState = z.infer<typeof HistoryStateSchema>;

/** Everything the view shows; sent whole on `ready` so a restored view needs nothing else. */
export const ViewStateSchema = z.strictObject({
  conversation: ConversationSchema,
  providers: z.array(ProviderInfoSchema),
  activeProviderId: id.optional(),
  history: HistoryStateSchema,
});
export type ViewState = z.infer<typeof ViewStateSchema>;
