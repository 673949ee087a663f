/**
 * The host ⇄ chat view protocol: one discriminated union per direction, each
 * with its zod schema. Both sides validate what they receive with
 * `parseHostMessage` / `parseWebviewMessage` and ignore (and log) the rest.
 * No message carries a key: objects are strict, so an extra field is invalid.
 */
import * as z from 'zod/mini';
// Schemas are z.lazy: each is built on its first parse, not while the bundle loads (that is activation time).
import {
  ATTACHMENTS_MAX,
  ComposerStateSchema,
  ConversationSchema,
  ERROR_ACTIONS,
  HistoryItemSchema,
  ProviderInfoSchema,
  ReplySchema,
  TurnSchema,
  ViewStateSchema,
} from './model';

const id = z.string().check(z.minLength(1), z.maxLength(200));
/** Generous bound so one message can never become a memory problem. */
const text = z.string().check(z.maxLength(5_000_000));
const nonEmptyText = z.string().check(z.minLength(1), z.maxLength(5_000_000));
const bounded = (max: number) => z.string().check(z.maxLength(max));

// ---- host → webview ----------------------------------------------------------

export const HostMessageSchema = z.lazy(() =>
  z.discriminatedUnion('type', [
    /** First message after `ready`: the UI strings in the user's language and the whole state. */
    z.strictObject({ type: z.literal('init'), strings: z.record(bounded(100), bounded(2000)), state: ViewStateSchema }),
    /** The whole conversation: when one is opened or started (and with `init`). The same id again keeps the turns already shown. */
    z.strictObject({ type: z.literal('conversation'), conversation: ConversationSchema }),
    /**
     * Changes to the conversation on screen (`conversationId`), so that asking in a
     * long conversation sends one turn, not all of them: a turn asked (appended at
     * the end); a turn shown anew (a regenerated question, its reply gone); the turn
     * `fromTurnId` and every turn after it gone (regenerate / edit & resend).
     */
    z.strictObject({ type: z.literal('turnAdded'), conversationId: id, turn: TurnSchema }),
    z.strictObject({ type: z.literal('turnUpdated'), conversationId: id, turn: TurnSchema }),
    z.strictObject({ type: z.literal('turnsRemoved'), conversationId: id, fromTurnId: id }),
    z.strictObject({
      type: z.literal('providers'),
      providers: z.array(ProviderInfoSchema),
      activeProviderId: z.optional(id),
    }),
    /** A reply started, changed status or ended: the whole reply without its text growing. */
    z.strictObject({ type: z.literal('reply'), turnId: id, reply: ReplySchema, contextNotes: z.optional(z.array(z.string())) }),
    z.strictObject({ type: z.literal('replyDelta'), turnId: id, text }),
    z.strictObject({ type: z.literal('replyReplace'), turnId: id, text }),
    z.strictObject({
      type: z.literal('history'),
      visible: z.boolean(),
      query: bounded(500),
      items: z.array(HistoryItemSchema),
    }),
    z.strictObject({ type: z.literal('notice'), level: z.enum(['info', 'warning', 'error']), text: bounded(4000) }),
    z.strictObject({ type: z.literal('focusInput') }),
    /** The composer's attachments, suggestion and budget meter changed. */
    z.strictObject({ type: z.literal('composer'), composer: ComposerStateSchema }),
    /** The `#` file picker closed without a pick: put the `#` back where it was typed. */
    z.strictObject({ type: z.literal('pickCancelled') }),
    /** Whether a conversation is saved: `problem` (the banner text) while its saves fail, absent once one succeeds. */
    z.strictObject({ type: z.literal('saveStatus'), conversationId: id, problem: z.optional(bounded(1000)) }),
  ]),
);
export type HostMessage = z.infer<typeof HostMessageSchema>;

// ---- webview → host ----------------------------------------------------------

export const CODE_ACTIONS = ['copy', 'insert', 'replace', 'diff', 'newFile'] as const;
export const SETUP_ACTIONS = ['manageProviders', 'setApiKey'] as const;
/** The save-failure banner's buttons: write again now, or save a Markdown copy elsewhere. */
export const SAVE_ACTIONS = ['retry', 'export'] as const;

export const WebviewMessageSchema = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('ready') }),
    /** `attachmentIds`: the chips shown when Send was pressed (the host holds their content). */
    z.strictObject({
      type: z.literal('send'),
      text: nonEmptyText,
      attachmentIds: z.optional(z.array(id).check(z.maxLength(ATTACHMENTS_MAX))),
    }),
    /** The composer's text changed: the host answers with the budget meter for it. */
    z.strictObject({ type: z.literal('draft'), text, revision: z.number().check(z.int(), z.minimum(0)) }),
    z.strictObject({ type: z.literal('attachmentRemove'), id }),
    /** Paperclip or `#`: pick workspace files. */
    z.strictObject({ type: z.literal('attachPick'), viaHash: z.boolean() }),
    /** The suggestion chip (the active editor) was clicked. */
    z.strictObject({ type: z.literal('attachSuggestion') }),
    /** Files dropped on the view (Shift while dragging), as URIs. */
    z.strictObject({ type: z.literal('attachDrop'), uris: z.array(bounded(8000)).check(z.minLength(1), z.maxLength(100)) }),
    z.strictObject({ type: z.literal('stop') }),
    z.strictObject({ type: z.literal('regenerate'), turnId: id }),
    z.strictObject({ type: z.literal('editResend'), turnId: id, text: nonEmptyText }),
    z.strictObject({ type: z.literal('errorAction'), turnId: id, action: z.enum(ERROR_ACTIONS) }),
    z.strictObject({ type: z.literal('setupAction'), action: z.enum(SETUP_ACTIONS) }),
    z.strictObject({ type: z.literal('selectProvider'), providerId: id }),
    z.strictObject({ type: z.literal('selectModel'), providerId: id, model: z.string().check(z.minLength(1), z.maxLength(200)) }),
    z.strictObject({ type: z.literal('newChat') }),
    // The page got the keyboard focus: editor commands now go to this chat.
    z.strictObject({ type: z.literal('viewFocus') }),
    z.strictObject({
      type: z.literal('codeAction'),
      action: z.enum(CODE_ACTIONS),
      code: text,
      language: bounded(100),
    }),
    z.strictObject({ type: z.literal('copyText'), text }),
    z.strictObject({ type: z.literal('openLink'), href: bounded(8000) }),
    z.strictObject({ type: z.literal('historyToggle'), visible: z.boolean() }),
    z.strictObject({ type: z.literal('historySearch'), query: bounded(500) }),
    // `inNewTab`: Ctrl/Cmd-click opens the conversation in a new editor tab instead of this chat.
    z.strictObject({ type: z.literal('historyOpen'), id, inNewTab: z.optional(z.boolean()) }),
    z.strictObject({ type: z.literal('historyRename'), id }),
    z.strictObject({ type: z.literal('historyDelete'), id }),
    z.strictObject({ type: z.literal('historyExport'), id }),
    z.strictObject({ type: z.literal('saveAction'), conversationId: id, action: z.enum(SAVE_ACTIONS) }),
  ]),
);
export type WebviewMessage = z.infer<typeof WebviewMessageSchema>;

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: string };

function parseWith<T>(schema: z.ZodMiniType<T>, data: unknown): ParseResult<T> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, message: result.data };
  const kind = typeof data === 'object' && data !== null && 'type' in data ? String((data as { type: unknown }).type) : typeof data;
  // Only the message kind and the paths that failed: never the values (they could hold anything).
  const paths = result.error.issues.map((issue) => issue.path.join('.') || '(root)').slice(0, 5);
  return { ok: false, error: `invalid message "${kind.slice(0, 40)}" at ${paths.join(', ')}` };
}

export const parseHostMessage = (data: unknown): ParseResult<HostMessage> => parseWith(HostMessageSchema, data);
export const parseWebviewMessage = (data: unknown): ParseResult<WebviewMessage> =>
  parseWith(WebviewMessageSchema, data);
