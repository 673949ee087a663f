import { openRendererPage } from '../unit/webview-ui/rendererPage';
import { chunkText, longReply } from '../unit/webview-ui/markdownSamples';
(async () => {
  const b = await openRendererPage();
  const text = longReply(50_000);
  const chunks = chunkText(text, 2000);
  const cdp = await b.page.context().newCDPSession(b.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const total = await b.page.evaluate(async (chunks) => {
    const t = window.parleyTest;
    let sum = 0;
    let el: HTMLElement;
    const view = t.createView({ scheduler: { request: (cb) => requestAnimationFrame(() => { const s = performance.now(); cb(); sum += performance.now() - s; }), cancel: (h) => cancelAnimationFrame(h) } });
    el = view.element;
    for (let i = 0; i < chunks.length; i += 4) { await t.frames(1); for (const c of chunks.slice(i, i + 4)) view.append(c); }
    await t.frames(1); view.finish();
    return sum;
  }, chunks);
  const { profile } = await cdp.send('Profiler.stop');
  const incl = new Map<string, number>();
  const byId0 = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfT = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) => selfT.set(id, (selfT.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000));
  const memo = new Map<number, number>();
  const total0 = (id: number): number => { if (memo.has(id)) return memo.get(id)!; const n = byId0.get(id)!; const v = (selfT.get(id) ?? 0) + (n.children ?? []).reduce((a, c) => a + total0(c), 0); memo.set(id, v); return v; };
  const walk = (id: number, stack: Set<string>) => { const n = byId0.get(id)!; const name = n.callFrame.functionName || '(anon)'; if (!stack.has(name)) incl.set(name, (incl.get(name) ?? 0) + total0(id)); const s2 = new Set(stack); s2.add(name); for (const c of n.children ?? []) walk(c, s2); };
  walk(profile.nodes[0]!.id, new Set());
  console.log([...incl.entries()].filter(([k]) => /^(flush|renderOpenTail|parse|renderParts|renderTokens|render|sanitize|sanitizeToFragment|decorateCodeBlocks|placeParts|commit|highlightToHtml|growOpenFence|lineStarts|topLevelBlocks|endsInOpenFence|finalBlockCount|tokenize|process|insertBefore|removeChild|parseFromString|importNode|_sanitizeElements|_sanitizeAttributes|querySelectorAll|toolbar|renderInline|appendChild|(garbage collector))$/.test(k)).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${v.toFixed(1).padStart(8)} ${k}`).join('\n'));
  const self = new Map<string, number>();
  const dt = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  console.log('total', total);
  console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v.toFixed(1).padStart(8)} ${k}`).join('\n'));
  await b.close();
})();
