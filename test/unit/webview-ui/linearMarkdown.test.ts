// Work counts (not timings) that show the markdown engine's cost is linear in
// the reply: a path that rescans earlier tokens per token shows up as reads
// that grow with the square of the input. Runs in Node: the engine is pure JS.
import assert from 'node:assert/strict';
import type { Token } from 'markdown-it';
import { createMarkdownEngine, createRenderEnv } from '../../../src/webview-ui/markdown/markdownEngine';
import { HIGHLIGHT_MAX_CHARS } from '../../../src/webview-ui/markdown/highlight';

/** Renders `source`; returns how many times the renderer read a token of an inline token's children. */
function inlineTokenReads(source: string): number {
  const md = createMarkdownEngine();
  const env = createRenderEnv();
  const tokens = md.parse(source, env);
  let reads = 0;
  for (const token of tokens) {
    if (token.type !== 'inline' || !token.children) continue;
    token.children = new Proxy(token.children, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) reads++;
        return Reflect.get(target, property, receiver) as unknown;
      },
    }) as Token[];
  }
  md.renderer.render(tokens, md.options, env);
  return reads;
}

const images = (count: number): string => Array.from({ length: count }, (_, i) => `![pic ${i}](https://example.com/${i}.png)`).join(' ');

describe('markdown engine: linear work', () => {
  it('renders a paragraph of images with a constant number of token reads per image (no rescan of earlier tokens)', () => {
    const small = inlineTokenReads(images(500));
    const large = inlineTokenReads(images(2000));
    // Linear: 4× the images, ~4× the reads. The old insideLink() scan read every earlier token per image (~16×).
    assert.ok(large / small < 5, `reads grew ${(large / small).toFixed(1)}× for 4× the images (${small} → ${large})`);
    assert.ok(large < 2000 * 20, `${large} reads for 2000 images`);
  });

  it('still renders an image inside a link as a placeholder (the link is the only target)', () => {
    const md = createMarkdownEngine();
    const html = md.render('[![logo](https://example.com/a.png)](https://example.com/) ![b](https://example.com/b.png)', createRenderEnv());
    assert.equal((html.match(/md-image-placeholder/g) ?? []).length, 1, html);
    assert.equal((html.match(/md-image-link/g) ?? []).length, 1, html);
  });
});

describe('markdown engine: highlighting is capped', () => {
  it('shows a code block longer than HIGHLIGHT_MAX_CHARS as plain text, and highlights shorter ones', () => {
    const md = createMarkdownEngine();
    const line = 'const value = compute(1, "two", three);\n';
    const huge = line.repeat(Math.ceil((HIGHLIGHT_MAX_CHARS + 1) / line.length));
    const hugeHtml = md.render('```ts\n' + huge + '```\n', createRenderEnv());
    assert.doesNotMatch(hugeHtml, /hljs-/, 'no highlight.js spans in a huge block');
    assert.match(hugeHtml, /class="hljs language-typescript"/);
    assert.ok(hugeHtml.includes('compute(1, &quot;two&quot;, three);'), 'the code is all there, escaped');
    const smallHtml = md.render('```ts\n' + line + '```\n', createRenderEnv());
    assert.match(smallHtml, /hljs-keyword/);
  });
});
