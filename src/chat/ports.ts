/**
 * The two seams between the editor-facing surface (commands, settings, keys)
 * and the chat itself. The chat layer implements ChatApi; the host layer
 * implements ProviderSource. Both are plain interfaces so either side can be
 * tested with a small in-memory fake.
 */
import type { Attachment } from '../protocol/model';
import type { ProviderDeps, ProviderProfile } from '../providers/types';

export interface Unsubscribe {
  dispose(): void;
}

/** What commands ask of the chat; every call streams into the chat view. */
export interface AskOptions {
  /** The full text sent to the provider (e.g. a prompt template with the selection filled in). */
  prompt: string;
  /** Short text shown as the user's turn in the view, e.g. "Explain Selection · util.ts:10–24". Defaults to `prompt`. */
  displayText?: string;
  /** Notes shown with the turn, e.g. "Only lines 10–52 were sent". Never silent. */
  notes?: string[];
  /** Code attached to the question (sent as fenced blocks before it, and again on Regenerate). */
  attachments?: Attachment[];
  /**
   * Send the conversation's earlier turns with this question (default true, as in a chat).
   * One-shot editor commands pass false unless their prompt asks for history.
   */
  history?: boolean;
}

export interface ChatApi {
  /** Adds a user turn to the current conversation and streams the reply. Resolves when the reply ends (any way). */
  ask(options: AskOptions): Promise<void>;
  /** Starts an empty conversation and shows it. */
  newChat(): void;
  /** The current conversation as Markdown, or undefined when it is empty. Never contains a key. */
  exportMarkdown(): string | undefined;
  /** Stops the reply being streamed, if any. */
  stop(): void;
  /** Adds chips to the composer without sending (Add Selection / Add File); returns how many were new. */
  addAttachments(attachments: Attachment[]): Promise<number>;
}

/** What the commands use: the chat of the last focused session, which they can also show (Focus Chat). */
export interface FocusedChatApi extends ChatApi {
  /** Shows the session and puts the focus in its composer. */
  reveal(): Promise<void>;
}

/** Where the chat gets the configured providers and what they need to make a request. */
export interface ProviderSource {
  /** All valid profiles from settings (invalid ones are reported by the host and left out). */
  list(): ProviderProfile[];
  /** The active profile (`parley.activeProvider`), or undefined when none is configured. */
  active(): ProviderProfile | undefined;
  setActive(profileId: string): Promise<void>;
  /** Network settings and the key lookup for createProvider(). */
  deps(): ProviderDeps;
  /**
   * Makes sure the profile can be used: e.g. asks for its API key at first use.
   * Resolves false when the user cancelled (the chat then shows a "Set API key" card).
   */
  ensureReady(profile: ProviderProfile): Promise<boolean>;
  onDidChange(listener: () => void): Unsubscribe;
  /**
   * The models the profile's endpoint listed (GET /models), when known; asking
   * may start a silent discovery that fires onDidChange when it finds a list.
   */
  discoveredModels?(profile: ProviderProfile): string[] | undefined;
  /** True when the profiles come from workspace or folder settings (untrusted input), not the user's. */
  profilesFromWorkspace?(): boolean;
}
