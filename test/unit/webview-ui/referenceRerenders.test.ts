// Reference definitions that arrive after the blocks using them: the streamed
// view renders again only what they change, within a budget, so a reply's
// render work stays linear (counted as element nodes replaced, not timed),
// and the result still equals a whole render.
import assert from 'node:assert/strict';
import { inPage, useRendererPage } from './rendererPage';

type Result = { removed: number; identical: boolean; blocks: number };

/** Paragraph i uses [ref i] and defines it after itself. */
function ownReferenceParagraphs(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Paragraph ${i} links [ref ${i}] and mentions [ref ${i + 1}].\n\n[ref ${i}]: https://example.com/${i}\n\n`);
}

describe('streamed reference definitions re-render little (Chromium)', function () {
  this.timeout(120_000);
  const renderer = useRendererPage();

  it('a new definition re-renders only the blocks that mention its label (one paragraph per frame)', async () => {
    const count = 200;
    const r = await inPage<Result>(renderer().page, 'rerenderCount', ownReferenceParagraphs(count));
    assert.ok(r.identical, 'equals a whole render');
    assert.equal(r.blocks, count);
    // Each paragraph is rendered a bounded number of times (tail frames, commit, one re-render when its label
    // gets defined); re-rendering everything committed per new definition replaced ~count²/2 nodes.
    assert.ok(r.removed < 8 * count, `${r.removed} element nodes replaced for ${count} paragraphs`);
  });

  it('the same reply arriving in one chunk is committed without re-rendering earlier blocks per definition', async () => {
    const count = 300;
    const r = await inPage<Result>(renderer().page, 'rerenderCount', [ownReferenceParagraphs(count).join('')]);
    assert.ok(r.identical, 'equals a whole render');
    assert.ok(r.removed < 4 * count, `${r.removed} element nodes replaced for ${count} paragraphs`);
  });

  it('every block mentioning every label: re-rendering stays within a budget, and finish() resolves all uses', async () => {
    const count = 60;
    const labels = Array.from({ length: count }, (_, i) => `[l${i}]`).join(' ');
    const chunks = Array.from({ length: count }, (_, i) => `P${i} ${labels}\n\n[l${i}]: https://example.com/${i}\n\n`);
    const r = await inPage<Result>(renderer().page, 'rerenderCount', chunks);
    assert.ok(r.identical, 'equals a whole render');
    assert.ok(r.removed < 6 * count, `${r.removed} element nodes replaced for ${count} paragraphs`);
  });
});
