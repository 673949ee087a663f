/**
 * The one place adapters reach the byte decoders of src/net, so each adapter
 * reads lines / SSE events without knowing the decoders' options.
 */
import { decodeNdjsonLines } from '../net/ndjson';
import { decodeSse } from '../net/sse';

export interface SseMessage {
  event: string;
  data: string;
  id?: string;
}

export function ndjsonLines(body: AsyncIterable<Uint8Array>, label: string): AsyncIterable<string> {
  return decodeNdjsonLines(body, { label });
}

export function sseMessages(body: AsyncIterable<Uint8Array>, label: string): AsyncIterable<SseMessage> {
  return decodeSse(body, { label });
}
