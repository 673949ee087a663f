import { openRendererPage } from '../unit/webview-ui/rendererPage';
(async () => {
  const b = await openRendererPage();
  const r = await b.page.evaluate(() => {
    const t = window.parleyTest as any;
    const para = 'The renderer receives text in small deltas. In section 3 we look at how **finished blocks** stay in the DOM while only the *open tail* is rendered again, why `requestAnimationFrame` batches the work, and what [the documentation](https://example.com/docs/3) says about it.';
    const html = t.mdRender(para);
    const out: Record<string, number> = {};
    const time = (k: string, n: number, f: () => unknown) => { const s = performance.now(); for (let i = 0; i < n; i++) f(); out[k] = (performance.now() - s) / n * 1000; };
    time('md.parse para (us)', 500, () => t.mdParse(para));
    time('md.render para', 500, () => t.mdRender(para));
    time('sanitize para frag', 500, () => t.sanitizeFrag(html));
    time('sanitize in place', 500, () => t.sanitizeInPlace(html));
    const a = document.createElement('div'); a.append(t.sanitizeInPlace(html)); const b2 = document.createElement('div'); b2.append(t.sanitizeFrag(html));
    out['same'] = a.innerHTML === b2.innerHTML ? 1 : 0;
    time('sanitize empty frag', 500, () => t.sanitizeFrag(''));
    time('template parse', 500, () => { const tp = document.createElement('template'); tp.innerHTML = html; return tp.content; });
    time('renderFull para', 500, () => t.renderFull(para));
    return out;
  });
  console.log(r);
  await b.close();
})();
