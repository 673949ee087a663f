// sanitizeAll(): a flush of the streaming view sanitizes all of its new HTML
// with one DOMPurify call. The result must be exactly what sanitizing each
// string on its own gives, also for hostile HTML that tries to break out of
// the per-string wrapper (then it falls back to one call per string).
import assert from 'node:assert/strict';
import { inPage, useRendererPage } from './rendererPage';

type Batch = { batched: string[]; single: string[] };

describe('sanitizeAll: one DOMPurify call per flush (Chromium)', function () {
  this.timeout(60_000);
  const renderer = useRendererPage();

  it('gives the same DOM as sanitizing each markdown-it block on its own', async () => {
    const htmls = [
      '<h2>Title <code>x</code></h2>\n',
      '<p>Some <strong>bold</strong> and <a data-href="https://example.com" title="t" role="link" tabindex="0">a link</a></p>\n',
      '\n<ul>\n<li>one</li>\n<li>two\n<ul>\n<li>nested</li>\n</ul>\n</li>\n</ul>\n',
      '<table>\n<thead>\n<tr>\n<th class="md-align-left">a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n',
      '<div class="code-block" data-code-index="0"><pre><code class="hljs">let a = 1 &lt; 2;\n</code></pre></div>\n',
      ' more <em>text</em>',
      '<blockquote>\n<p>quote</p>\n</blockquote>\n<hr>\n',
    ];
    const r = await inPage<Batch>(renderer().page, 'sanitizeBatch', htmls);
    assert.equal(r.batched.length, htmls.length);
    assert.deepEqual(r.batched, r.single);
  });

  it('sanitizes hostile HTML exactly as one call per string would, also when it closes the wrapper', async () => {
    const htmls = [
      '<p>ok</p>',
      '<img src="x" onerror="pwn()"><script>pwn()</script>',
      '</div><div class="parley-sanitize-batch" onclick="pwn()">escaped?',
      '<svg><a xlink:href="javascript:pwn()">x</a></svg><iframe src="data:text/html,x"></iframe>',
      '<a href="javascript:pwn()" data-href="javascript:pwn()">x</a><style>*{}</style>',
      '<p>last</p>',
    ];
    const r = await inPage<Batch>(renderer().page, 'sanitizeBatch', htmls);
    assert.deepEqual(r.batched, r.single);
    for (const html of r.batched) assert.doesNotMatch(html, /<(script|img|svg|iframe|style)|onerror|onclick|javascript:/i);
  });
});
