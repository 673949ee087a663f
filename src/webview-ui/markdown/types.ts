import type { FrameScheduler } from './frameSchedulers';
/**
 * The contract between the streaming markdown renderer and the chat UI that
 * hosts it. The renderer owns one message's DOM; the UI wires clicks on code
 * block actions and links through event delegation and posts them to the host.
 */
export type CodeBlockAction = 'copy' | 'insert' | 'replace' | 'diff' | 'newFile';

export interface CodeBlockInfo {
  /** Language from the fence info string ("" when none). */
  language: string;
  /** The code exactly as the model wrote it (not highlighted, not sanitized HTML). */
  code: string;
}

export interface StreamingMessageView {
  /** The element the message renders into (created by the view, owned by the caller's container). */
  readonly element: HTMLElement;
  /** Appends streamed text; rendering is batched to at most one DOM update per animation frame. */
  append(delta: string): void;
  /** Replaces the whole text so far (Emma's non-prefix updates, final `done` text). */
  replace(text: string): void;
  /**
   * Marks the stream finished: renders the rest as final, at once when that
   * is one bounded step, else over the next animation frames (aria-busy
   * stays "true" until then).
   */
  finish(): void;
  /** The raw markdown so far. */
  text(): string;
  /** The code block a clicked action button belongs to (buttons carry data-code-index). */
  codeBlock(index: number): CodeBlockInfo | undefined;
  dispose(): void;
}

export interface StreamingMessageViewOptions {
  /** Labels for the code-block action buttons, supplied by the host in the UI language. */
  labels: Record<CodeBlockAction, string>;
  /** false: no render cap, everything is markdown (benchmarks measure the renderer itself with it). */
  renderCap?: boolean;
  /** The note and button shown when a reply is past the render cap (the rest as plain text). */
  limitLabels?: { notice: string; showAll: string };
  /** Runs finish()'s steps after the first (default: animation frames; tests pass a stepped one). */
  finishScheduler?: FrameScheduler;
  /** Called after each batched DOM update (the UI uses it for auto-scroll). */
  onRendered?: () => void;
}
