/**
 * Property-based tests: the decoders give the same result for any chunking of the
 * same bytes (including the error and the items before it when the cap is hit),
 * and NDJSON lines equal those of a whole-stream reference decode.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { byteByByte, concat, ndjsonOutcome, sseOutcome } from './decoderHelpers';
import { chunkAt, cutFractions, lineBytes, sseStream } from './decoderArbitraries';

/** Streams of 12–40 KB, so that single chunks exceed the splitter's small-chunk path. */
function large(pieces: Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let i = 0; size < 12_000; i++) {
    const piece = pieces[i % pieces.length] ?? new Uint8Array(0);
    parts.push(piece, Uint8Array.of(0x0a));
    size += piece.length + 1;
  }
  return concat(...parts);
}

/** Cuts into pieces of the given sizes (cycled): a mix of tiny and >4 KiB chunks. */
function chunkBySizes(bytes: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let start = 0, i = 0; start < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? bytes.length;
    chunks.push(bytes.subarray(start, start + size));
    start += size;
  }
  return chunks;
}

const chunkSizes = fc.array(fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 4000, max: 16_000 })), {
  minLength: 1,
  maxLength: 8,
});

const RUNS = { numRuns: 300 };

/** Reference NDJSON lines: decode everything at once, split on any line end, drop blanks. */
function referenceLines(bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes); // strips one leading BOM, replaces malformed bytes
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}

describe('decoders (property-based)', () => {
  it('SSE: any chunking of the same bytes yields the same events', () => {
    fc.assert(
      fc.property(sseStream, cutFractions, (bytes, fractions) => {
        const whole = sseOutcome([bytes]);
        assert.equal(whole.error, undefined);
        assert.deepEqual(sseOutcome(chunkAt(bytes, fractions)), whole);
      }),
      RUNS,
    );
  });

  it('SSE: one byte at a time yields the same events as one chunk', () => {
    fc.assert(
      fc.property(sseStream, (bytes) => {
        assert.deepEqual(sseOutcome(byteByByte(bytes)), sseOutcome([bytes]));
      }),
      { numRuns: 100 },
    );
  });

  it('SSE with a small cap: any chunking gives the same events and the same error', () => {
    fc.assert(
      fc.property(sseStream, cutFractions, fc.integer({ min: 1, max: 48 }), (bytes, fractions, maxLineBytes) => {
        assert.deepEqual(sseOutcome(chunkAt(bytes, fractions), { maxLineBytes }), sseOutcome([bytes], { maxLineBytes }));
      }),
      RUNS,
    );
  });

  it('NDJSON: any chunking yields the lines of a whole-stream reference decode', () => {
    fc.assert(
      fc.property(lineBytes, cutFractions, (bytes, fractions) => {
        const expected = referenceLines(bytes);
        assert.deepEqual(ndjsonOutcome(chunkAt(bytes, fractions)), { items: expected });
        assert.deepEqual(ndjsonOutcome([bytes]), { items: expected });
      }),
      RUNS,
    );
  });

  it('NDJSON with a small cap: any chunking gives the same lines and the same error', () => {
    fc.assert(
      fc.property(lineBytes, cutFractions, fc.integer({ min: 1, max: 32 }), (bytes, fractions, maxLineBytes) => {
        const whole = ndjsonOutcome([bytes], { maxLineBytes });
        assert.deepEqual(ndjsonOutcome(chunkAt(bytes, fractions), { maxLineBytes }), whole);
        // Whatever was delivered is the start of what an uncapped decode delivers.
        const all = referenceLines(bytes);
        assert.deepEqual(whole.items, all.slice(0, whole.items.length));
        if (whole.error === undefined) assert.deepEqual(whole.items, all);
      }),
      RUNS,
    );
  });

  it('large chunks (and Buffer chunks) give the same result as tiny ones, with or without a small cap', () => {
    fc.assert(
      fc.property(
        fc.array(sseStream, { minLength: 1, maxLength: 5 }),
        fc.array(lineBytes, { minLength: 1, maxLength: 5 }),
        chunkSizes,
        fc.option(fc.integer({ min: 8, max: 6000 }), { nil: undefined }),
        (sseStreams, ndjsonStreams, sizes, maxLineBytes) => {
          fc.pre(sseStreams.some((s) => s.length > 0) && ndjsonStreams.some((s) => s.length > 0));
          const options = { maxLineBytes };
          const events = large(sseStreams);
          const expectedEvents = sseOutcome(chunkBySizes(events, [61]), options);
          assert.deepEqual(sseOutcome([events], options), expectedEvents);
          assert.deepEqual(sseOutcome(chunkBySizes(Buffer.from(events), sizes), options), expectedEvents);
          const lines = large(ndjsonStreams);
          const expectedLines = ndjsonOutcome(chunkBySizes(lines, [61]), options);
          assert.deepEqual(ndjsonOutcome([lines], options), expectedLines);
          assert.deepEqual(ndjsonOutcome(chunkBySizes(lines, sizes), options), expectedLines);
          if (maxLineBytes === undefined) assert.deepEqual(expectedLines.items, referenceLines(lines));
        },
      ),
      { numRuns: 60 },
    );
  });
});
