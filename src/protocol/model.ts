/**
 * Data shapes shared by the host and the chat view: conversations, replies,
 * providers and history entries. The conversation file format (src/chat) is
 * built from the same schemas. Objects are strict: an unexpected field (for
 * example a key someone tried to smuggle along) makes the whole value invalid.
 */
// zod/mini: the same schemas at a fraction of the size in the webview bundle (~25 KB instead of ~450 KB).
import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1), z.maxLength(200));
const timestamp = z.number().check(z.minimum(0));
const count = z.number().check(z.int(), z.minimum(0));
const bounded = (max: number) => z.string().check(z.maxLength(max));

export const REPLY_STATUSES = ['streaming', 'done', 'stopped', 'error', 'interrupted'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** What an error card offers to fix the failure. */
export const ERROR_ACTIONS = ['setApiKey', 'openSettings', 'retry', 'manageProviders'] as const;
export type ErrorAction = (typeof ERROR_ACTIONS)[number];

export const PROVIDER_KINDS = ['emma', 'secondme', 'openai-compatible'] as const;

export const ReplyErrorSchema = z.strictObject({
  /** A ProviderError code, or `no_provider` / `unexpected`. */
  code: z.string().check(z.minLength(1), z.maxLength(64)),
  message: bounded(4000),
  action: z.optional(z.enum(ERROR_ACTIONS)),
});
export type ReplyError = z.infer<typeof ReplyErrorSchema>;

export const ReplySchema = z.strictObject({
  text: z.string(),
  status: z.enum(REPLY_STATUSES),
  providerId: id,
  providerLabel: bounded(200),
  model: z.optional(bounded(200)),
  /** Token counts exactly as the API reported them; absent when it did not. */
  promptTokens: z.optional(count),
  outputTokens: z.optional(count),
  /** Milliseconds from sending the request to the first text. */
  ttftMs: z.optional(count),
  durationMs: z.optional(count),
  finishReason: z.optional(bounded(100)),
  startedAt: timestamp,
  error: z.optional(ReplyErrorSchema),
});
export type Reply = z.infer<typeof ReplySchema>;

export const TurnSchema = z.strictObject({
  id,
  /** The full text sent to the provider. */
  prompt: z.string(),
  /** Short text shown instead of the prompt (e.g. "Explain Selection · util.ts:10–24"). */
  displayText: z.optional(z.string()),
  /** Notes given with the question (e.g. "Selection cut to 4,500 characters"). */
  notes: z.array(z.string()),
  /** Notes about what the last request left out (older turns, cut messages). */
  contextNotes: z.optional(z.array(z.string())),
  createdAt: timestamp,
  reply: z.optional(ReplySchema),
});
export type Turn = z.infer<typeof TurnSchema>;

export const ConversationSchema = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/)),
  title: bounded(500),
  createdAt: timestamp,
  updatedAt: timestamp,
  turns: z.array(TurnSchema),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** A provider profile as the view sees it: never options, never anything secret. */
export const ProviderInfoSchema = z.strictObject({
  id,
  label: bounded(200),
  kind: z.enum(PROVIDER_KINDS),
  model: z.optional(bounded(200)),
  /** The models the view's model picker offers for this profile (the one in use included). */
  models: z.optional(z.array(bounded(200)).check(z.maxLength(100))),
  /** True when the profile comes from workspace or folder settings, not the user's: the picker marks it. */
  fromWorkspace: z.optional(z.boolean()),
});
export type ProviderInfo = z.infer<typeof ProviderInfoSchema>;

export const HistoryItemSchema = z.strictObject({
  id,
  title: bounded(500),
  updatedAt: timestamp,
  turnCount: count,
  /** A piece of text around the search match, when listed by a search. */
  snippet: z.optional(bounded(400)),
});
export type HistoryItem = z.infer<typeof HistoryItemSchema>;

export const HistoryStateSchema = z.strictObject({
  visible: z.boolean(),
  query: bounded(500),
  items: z.array(HistoryItemSchema),
});
export type HistoryState = z.infer<typeof HistoryStateSchema>;

/** Everything the view shows; sent whole on `ready` so a restored view needs nothing else. */
export const ViewStateSchema = z.strictObject({
  conversation: ConversationSchema,
  providers: z.array(ProviderInfoSchema),
  activeProviderId: z.optional(id),
  history: HistoryStateSchema,
});
export type ViewState = z.infer<typeof ViewStateSchema>;
