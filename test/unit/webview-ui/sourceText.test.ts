// SourceText (the streaming view's source, a flat base plus recent appends)
// reads exactly like the one string it stands for.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SourceText } from '../../../src/webview-ui/markdown/sourceText';

describe('SourceText', () => {
  const pieceArb = fc.oneof(
    fc.array(fc.constantFrom('a', 'b', '\n'), { maxLength: 20 }).map((chars) => chars.join('')),
    fc.integer({ min: 0, max: 70_000 }).map((n) => 'ab\n\n'.repeat(Math.ceil(n / 4)).slice(0, n)),
  );

  it('slice() and lastIndexOf() equal those of the whole string, across the base/recent boundary too', () => {
    fc.assert(
      fc.property(fc.array(pieceArb, { minLength: 1, maxLength: 30 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -3, max: 200_000 })), { maxLength: 20 }), (pieces, probes) => {
        const source = new SourceText();
        let whole = '';
        for (const piece of pieces) {
          source.append(piece);
          whole += piece;
        }
        assert.equal(source.length, whole.length);
        assert.equal(source.toString(), whole);
        for (const [a, b, position] of probes) {
          const start = a % (whole.length + 2);
          const end = b % (whole.length + 2);
          assert.equal(source.slice(start, end), whole.slice(start, end));
          assert.equal(source.slice(start), whole.slice(start));
          for (const search of ['\n', '\n\n', 'b\n\na']) {
            assert.equal(source.lastIndexOf(search, position), whole.lastIndexOf(search, position), `${JSON.stringify(search)} at ${position}`);
            assert.equal(source.lastIndexOf(search), whole.lastIndexOf(search));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('set() replaces everything', () => {
    const source = new SourceText();
    source.append('x'.repeat(70_000));
    source.append('tail');
    source.set('new');
    assert.equal(source.toString(), 'new');
    assert.equal(source.slice(1), 'ew');
  });
});
