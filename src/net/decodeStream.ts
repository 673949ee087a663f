/**
 * Turns a push-style decoder (SSE, NDJSON) into an async iterable over a byte
 * stream. Breaking out of the loop returns the body's iterator, so the underlying
 * response is released.
 */
export interface PushDecoder<T> {
  push(chunk: Uint8Array, emit: (item: T) => void): void;
  end(emit: (item: T) => void): void;
}

export async function* drainDecoder<T>(body: AsyncIterable<Uint8Array>, decoder: PushDecoder<T>): AsyncGenerator<T> {
  let ready: T[] = [];
  const emit = (item: T): void => {
    ready.push(item);
  };
  for await (const chunk of body) {
    decoder.push(chunk, emit);
    if (ready.length > 0) {
      const batch = ready;
      ready = [];
      yield* batch;
    }
  }
  decoder.end(emit);
  yield* ready;
}
