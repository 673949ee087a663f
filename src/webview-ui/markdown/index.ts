// The streaming markdown renderer of the chat view (see types.ts for the contract).
import type { StreamingMessageView, StreamingMessageViewOptions } from './types';
import { StreamingMarkdownView } from './streamingMessageView';
import type { FrameScheduler } from './frameSchedulers';

export type { CodeBlockAction, CodeBlockInfo, StreamingMessageView, StreamingMessageViewOptions } from './types';
export { renderMarkdown } from './renderPipeline';
export { BUNDLED_LANGUAGES } from './highlight';
export { ManualScheduler } from './manualScheduler';
export {
  animationFrameScheduler,
  budgetFrameScheduler,
  throttledFrameScheduler,
  type BudgetOptions,
  type FrameScheduler,
} from './frameSchedulers';

/**
 * Creates the view of one message and appends its element to `container`.
 * `scheduler` defaults to budgetFrameScheduler() (tests pass a stepped one).
 */
export function createStreamingMessageView(
  container: HTMLElement,
  options: StreamingMessageViewOptions,
  scheduler?: FrameScheduler,
): StreamingMessageView {
  return new StreamingMarkdownView(container, options, scheduler);
}
