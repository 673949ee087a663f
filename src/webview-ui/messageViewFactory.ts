/**
 * The one place that picks the message renderer. The UI depends only on the
 * StreamingMessageView contract (./markdown/types). Swap to
 * `export { createStreamingMessageView } from './markdown';` once the markdown
 * renderer is merged.
 */
export { createStreamingMessageView } from './plainMessageView';
