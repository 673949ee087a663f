/**
 * The one place that picks the message renderer; the UI depends only on the
 * StreamingMessageView contract (./markdown/types).
 */
export { createStreamingMessageView } from './markdown';
