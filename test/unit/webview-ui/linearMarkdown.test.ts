// Work counts (not timings) that show the markdown engine's cost is linear in
// the reply: a path that rescans earlier tokens per token shows up as reads
// that grow with the square of the input. And the highlighting cap.
import assert from 'node:assert/strict';
import { inPage, useRendererPage } from './rendererPage';

/** Same as HIGHLIGHT_MAX_CHARS in src/webview-ui/markdown/highlight.ts. */
const HIGHLIGHT_MAX_CHARS = 20_000;

const images = (count: number): string => Array.from({ length: count }, (_, i) => `![pic ${i}](https://example.com/${i}.png)`).join(' ');

describe('markdown engine: linear work, capped highlighting (Chromium)', function () {
  this.timeout(120_000);
  const renderer = useRendererPage();

  it('renders a paragraph of images with a constant number of token reads per image (no rescan of earlier tokens)', async () => {
    const small = await inPage<number>(renderer().page, 'inlineTokenReads', images(500));
    const large = await inPage<number>(renderer().page, 'inlineTokenReads', images(2000));
    // Linear: 4× the images, ~4× the reads. The old insideLink() scan read every earlier token per image (~16×).
    assert.ok(large / small < 5, `reads grew ${(large / small).toFixed(1)}× for 4× the images (${small} → ${large})`);
    assert.ok(large < 2000 * 20, `${large} reads for 2000 images`);
  });

  it('still renders an image inside a link as a placeholder (the link is the only target)', async () => {
    const html = await inPage<string>(renderer().page, 'engineHtml', '[![logo](https://example.com/a.png)](https://example.com/) ![b](https://example.com/b.png)');
    assert.equal((html.match(/md-image-placeholder/g) ?? []).length, 1, html);
    assert.equal((html.match(/md-image-link/g) ?? []).length, 1, html);
  });

  it(`shows a code block longer than ${HIGHLIGHT_MAX_CHARS} characters as plain text, and highlights shorter ones`, async () => {
    const line = 'const value = compute(1, "two", three);\n';
    const huge = line.repeat(Math.ceil((HIGHLIGHT_MAX_CHARS + 1) / line.length));
    const hugeHtml = await inPage<string>(renderer().page, 'engineHtml', '```ts\n' + huge + '```\n');
    assert.doesNotMatch(hugeHtml, /hljs-/, 'no highlight.js spans in a huge block');
    assert.match(hugeHtml, /class="hljs language-typescript"/);
    assert.ok(hugeHtml.includes('compute(1, &quot;two&quot;, three);'), 'the code is all there, escaped');
    const fitting = line.repeat(Math.floor(HIGHLIGHT_MAX_CHARS / line.length));
    assert.match(await inPage<string>(renderer().page, 'engineHtml', '```ts\n' + fitting + '```\n'), /hljs-keyword/);
  });
});
