// How the streaming view updates the DOM: tail only, one batch per frame,
// synchronous finish(), prefix-reusing replace(), accessibility state.
import assert from 'node:assert/strict';
import { openRendererPage, type RendererPage } from './rendererPage';

describe('streaming renderer behaviour (Chromium)', function () {
  this.timeout(60_000);
  let browser: RendererPage;

  before(async () => {
    browser = await openRendererPage();
  });
  after(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await browser.page.evaluate(() => window.parleyTest.root.replaceChildren());
  });

  it('keeps the DOM nodes of finished blocks while later text streams in', async () => {
    const r = await browser.page.evaluate(() => {
      type Marked = Element & { __mark?: string };
      const t = window.parleyTest;
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped });
      view.append('# Title\n\nFirst paragraph.\n\n```ts\nconst a = 1;\n```\n\nSecond\nline\n');
      stepped.step();
      const heading = view.element.querySelector('h1') as Marked;
      const code = view.element.querySelector('.code-block') as Marked;
      heading.__mark = 'h1';
      code.__mark = 'code';
      const tailBefore = view.element.lastElementChild;
      for (const chunk of [' paragraph', ' grows.\n\n- a\n', '- b\n\nThird.\n\n', 'Fourth']) {
        view.append(chunk);
        stepped.step();
      }
      view.finish();
      return {
        heading: (view.element.querySelector('h1') as Marked).__mark,
        code: (view.element.querySelector('.code-block') as Marked).__mark,
        tailReplaced: view.element.lastElementChild !== tailBefore,
        text: view.element.lastElementChild?.textContent,
      };
    });
    assert.deepEqual(r, { heading: 'h1', code: 'code', tailReplaced: true, text: 'Fourth' });
  });

  it('batches any number of appends within a frame into one DOM mutation batch (real requestAnimationFrame)', async () => {
    const r = await browser.page.evaluate(async () => {
      const t = window.parleyTest;
      let rendered = 0;
      const view = t.createView({ onRendered: () => rendered++ });
      const batches: number[] = [];
      const observer = new MutationObserver((records) => batches.push(records.length));
      observer.observe(view.element, { childList: true, subtree: true, characterData: true });
      await t.frames(1);
      const words = 'Some **streamed** text with `code` and a list:\n\n- one\n- two\n\n'.split(/(?=\s)/);
      for (let i = 0; i < 200; i++) view.append(words[i % words.length] as string);
      await Promise.resolve();
      const synchronousChildren = view.element.childNodes.length;
      await t.frames(2);
      const afterFirst = { batches: batches.length, rendered };
      for (let i = 0; i < 50; i++) view.append(' more');
      await t.frames(2);
      observer.disconnect();
      return { synchronousChildren, afterFirst, batches: batches.length, rendered };
    });
    assert.equal(r.synchronousChildren, 0, 'nothing is rendered synchronously by append()');
    assert.deepEqual(r.afterFirst, { batches: 1, rendered: 1 });
    assert.deepEqual({ batches: r.batches, rendered: r.rendered }, { batches: 2, rendered: 2 });
  });

  it('finish() renders synchronously, cancels the pending frame, and is announced politely', async () => {
    const r = await browser.page.evaluate(async () => {
      const t = window.parleyTest;
      let rendered = 0;
      const view = t.createView({ onRendered: () => rendered++ });
      const initial = [view.element.getAttribute('aria-live'), view.element.getAttribute('aria-busy')];
      view.append('Hello **world**');
      const busy = view.element.getAttribute('aria-busy');
      view.finish();
      const html = view.element.innerHTML;
      const afterFinish = { busy: view.element.getAttribute('aria-busy'), rendered };
      await t.frames(2);
      return { initial, busy, html, afterFinish, renderedLater: rendered };
    });
    assert.deepEqual(r.initial, ['polite', 'false']);
    assert.equal(r.busy, 'true');
    assert.equal(r.html, '<p>Hello <strong>world</strong></p>\n');
    assert.deepEqual(r.afterFinish, { busy: 'false', rendered: 1 });
    assert.equal(r.renderedLater, 1, 'the cancelled frame does not render again');
  });

  it('replace() with a shared prefix keeps the finished blocks of that prefix', async () => {
    const r = await browser.page.evaluate(() => {
      type Marked = Element & { __mark?: string };
      const t = window.parleyTest;
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped });
      view.append('# Kept\n\nAlso kept.\n\nChanged later\n\nmore\n');
      stepped.step();
      (view.element.querySelector('h1') as Marked).__mark = 'kept';
      const replacement = '# Kept\n\nAlso kept.\n\nRewritten *entirely*.';
      view.replace(replacement);
      stepped.step();
      view.finish();
      return {
        mark: (view.element.querySelector('h1') as Marked).__mark,
        html: view.element.innerHTML,
        expected: t.renderFullHtml(replacement),
        text: view.text(),
      };
    });
    assert.equal(r.mark, 'kept');
    assert.equal(r.html, r.expected);
    assert.equal(r.text, '# Kept\n\nAlso kept.\n\nRewritten *entirely*.');
  });

  it('replace() with an unrelated text and append() after finish() stay correct', async () => {
    const r = await browser.page.evaluate(() => {
      const t = window.parleyTest;
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped });
      view.append('- a\n- b\n\npara\n\n');
      stepped.step();
      view.replace('Totally different\n\n1. x\n');
      stepped.step();
      view.finish();
      const afterReplace = view.element.innerHTML === t.renderFullHtml('Totally different\n\n1. x\n');
      view.append('2. y\n');
      stepped.step();
      view.finish();
      return { afterReplace, afterAppend: view.element.innerHTML === t.renderFullHtml('Totally different\n\n1. x\n2. y\n') };
    });
    assert.deepEqual(r, { afterReplace: true, afterAppend: true });
  });

  it('shows an open fence while streaming and exposes its code so far', async () => {
    const r = await browser.page.evaluate(() => {
      const t = window.parleyTest;
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped });
      view.append('Code:\n\n```python\ndef f():\n');
      stepped.step();
      const codeElement = view.element.querySelector('pre code');
      for (const chunk of ['    ret', 'urn', ' 1\n']) {
        view.append(chunk);
        stepped.step();
      }
      const streaming = {
        sameElement: view.element.querySelector('pre code') === codeElement, code: view.element.querySelector('pre code')?.textContent, block: view.codeBlock(0), buttons: view.element.querySelectorAll('[data-code-index="0"]').length };
      view.append('```\n');
      view.finish();
      return { streaming, highlighted: view.element.querySelectorAll('pre code .hljs-keyword').length > 0 };
    });
    assert.deepEqual(r.streaming, { sameElement: true, code: 'def f():\n    return 1\n', block: { language: 'python', code: 'def f():\n    return 1\n' }, buttons: 6 });
    assert.ok(r.highlighted);
  });

  it('dispose() removes the element and renders nothing afterwards', async () => {
    const r = await browser.page.evaluate(async () => {
      const t = window.parleyTest;
      let rendered = 0;
      const view = t.createView({ onRendered: () => rendered++ });
      view.append('text');
      view.dispose();
      view.append('more');
      await t.frames(2);
      return { attached: view.element.isConnected, rendered };
    });
    assert.deepEqual(r, { attached: false, rendered: 0 });
  });
});
