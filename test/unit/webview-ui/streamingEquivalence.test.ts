// Property tests in Chromium: however a reply is chunked and whenever frames
// run in between, the streamed DOM after finish() equals rendering the whole
// text at once, byte for byte.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { inPage, useRendererPage, type RendererPage } from './rendererPage';
import { SAMPLES, longReply } from './markdownSamples';

interface Case {
  text: string;
  cuts: number[];
  frames: boolean[];
  /** Optional replace() in the middle: at chunk `at`, with the text so far edited at `editFrom`. */
  replaceAt?: { at: number; editFrom: number; insert: string };
}

function chunksOf(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let last = 0;
  for (const point of points) {
    if (point > last) chunks.push(text.slice(last, point));
    last = Math.max(last, point);
  }
  chunks.push(text.slice(last));
  return chunks.filter((chunk) => chunk !== '');
}

/** Streams a case in the page; returns the streamed and the whole-text innerHTML and consistency flags. */
function runCase(page: RendererPage['page'], c: Case): Promise<{ streamed: string; whole: string; codeOk: boolean; textOk: boolean }> {
  return inPage(page, 'streamCase', { chunks: chunksOf(c.text, c.cuts), frames: c.frames, replaceAt: c.replaceAt });
}

describe('streaming renderer: finish() equals a whole render (Chromium)', function () {
  this.timeout(120_000);
  const renderer = useRendererPage();

  // Plus a reply whose reference definitions follow their uses, every block mentioning several labels.
  const lateReferences = Array.from({ length: 24 }, (_, i) => `P${i} [r${i}] [r${(i * 7) % 24}] [r${(i + 3) % 24}][]\n\n[r${i}]: https://example.com/${i}\n\n`).join('');
  const sampleArb = fc.constantFrom(...SAMPLES, longReply(6000), lateReferences);
  const caseArb: fc.Arbitrary<Case> = sampleArb.chain((text) =>
    fc.record({
      text: fc.constant(text),
      cuts: fc.oneof(
        // Token-sized chunks (1–12 characters), the sizes cycling over the text.
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 64 }).map((sizes) => {
          const cuts: number[] = [];
          for (let at = 0, i = 0; at < text.length; i++) cuts.push((at += sizes[i % sizes.length] as number));
          return cuts;
        }),
        // A few arbitrary cut points.
        fc.array(fc.nat({ max: text.length }), { minLength: 0, maxLength: 40 }),
      ),
      frames: fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }),
    }),
  );

  it('holds for random chunkings and random frame timing', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const result = await runCase(renderer().page, c);
        assert.equal(result.streamed, result.whole);
        assert.ok(result.textOk, 'text() returns everything appended');
        assert.ok(result.codeOk, 'codeBlock(i) matches the whole render');
      }),
      { numRuns: 80 },
    );
  });

  it('holds when every character is its own chunk and every chunk gets a frame', async () => {
    for (const text of SAMPLES) {
      const result = await runCase(renderer().page, { text, cuts: [...Array(text.length).keys()], frames: [true] });
      assert.equal(result.streamed, result.whole);
      assert.ok(result.codeOk);
    }
  });

  it('holds when replace() rewrites the end of the text in the middle of the stream', async () => {
    const replaceArb = caseArb.chain((c) =>
      fc.record({
        text: fc.constant(c.text),
        cuts: fc.constant(c.cuts),
        frames: fc.constant(c.frames),
        replaceAt: fc.record({
          at: fc.nat({ max: 40 }),
          editFrom: fc.nat({ max: c.text.length }),
          insert: fc.constantFrom('', 'x', '\n\n# other\n\n', '```\ncode\n', '- a\n- b\n'),
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(replaceArb, async (c) => {
        const result = await runCase(renderer().page, c);
        assert.equal(result.streamed, result.whole);
        assert.ok(result.codeOk);
      }),
      { numRuns: 40 },
    );
  });

  it('renders the 50 KB benchmark reply streamed in 2,000 chunks identically', async () => {
    const text = longReply(50_000);
    const cuts = Array.from({ length: 1999 }, (_, i) => Math.floor(((i + 1) * text.length) / 2000));
    const result = await runCase(renderer().page, { text, cuts, frames: [true, false, false, true] });
    assert.equal(result.streamed, result.whole);
  });
});
