/** Shared helpers for the decoder tests: byte streams, chunkings and collectors. */
import { isProviderError } from '../../../src/net/errors';
import { SseDecoder, type SseEvent } from '../../../src/net/sse';
import { NdjsonDecoder } from '../../../src/net/ndjson';
import type { DecoderOptions } from '../../../src/net/lineSplitter';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
export const BOM_BYTES = Uint8Array.of(0xef, 0xbb, 0xbf);

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Cuts `bytes` at the given positions (any order, duplicates and out-of-range ignored). */
export function cut(bytes: Uint8Array, positions: readonly number[]): Uint8Array[] {
  const points = [...new Set(positions.filter((p) => p > 0 && p < bytes.length))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.slice(start, point));
    start = point;
  }
  return chunks;
}

export function byteByByte(bytes: Uint8Array): Uint8Array[] {
  return Array.from(bytes, (b) => Uint8Array.of(b));
}

/** What a decoder produced: its items and, if it threw, the error code. */
export interface Outcome<T> {
  items: T[];
  error?: string;
}

function run<T>(push: (chunk: Uint8Array, emit: (item: T) => void) => void, end: (emit: (item: T) => void) => void, chunks: readonly Uint8Array[]): Outcome<T> {
  const items: T[] = [];
  const emit = (item: T): void => {
    items.push(item);
  };
  try {
    for (const chunk of chunks) push(chunk, emit);
    end(emit);
  } catch (error) {
    if (!isProviderError(error)) throw error;
    return { items, error: error.code };
  }
  return { items };
}

export function sseOutcome(chunks: readonly Uint8Array[], options?: DecoderOptions): Outcome<SseEvent> {
  const decoder = new SseDecoder(options);
  return run<SseEvent>((c, e) => decoder.push(c, e), (e) => decoder.end(e), chunks);
}

export function ndjsonOutcome(chunks: readonly Uint8Array[], options?: DecoderOptions): Outcome<string> {
  const decoder = new NdjsonDecoder(options);
  return run<string>((c, e) => decoder.push(c, e), (e) => decoder.end(e), chunks);
}

/** The events of a stream that must decode without error. */
export function sse(...chunks: (string | Uint8Array)[]): SseEvent[] {
  const outcome = sseOutcome(chunks.map((c) => (typeof c === 'string' ? utf8(c) : c)));
  if (outcome.error !== undefined) throw new Error(`unexpected ${outcome.error} error`);
  return outcome.items;
}

export function ndjson(...chunks: (string | Uint8Array)[]): string[] {
  const outcome = ndjsonOutcome(chunks.map((c) => (typeof c === 'string' ? utf8(c) : c)));
  if (outcome.error !== undefined) throw new Error(`unexpected ${outcome.error} error`);
  return outcome.items;
}

export async function* asyncChunks(chunks: readonly (string | Uint8Array)[], onClose?: () => void): AsyncGenerator<Uint8Array> {
  try {
    for (const chunk of chunks) {
      await Promise.resolve();
      yield typeof chunk === 'string' ? utf8(chunk) : chunk;
    }
  } finally {
    onClose?.();
  }
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
