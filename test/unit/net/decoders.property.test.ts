/**
 * Property-based tests: the decoders give the same result for any chunking of the
 * same bytes (including the error and the items before it when the cap is hit),
 * and NDJSON lines equal those of a whole-stream reference decode.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { byteByByte, ndjsonOutcome, sseOutcome } from './decoderHelpers';
import { chunkAt, cutFractions, lineBytes, sseStream } from './decoderArbitraries';

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
});
