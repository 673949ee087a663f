// The streaming markdown renderer of the chat view (see types.ts for the contract).
import type { StreamingMessageView, StreamingMessageViewOptions } from './types';
import { StreamingMarkdownView, type FrameScheduler } from './streamingMessageView';

export type { CodeBlockAction, CodeBlockInfo, StreamingMessageView, StreamingMessageViewOptions } from './types';
export { renderMarkdown } from './renderPipeline';
export { BUNDLED_LANGUAGES } from './highlight';
export { animationFrameScheduler, throttledFrameScheduler, type FrameScheduler } from './streamingMessageView';

/**
 * Creates the view of one message and appends its element to `container`.
 * `scheduler` defaults to requestAnimationFrame (tests pass a stepped one).
 */
export function createStreamingMessageView(
  container: HTMLElement,
  options: StreamingMessageViewOptions,
  scheduler?: FrameScheduler,
): StreamingMessageView {
  return new StreamingMarkdownView(container, options, scheduler);
}
