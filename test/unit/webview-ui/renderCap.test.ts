// The hard cap on what one reply renders as markdown (Chromium): past it the
// rest is plain text with "Show all"; nothing is lost, and "Show all" renders
// exactly what a whole render would.
import assert from 'node:assert/strict';
import { inPage, useRendererPage } from './rendererPage';
import { longReply } from './markdownSamples';

type Cap = {
  plainChars: number;
  plainIsTheRest: boolean;
  links: number;
  codeBlocks: number;
  button: string | null;
  afterShowAll: { plain: boolean; identical: boolean };
  showAllSyncChars: number;
  showAllFrames: number;
};

/** Same as the limits in src/webview-ui/markdown/plainRest.ts. */
const OPEN_BLOCK_LIMIT_CHARS = 32 * 1024;
const MARKDOWN_LIMIT_CHARS = 512 * 1024;
const MARKDOWN_LIMIT_CODE_BLOCKS = 2000;

describe('render cap per reply (Chromium)', function () {
  this.timeout(180_000);
  const renderer = useRendererPage();

  it('a single paragraph of thousands of links stops being parsed past the open-block limit; the rest is plain text', async () => {
    const link = (i: number): string => `[link ${i}](https://example.com/${i}) `;
    let text = 'Links:\n\n';
    for (let i = 0; text.length < 200_000; i++) text += link(i);
    const r = await inPage<Cap>(renderer().page, 'renderCap', { text, chunkSize: 512 });
    assert.ok(r.plainChars > 200_000 - OPEN_BLOCK_LIMIT_CHARS - 1024, `${r.plainChars} characters as plain text`);
    assert.ok(r.plainIsTheRest, 'the plain text is the end of the reply, all of it');
    assert.ok(r.links < 2000, `${r.links} links rendered of ~5,000`);
    assert.equal(r.button, 'Show all');
    assert.deepEqual(r.afterShowAll, { plain: false, identical: true });
  });

  it(`a reply of ordinary markdown renders as markdown up to ${MARKDOWN_LIMIT_CHARS / 1024} KB, the rest as plain text`, async () => {
    const text = longReply(MARKDOWN_LIMIT_CHARS + 100_000);
    const r = await inPage<Cap>(renderer().page, 'renderCap', { text, chunkSize: 8192 });
    // "Show all" renders the ~100 KB past the cap over frames, in steps of at most 8 KB of source.
    assert.ok(r.showAllFrames >= 2, `"Show all" took ${r.showAllFrames} frames`);
    assert.ok(r.showAllSyncChars < MARKDOWN_LIMIT_CHARS + 8 * 1024, `${r.showAllSyncChars} characters shown right after the click`);
    assert.ok(r.plainChars > 50_000 && r.plainChars < text.length - MARKDOWN_LIMIT_CHARS + 10_000, `${r.plainChars} characters as plain text`);
    assert.ok(r.plainIsTheRest);
    assert.deepEqual(r.afterShowAll, { plain: false, identical: true });
  });

  it(`a reply of thousands of tiny code blocks renders ${MARKDOWN_LIMIT_CODE_BLOCKS} of them, the rest as plain text`, async () => {
    const text = Array.from({ length: 3000 }, (_, i) => '```py\nx = ' + i + '\n```\n\n').join('');
    const r = await inPage<Cap>(renderer().page, 'renderCap', { text, chunkSize: 4096 });
    // The cap is checked between updates: one update may commit a few more (it stops after ~19 code blocks).
    assert.ok(r.codeBlocks >= MARKDOWN_LIMIT_CODE_BLOCKS && r.codeBlocks < MARKDOWN_LIMIT_CODE_BLOCKS + 40, `${r.codeBlocks} code blocks rendered`);
    assert.ok(r.plainChars > 900 * 17, `${r.plainChars} characters as plain text`);
    assert.ok(r.plainIsTheRest, 'the plain text is the end of the reply, all of it');
    assert.equal(r.button, 'Show all');
    assert.deepEqual(r.afterShowAll, { plain: false, identical: true });
  });

  it('a reply under the limits renders whole (no plain text)', async () => {
    const text = longReply(50_000);
    const r = await inPage<Cap>(renderer().page, 'renderCap', { text, chunkSize: 256 });
    assert.equal(r.plainChars, 0);
    assert.equal(r.button, null);
    assert.deepEqual(r.afterShowAll, { plain: false, identical: true });
  });
});

describe('render cap: what stays markdown (Chromium)', function () {
  this.timeout(120_000);
  const renderer = useRendererPage();

  it('a long reply of ordinary blocks arriving in one piece is all markdown (the open-block limit looks at the last block only)', async () => {
    const text = longReply(120_000);
    const r = await inPage<Cap>(renderer().page, 'renderCap', { text, chunkSize: text.length });
    assert.equal(r.plainChars, 0);
    assert.deepEqual(r.afterShowAll, { plain: false, identical: true });
  });

  it('a 60 KB code block with blank lines stays one code block while it streams', async () => {
    const code = Array.from({ length: 1500 }, (_, i) => (i % 10 === 9 ? '' : `const value${i} = compute(${i});`)).join('\n');
    const text = 'Here is the file:\n\n```ts\n' + code + '\n```\n\nDone.\n';
    const r = await inPage<Cap>(renderer().page, 'renderCap', { text, chunkSize: 200 });
    assert.equal(r.plainChars, 0);
    assert.deepEqual(r.afterShowAll, { plain: false, identical: true });
  });
});
