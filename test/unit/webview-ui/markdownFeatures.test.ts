// What the renderer produces for each markdown feature, checked in Chromium.
import assert from 'node:assert/strict';
import { inPage, useRendererPage } from './rendererPage';

describe('markdown renderer features (Chromium)', function () {
  this.timeout(60_000);
  const renderer = useRendererPage();

  /** Renders `text` through a streaming view (finish()) and runs `probe` on its element. */
  /** Renders `text` through a streaming view (finish()) and runs `body` (over `el`, `view`) in the page. */
  function probe<T>(text: string, body: string): Promise<T> {
    return inPage<T>(renderer().page, 'probe', { text, body });
  }

  it('renders headings, emphasis and paragraphs', async () => {
    const html = await probe<string>('# One\n## Two\n### Three\n\nSome *em* and **strong** and `code`.', 'return el.innerHTML');
    assert.match(html, /<h1>One<\/h1>\n<h2>Two<\/h2>\n<h3>Three<\/h3>/);
    assert.match(html, /<p>Some <em>em<\/em> and <strong>strong<\/strong> and <code>code<\/code>\.<\/p>/);
  });

  it('renders bullet, ordered (with start) and nested lists', async () => {
    const r = await probe<{ ul: number; ol: string | null; nested: number; items: number }>(
      '- a\n- b\n  - b1\n\n3. three\n4. four',
      `return { ul: el.querySelectorAll('ul').length, ol: el.querySelector('ol')?.getAttribute('start') ?? null,
        nested: el.querySelectorAll('ul ul').length, items: el.querySelectorAll('li').length }`,
    );
    assert.deepEqual(r, { ul: 2, ol: '3', nested: 1, items: 5 });
  });

  it('keeps words whole in table cells of a narrow side bar (the table scrolls instead)', async () => {
    await inPage(renderer().page, 'setRootWidth', 160);
    try {
      const lines = await probe<Record<string, number>>(
        '| Format | Framing | Used by |\n|---|---|---|\n| NDJSON | one JSON object per line | Emma |',
        `const out = {};
        for (const cell of el.querySelectorAll('th, td')) {
          const range = document.createRange();
          for (const word of cell.textContent.split(' ')) {
            const at = cell.textContent.indexOf(word);
            range.setStart(cell.firstChild, at);
            range.setEnd(cell.firstChild, at + word.length);
            out[word] = range.getClientRects().length;
          }
        }
        return out;`,
      );
      for (const [word, count] of Object.entries(lines)) assert.equal(count, 1, `"${word}" is split over ${count} lines`);
    } finally {
      await inPage(renderer().page, 'setRootWidth', null);
    }
  });

  it('renders tables with alignment as classes and no style attributes', async () => {
    const r = await probe<{ th: string[]; td: string[]; styled: number }>(
      '| l | c | r |\n|:--|:-:|--:|\n| 1 | 2 | 3 |',
      `return { th: [...el.querySelectorAll('th')].map((c) => c.className), td: [...el.querySelectorAll('td')].map((c) => c.textContent),
        styled: el.querySelectorAll('[style]').length }`,
    );
    assert.deepEqual(r, { th: ['md-align-left', 'md-align-center', 'md-align-right'], td: ['1', '2', '3'], styled: 0 });
  });

  it('renders task lists as read-only ARIA checkboxes, not form controls', async () => {
    const r = await probe<{ boxes: (string | null)[]; inputs: number; text: string[]; listClass: string }>(
      '- [ ] todo\n- [x] done\n- [X] also done\n- plain [ ] item',
      `return { boxes: [...el.querySelectorAll('[role=checkbox]')].map((b) => b.getAttribute('aria-checked')),
        inputs: el.querySelectorAll('input, form, button:not(.code-block-action)').length,
        text: [...el.querySelectorAll('li')].map((li) => li.textContent.trim()), listClass: el.querySelector('ul').className }`,
    );
    assert.deepEqual(r.boxes, ['false', 'true', 'true']);
    assert.equal(r.inputs, 0);
    assert.deepEqual(r.text, ['todo', 'done', 'also done', 'plain [ ] item']);
    assert.equal(r.listClass, 'contains-task-list');
  });

  it('highlights bundled languages (also by alias) with highlight.js classes', async () => {
    const r = await probe<{ classes: string[]; keywords: number[] }>(
      '```ts\nconst x: number = 1;\n```\n\n```py\ndef f():\n    return None\n```\n\n```sh\necho hi\n```',
      `const codes = [...el.querySelectorAll('pre code')];
       return { classes: codes.map((c) => c.className), keywords: codes.map((c) => c.querySelectorAll('.hljs-keyword, .hljs-built_in').length) }`,
    );
    assert.deepEqual(r.classes, ['hljs language-typescript', 'hljs language-python', 'hljs language-bash']);
    assert.ok(r.keywords.every((n) => n > 0), `keywords per block: ${r.keywords}`);
  });

  it('renders languages that are not bundled (and no language) as plain escaped text', async () => {
    const r = await probe<{ classes: string[]; spans: number; text: string[] }>(
      '```haskell\nmain = putStrLn "<hi>"\n```\n\n```\nplain & simple\n```\n\n    indented <code>',
      `const codes = [...el.querySelectorAll('pre code')];
       return { classes: codes.map((c) => c.className), spans: el.querySelectorAll('pre span').length, text: codes.map((c) => c.textContent) }`,
    );
    assert.deepEqual(r.classes, ['hljs', 'hljs', 'hljs']);
    assert.equal(r.spans, 0);
    assert.deepEqual(r.text, ['main = putStrLn "<hi>"\n', 'plain & simple\n', 'indented <code>\n']);
  });

  it('gives every code block a toolbar of labelled codicon buttons (built when the pointer reaches it) and exposes the raw code', async () => {
    const r = await probe<{ buttons: { action: string; index: string; label: string; cls: string; type: string }[][]; blocks: unknown[]; language: string[] }>(
      'Intro\n\n```js\nif (a < b && c) {}\n```\n\n- item\n\n  ```diff\n  +added\n  ```',
      `const blocks = [...el.querySelectorAll('.code-block')];
       for (const block of blocks) block.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
       return { buttons: blocks.map((b) => [...b.querySelectorAll('button')].map((x) => ({ action: x.dataset.action, index: x.dataset.codeIndex,
         label: x.getAttribute('aria-label'), cls: x.className, type: x.type }))),
         blocks: [view.codeBlock(0), view.codeBlock(1), view.codeBlock(2) ?? null],
         language: blocks.map((b) => b.querySelector('.code-block-language').textContent) }`,
    );
    assert.equal(r.buttons.length, 2);
    assert.deepEqual(
      r.buttons[0]?.map((b) => [b.action, b.index, b.label, b.type]),
      [
        ['copy', '0', 'Copy', 'button'],
        ['insert', '0', 'Insert at cursor', 'button'],
        ['replace', '0', 'Replace selection', 'button'],
        ['diff', '0', 'Apply as diff', 'button'],
        ['newFile', '0', 'New file', 'button'],
      ],
    );
    assert.ok(r.buttons[1]?.every((b) => b.index === '1'));
    assert.equal(r.buttons[0]?.[0]?.cls, 'code-block-action codicon codicon-copy');
    assert.deepEqual(r.blocks, [{ language: 'js', code: 'if (a < b && c) {}\n' }, { language: 'diff', code: '+added\n' }, null]);
    assert.deepEqual(r.language, ['js', 'diff']);
  });

  it('puts http(s) targets in data-href (no href, keyboard focusable), keeps other links inert, never links javascript:', async () => {
    const r = await probe<{ links: [string | null, string | null, string, string | null, string | null][]; text: string }>(
      '[web](https://example.com/a "T") <http://example.org/b> https://example.net/c [mail](mailto:x@y.z) [rel](./file.md) [frag](#top) [js](javascript:alert(1)) a@b.com',
      `return { links: [...el.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.getAttribute('data-href'), a.textContent,
        a.getAttribute('role'), a.getAttribute('tabindex')]), text: el.textContent }`,
    );
    assert.deepEqual(r.links, [
      [null, 'https://example.com/a', 'web', 'link', '0'],
      [null, 'http://example.org/b', 'http://example.org/b', 'link', '0'],
      [null, 'https://example.net/c', 'https://example.net/c', 'link', '0'],
      [null, null, 'mail', null, null],
      [null, null, 'rel', null, null],
      [null, null, 'frag', null, null],
    ]);
    assert.match(r.text, /\[js\]\(javascript:alert\(1\)\)/);
    assert.match(r.text, /a@b\.com/);
  });

  it('turns images into placeholders (a link for http(s) images), never <img>', async () => {
    const r = await probe<{ imgs: number; links: (string | null)[]; placeholders: string[] }>(
      '![a cat](https://example.com/cat.png) ![inline](data:image/png;base64,AAAA) [![nested](https://example.com/n.png)](https://example.com/page)',
      `return { imgs: el.querySelectorAll('img, picture, source').length, links: [...el.querySelectorAll('a')].map((a) => a.getAttribute('data-href')),
        placeholders: [...el.querySelectorAll('.md-image-placeholder, .md-image-link')].map((p) => p.textContent) }`,
    );
    assert.equal(r.imgs, 0);
    assert.deepEqual(r.links, ['https://example.com/cat.png', 'https://example.com/page']);
    assert.deepEqual(r.placeholders, ['a cat', 'nested']);
  });
});
