/**
 * The one place adapters reach the byte decoders of src/net. Decoder failures
 * (a line over 1 MiB) are ProviderError('protocol') without a provider name;
 * here they get the adapter's label in front.
 */
import { isProviderError, ProviderError } from '../net/errors';
import { errorText } from '../net/errorTexts';
import { decodeNdjsonLines } from '../net/ndjson';
import { decodeSse } from '../net/sse';

export interface SseMessage {
  event: string;
  data: string;
  id?: string;
}

async function* labelled<T>(items: AsyncIterable<T>, label: string): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (error) {
    if (isProviderError(error) && error.code === 'protocol' && !('provider' in error.text.params)) {
      throw new ProviderError('protocol', errorText('protocol.ofProvider', { provider: label, problem: error.text }), { cause: error });
    }
    throw error;
  }
}

export function ndjsonLines(body: AsyncIterable<Uint8Array>, label: string): AsyncIterable<string> {
  return labelled(decodeNdjsonLines(body), label);
}

export function sseMessages(body: AsyncIterable<Uint8Array>, label: string): AsyncIterable<SseMessage> {
  return labelled(decodeSse(body), label);
}
