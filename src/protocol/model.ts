/**
 * Data shapes shared by the host and the chat view: conversations, replies,
 * providers and history entries. Saved conversation files have their own,
 * tolerant schema (src/storage), so tightening these never sets files aside. Objects are strict: an unexpected field (for
 * example a key someone tried to smuggle along) makes the whole value invalid.
 */
// zod/mini: the same schemas at a fraction of the size in the webview bundle (~25 KB instead of ~450 KB).
import * as z from 'zod/mini';
// Schemas are z.lazy: each is built on its first parse, not while the bundle loads (that is activation time).

const id = z.string().check(z.minLength(1), z.maxLength(200));
const timestamp = z.number().check(z.minimum(0));
const count = z.number().check(z.int(), z.minimum(0));
const bounded = (max: number) => z.string().check(z.maxLength(max));

export const REPLY_STATUSES = ['streaming', 'done', 'stopped', 'error', 'interrupted'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** What an error card offers to fix the failure. */
/** `openBilling`: the provider's page where credit is topped up (Emma's Billing), in the browser. */
export const ERROR_ACTIONS = ['setApiKey', 'openSettings', 'retry', 'manageProviders', 'openBilling'] as const;
export type ErrorAction = (typeof ERROR_ACTIONS)[number];

export const PROVIDER_KINDS = ['emma', 'secondme', 'openai-compatible'] as const;

export const ReplyErrorSchema = z.lazy(() =>
  z.strictObject({
    /** A ProviderError code, or `no_provider` / `unexpected`. */
    code: z.string().check(z.minLength(1), z.maxLength(64)),
    message: bounded(4000),
    action: z.optional(z.enum(ERROR_ACTIONS)),
  }),
);
export type ReplyError = z.infer<typeof ReplyErrorSchema>;

export const ReplySchema = z.lazy(() =>
  z.strictObject({
    text: z.string(),
    status: z.enum(REPLY_STATUSES),
    providerId: id,
    providerLabel: bounded(200),
    model: z.optional(bounded(200)),
    /** Token counts exactly as the API reported them; absent when it did not. */
    promptTokens: z.optional(count),
    outputTokens: z.optional(count),
    /** The API's own total (ecovai and other OpenAI-style APIs report it). */
    totalTokens: z.optional(count),
    /** Milliseconds from sending the request to the first text. */
    ttftMs: z.optional(count),
    durationMs: z.optional(count),
    finishReason: z.optional(bounded(100)),
    startedAt: timestamp,
    error: z.optional(ReplyErrorSchema),
  }),
);
export type Reply = z.infer<typeof ReplySchema>;

/** Largest attachment content a turn or a message may carry (characters); the host refuses bigger files first. */
export const ATTACHMENT_MAX_CHARS = 1_000_000;
/** Most attachments one question may carry. */
export const ATTACHMENTS_MAX = 50;

/**
 * Code attached to a question: a file, a selection, an untitled editor or a
 * notebook cell, with the content exactly as it was sent.
 */
export const AttachmentSchema = z.lazy(() =>
  z.strictObject({
    id,
    /** Workspace-relative path (`/`-separated), an untitled editor's name, or `notebook.ipynb#cell 3`. */
    path: bounded(2000),
    /** VS Code language id (`typescript`), or '' when unknown. */
    language: bounded(100),
    /** 1-based, inclusive; absent for a whole file. */
    startLine: z.optional(count),
    endLine: z.optional(count),
    content: bounded(ATTACHMENT_MAX_CHARS),
  }),
);
export type Attachment = z.infer<typeof AttachmentSchema>;

export const TurnSchema = z.lazy(() =>
  z.strictObject({
    id,
    /** The full text sent to the provider. */
    prompt: z.string(),
    /** Short text shown instead of the prompt (e.g. "Explain Selection · util.ts:10–24"). */
    displayText: z.optional(z.string()),
    /** Notes given with the question (e.g. "Selection cut to 4,500 characters"). */
    notes: z.array(z.string()),
    /** Code attached to the question; sent (as fenced blocks before `prompt`) with every Regenerate and Edit & resend. */
    attachments: z.optional(z.array(AttachmentSchema).check(z.maxLength(ATTACHMENTS_MAX))),
    /** Notes about what the last request left out (older turns, cut messages). */
    contextNotes: z.optional(z.array(z.string())),
    createdAt: timestamp,
    reply: z.optional(ReplySchema),
  }),
);
export type Turn = z.infer<typeof TurnSchema>;

export const ConversationSchema = z.lazy(() =>
  z.strictObject({
    id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/)),
    title: bounded(500),
    createdAt: timestamp,
    updatedAt: timestamp,
    turns: z.array(TurnSchema),
  }),
);
export type Conversation = z.infer<typeof ConversationSchema>;

/** A provider profile as the view sees it: never options, never anything secret. */
export const ProviderInfoSchema = z.lazy(() =>
  z.strictObject({
    id,
    label: bounded(200),
    kind: z.enum(PROVIDER_KINDS),
    model: z.optional(bounded(200)),
    /** The models the view's model picker offers for this profile (the one in use included). */
    models: z.optional(z.array(bounded(200)).check(z.maxLength(100))),
    /** True when the profile comes from workspace or folder settings, not the user's: the picker marks it. */
    fromWorkspace: z.optional(z.boolean()),
  }),
);
export type ProviderInfo = z.infer<typeof ProviderInfoSchema>;

export const HistoryItemSchema = z.lazy(() =>
  z.strictObject({
    id,
    title: bounded(500),
    updatedAt: timestamp,
    turnCount: count,
    /** A piece of text around the search match, when listed by a search. */
    snippet: z.optional(bounded(400)),
    /** The file was saved by a newer Parley: listed, but not opened or written by this one. */
    savedByNewerVersion: z.optional(z.boolean()),
    /** Its saves fail: the entry comes from memory and is lost if VS Code closes before a save succeeds. */
    notSaved: z.optional(z.boolean()),
  }),
);
export type HistoryItem = z.infer<typeof HistoryItemSchema>;

export const HistoryStateSchema = z.lazy(() =>
  z.strictObject({
    visible: z.boolean(),
    query: bounded(500),
    items: z.array(HistoryItemSchema),
  }),
);
export type HistoryState = z.infer<typeof HistoryStateSchema>;

/** An attachment waiting in the composer, as its chip shows it (no content: the host keeps that). */
export const AttachmentChipSchema = z.lazy(() =>
  z.strictObject({
    id,
    /** File name only (`util.ts`). */
    name: bounded(500),
    path: bounded(2000),
    startLine: z.optional(count),
    endLine: z.optional(count),
    /** Size of the content in UTF-8 bytes. */
    bytes: count,
  }),
);
export type AttachmentChip = z.infer<typeof AttachmentChipSchema>;

export const BUDGET_UNITS = ['characters', 'tokens'] as const;
export type BudgetUnit = (typeof BUDGET_UNITS)[number];

/** What the next message uses of the active profile's budget (computed by the host from the draft). */
export const BudgetMeterSchema = z.lazy(() =>
  z.strictObject({
    unit: z.enum(BUDGET_UNITS),
    /** Question + attachments + system prompt, in `unit` (tokens are an estimate). */
    used: count,
    limit: count,
    /** Earlier question/answer pairs that will be sent with it, and those left out. */
    historyTurns: count,
    historyLeftOut: count,
    /** The biggest attachment, named when the message is over the budget. */
    largest: z.optional(z.strictObject({ name: bounded(500), used: count })),
    /** The `revision` of the draft this was computed for. */
    revision: count,
  }),
);
export type BudgetMeter = z.infer<typeof BudgetMeterSchema>;

export const ComposerStateSchema = z.lazy(() =>
  z.strictObject({
    attachments: z.array(AttachmentChipSchema).check(z.maxLength(ATTACHMENTS_MAX)),
    /** The active editor, offered as a one-click chip (not attached until clicked). */
    suggestion: z.optional(z.strictObject({ name: bounded(500), path: bounded(2000) })),
    /** Absent when no provider is configured. */
    meter: z.optional(BudgetMeterSchema),
  }),
);
export type ComposerState = z.infer<typeof ComposerStateSchema>;

/** Everything the view shows; sent whole on `ready` so a restored view needs nothing else. */
export const ViewStateSchema = z.lazy(() =>
  z.strictObject({
    conversation: ConversationSchema,
    composer: z.optional(ComposerStateSchema),
    providers: z.array(ProviderInfoSchema),
    activeProviderId: z.optional(id),
    history: HistoryStateSchema,
  }),
);
export type ViewState = z.infer<typeof ViewStateSchema>;
