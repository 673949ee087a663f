// Browser-side halves of the renderer tests and benchmark. They run inside
// the test page (bundled with the renderer) and return plain data; the Node
// side calls them by name through inPage() in test/unit/webview-ui/rendererPage.ts.
import {
  animationFrameScheduler,
  budgetFrameScheduler,
  throttledFrameScheduler,
  type FrameScheduler,
  type StreamingMessageView,
} from '../../../src/webview-ui/markdown';
import { sanitizeAll, sanitizeToFragment } from '../../../src/webview-ui/markdown/sanitize';
import type { RendererTestApi } from './rendererPage';
import { PAGE_CLASS } from '../../../src/webview-ui/markdown/segmentPages';
import { AutoScroll } from '../../../src/webview-ui/autoScroll';
import { createMarkdownEngine, createRenderEnv } from '../../../src/webview-ui/markdown/markdownEngine';
import type { Token } from 'markdown-it';

type Marked = Element & { __mark?: string };
type PageState = { __pwned?: unknown; __pwnCount: number };

/** A message's top-level blocks in order (inside its pages or not), the last one. */
function lastBlock(element: Element): Element | undefined {
  return Array.from(element.querySelectorAll(`:scope > :not(.${PAGE_CLASS}), :scope > .${PAGE_CLASS} > *`)).at(-1);
}

export function createScenarios(t: RendererTestApi) {
  return {
    clearRoot(): void {
      t.root.replaceChildren();
    },
    /** markdown-it's HTML (before sanitizing) for `text`, from the chat view's engine. */
    engineHtml(text: string): string {
      return createMarkdownEngine().render(text, createRenderEnv());
    },
    /** Renders `text`; returns how many times the renderer read a token of an inline token's children (a work count). */
    inlineTokenReads(text: string): number {
      const md = createMarkdownEngine();
      const env = createRenderEnv();
      const tokens = md.parse(text, env);
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
    },
    violations(): string[] {
      return t.violations;
    },
    /**
     * AutoScroll: content grows right after our own scroll to the bottom (before
     * that scroll's event arrives), then the user scrolls up with the wheel.
     * Returns how far from the bottom the list is after each step.
     */
    async autoScroll(): Promise<{ afterGrowth: number; afterLayoutScroll: number; afterUserScroll: number; afterPin: number }> {
      const scroller = document.createElement('div');
      scroller.style.cssText = 'height: 200px; overflow-y: auto';
      t.root.appendChild(scroller);
      const grow = (px: number): void => {
        const block = document.createElement('div');
        block.style.height = `${px}px`;
        scroller.appendChild(block);
      };
      const fromBottom = (): number => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
      const scroll = new AutoScroll(scroller);
      grow(500);
      scroll.update();
      grow(300); // e.g. a reply rendered before our scroll's event was dispatched
      await t.frames(2);
      scroll.update();
      const afterGrowth = fromBottom();
      scroller.scrollTop -= 250; // the browser moves the list without the user (scroll anchoring, a placeholder resolved)
      await t.frames(2);
      grow(300);
      scroll.update();
      const afterLayoutScroll = fromBottom();
      scroller.dispatchEvent(new WheelEvent('wheel', { deltaY: -250, bubbles: true }));
      scroller.scrollTop -= 250; // the user scrolls up with the wheel
      await t.frames(2);
      grow(300);
      scroll.update();
      const afterUserScroll = fromBottom();
      scroll.pin();
      const afterPin = fromBottom();
      scroller.remove();
      return { afterGrowth, afterLayoutScroll, afterUserScroll, afterPin };
    },

    /** Sets the test root's width (null: back to the page's own). */
    setRootWidth(px: number | null): void {
      t.root.style.width = px === null ? '' : `${px}px`;
    },

    /** Streams chunks (a frame after chunk i when frames[i % n]), optionally replace()s midway, then finish(). */
    streamCase(input: { chunks: string[]; frames: boolean[]; replaceAt?: { at: number; editFrom: number; insert: string } }) {
      const { chunks, frames, replaceAt } = input;
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped });
      let sent = '';
      chunks.forEach((chunk, i) => {
        view.append(chunk);
        sent += chunk;
        if (replaceAt && replaceAt.at === i) {
          const from = Math.min(replaceAt.editFrom, sent.length);
          view.replace(sent.slice(0, from) + replaceAt.insert);
          stepped.step();
          view.replace(sent);
        }
        if (frames[i % frames.length]) stepped.step();
      });
      t.finish(view);
      const streamed = t.viewHtml(view.element);
      const whole = t.renderFullHtml(sent);
      const fresh = t.createView({ stepped: new t.SteppedScheduler() });
      fresh.replace(sent);
      t.finish(fresh);
      let codeOk = true;
      for (let i = 0; i < 20; i++) {
        if (JSON.stringify(view.codeBlock(i)) !== JSON.stringify(fresh.codeBlock(i))) codeOk = false;
      }
      const textOk = view.text() === sent;
      view.dispose();
      fresh.dispose();
      return { streamed, whole, codeOk, textOk };
    },

    /** Renders `text` through a view and runs `body` (a function body over `el` and `view`) on the result. */
    probe(input: { text: string; body: string }): unknown {
      const view = t.createView({ stepped: new t.SteppedScheduler() });
      view.append(input.text);
      t.finish(view);
      const result: unknown = new Function('el', 'view', input.body)(view.element, view);
      view.dispose();
      return result;
    },

    tailIdentity() {
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped });
      view.append('# Title\n\nFirst paragraph.\n\n```ts\nconst a = 1;\n```\n\nSecond\nline\n');
      stepped.step();
      const heading = view.element.querySelector('h1') as Marked;
      const code = view.element.querySelector('.code-block') as Marked;
      heading.__mark = 'h1';
      code.__mark = 'code';
      const tailBefore = lastBlock(view.element);
      for (const chunk of [' paragraph', ' grows.\n\n- a\n', '- b\n\nThird.\n\n', 'Fourth']) {
        view.append(chunk);
        stepped.step();
      }
      t.finish(view);
      return {
        heading: (view.element.querySelector('h1') as Marked).__mark,
        code: (view.element.querySelector('.code-block') as Marked).__mark,
        tailReplaced: lastBlock(view.element) !== tailBefore,
        text: lastBlock(view.element)?.textContent,
      };
    },

    async rafBatching() {
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
      // The default scheduler may skip frames between updates: wait for the update, then two more frames.
      const untilRendered = async (count: number): Promise<void> => {
        for (let i = 0; i < 60 && rendered < count; i++) await t.frames(1);
        await t.frames(2);
      };
      await untilRendered(1);
      const afterFirst = { batches: batches.length, rendered };
      for (let i = 0; i < 50; i++) view.append(' more');
      await untilRendered(2);
      observer.disconnect();
      return { synchronousChildren, afterFirst, batches: batches.length, rendered };
    },

    async finishSync() {
      let rendered = 0;
      const view = t.createView({ onRendered: () => rendered++ });
      const initial = [view.element.getAttribute('aria-live'), view.element.getAttribute('aria-busy')];
      view.append('Hello **world**');
      const busy = view.element.getAttribute('aria-busy');
      t.finish(view);
      const html = t.viewHtml(view.element);
      const afterFinish = { busy: view.element.getAttribute('aria-busy'), rendered };
      await t.frames(2);
      return { initial, busy, html, afterFinish, renderedLater: rendered };
    },

    replacePrefix() {
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped });
      view.append('# Kept\n\nAlso kept.\n\nChanged later\n\nmore\n');
      stepped.step();
      (view.element.querySelector('h1') as Marked).__mark = 'kept';
      const replacement = '# Kept\n\nAlso kept.\n\nRewritten *entirely*.';
      view.replace(replacement);
      stepped.step();
      t.finish(view);
      return {
        mark: (view.element.querySelector('h1') as Marked).__mark,
        html: t.viewHtml(view.element),
        expected: t.renderFullHtml(replacement),
        text: view.text(),
      };
    },

    replaceUnrelated() {
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped });
      view.append('- a\n- b\n\npara\n\n');
      stepped.step();
      view.replace('Totally different\n\n1. x\n');
      stepped.step();
      t.finish(view);
      const afterReplace = t.viewHtml(view.element) === t.renderFullHtml('Totally different\n\n1. x\n');
      view.append('2. y\n');
      stepped.step();
      t.finish(view);
      return { afterReplace, afterAppend: t.viewHtml(view.element) === t.renderFullHtml('Totally different\n\n1. x\n2. y\n') };
    },

    openFence() {
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped });
      view.append('Code:\n\n```python\ndef f():\n');
      stepped.step();
      const codeElement = view.element.querySelector('pre code');
      for (const chunk of ['    ret', 'urn', ' 1\n']) {
        view.append(chunk);
        stepped.step();
      }
      // Toolbars are built lazily: the pointer reaching the block builds its toolbar.
      view.element.querySelector('.code-block pre')?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
      const streaming = {
        sameElement: view.element.querySelector('pre code') === codeElement,
        code: view.element.querySelector('pre code')?.textContent,
        block: view.codeBlock(0),
        buttons: view.element.querySelectorAll('[data-code-index="0"]').length,
      };
      view.append('```\n');
      t.finish(view);
      return { streaming, highlighted: view.element.querySelectorAll('pre code .hljs-keyword').length > 0 };
    },

    /**
     * Streams `chunks` (a frame after each) and counts the element nodes
     * removed from the message while doing so: the work of rendering finished
     * blocks again. Also returns whether the result equals a whole render.
     */
    rerenderCount(chunks: string[]) {
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped });
      // Element nodes taken out of the message and not put back (a move into a page is no re-render).
      const taken = new Set<Node>();
      const note = (records: MutationRecord[]): void => {
        for (const record of records) for (const node of record.removedNodes) if (node.nodeType === Node.ELEMENT_NODE && !(node as Element).classList.contains(PAGE_CLASS)) taken.add(node);
      };
      const observer = new MutationObserver(note);
      observer.observe(view.element, { childList: true, subtree: true });
      for (const chunk of chunks) {
        view.append(chunk);
        stepped.step();
      }
      t.finish(view);
      note(observer.takeRecords());
      observer.disconnect();
      const removed = [...taken].filter((node) => !view.element.contains(node)).length;
      const identical = t.viewHtml(view.element) === t.renderFullHtml(chunks.join(''));
      const blocks = view.element.querySelectorAll(`:scope > :not(.${PAGE_CLASS}), :scope > .${PAGE_CLASS} > *`).length;
      view.dispose();
      return { removed, identical, blocks };
    },

    /**
     * Appends `text` in one chunk and runs updates one at a time until none is
     * pending: how much text each update showed, and the final result.
     */
    bigChunk(text: string) {
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped, renderCap: false });
      view.append(text);
      const shown: number[] = [];
      while (stepped.step() > 0 && shown.length < 1000) shown.push(view.element.textContent?.length ?? 0);
      t.finish(view);
      const identical = t.viewHtml(view.element) === t.renderFullHtml(text);
      view.dispose();
      return { shown, identical };
    },

    /**
     * Streams `text` in `chunkSize` pieces (an update after each), finishes,
     * and reports the render cap: how much is plain text, how many links were
     * rendered; then clicks "Show all" and compares with a whole render.
     */
    renderCap(input: { text: string; chunkSize: number }) {
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped });
      for (let i = 0; i < input.text.length; i += input.chunkSize) {
        view.append(input.text.slice(i, i + input.chunkSize));
        stepped.step();
      }
      t.finish(view);
      const plain = view.element.querySelector('.parley-plain-text')?.textContent ?? null;
      const links = view.element.querySelectorAll('a').length;
      const codeBlocks = view.element.querySelectorAll('.code-block').length;
      const button = view.element.querySelector<HTMLButtonElement>('button.parley-show-all');
      button?.click();
      // "Show all" renders over frames, in bounded steps, like finish().
      const showAllSyncChars = view.element.textContent?.length ?? 0;
      let showAllFrames = 0;
      while ((t.finishSteps(view)?.step() ?? 0) > 0) showAllFrames++;
      const afterShowAll = {
        plain: view.element.querySelector('.parley-plain-rest') !== null,
        identical: t.viewHtml(view.element) === t.renderFullHtml(input.text),
      };
      view.dispose();
      return {
        plainChars: plain?.length ?? 0,
        plainIsTheRest: plain !== null && input.text.endsWith(plain),
        links,
        codeBlocks,
        button: button?.textContent ?? null,
        afterShowAll,
        showAllSyncChars,
        showAllFrames,
      };
    },

    /**
     * A view that fell behind (its update scheduler never ran) gets all of
     * `text` and finish(): how much finish() rendered before returning, whether
     * it is still busy, how many frames the rest took, and the final DOM.
     */
    finishBounded(text: string) {
      const stepped = new t.SteppedScheduler();
      let updates = 0;
      const view = t.createView({ stepped, renderCap: false, onRendered: () => updates++ });
      view.append(text);
      view.finish();
      const syncChars = view.element.textContent?.length ?? 0;
      const busy = view.element.getAttribute('aria-busy');
      const syncUpdates = updates;
      // Each frame of steps is also bounded: count the characters each one adds.
      const steps = t.finishSteps(view);
      let frames = 0;
      let largestFrameChars = 0;
      for (let before = syncChars; steps && steps.step() > 0; frames++) {
        const now = view.element.textContent?.length ?? 0;
        largestFrameChars = Math.max(largestFrameChars, now - before);
        before = now;
      }
      const result = {
        syncChars,
        busy,
        syncUpdates,
        frames,
        updates,
        busyAfter: view.element.getAttribute('aria-busy'),
        identical: t.viewHtml(view.element) === t.renderFullHtml(text),
        textChars: t.renderFullHtml(text).length,
        largestFrameChars,
      };
      view.dispose();
      return result;
    },

    /**
     * A reply of `count` small code blocks in a 300 px high scroller: how many
     * toolbars exist once the view settled, after scrolling to the end, and
     * after the pointer reached a block in the middle (and its language label).
     */
    async lazyToolbars(count: number) {
      const scroller = document.createElement('div');
      scroller.style.cssText = 'height: 300px; overflow-y: auto';
      t.root.appendChild(scroller);
      const text = Array.from({ length: count }, (_, i) => `Block ${i}:\n\n\`\`\`py\nx = ${i}\n\`\`\`\n`).join('\n');
      const view = t.createView({ stepped: new t.SteppedScheduler() });
      scroller.appendChild(view.element);
      view.replace(text);
      t.finish(view);
      const toolbars = (): number => view.element.querySelectorAll('.code-block-toolbar').length;
      /** Waits (in frames, up to ~2 s of them) until `ready()` holds. */
      const until = async (ready: () => boolean): Promise<void> => {
        for (let i = 0; i < 120 && !ready(); i++) await t.frames(1);
      };
      await until(() => toolbars() > 0);
      await t.frames(3);
      const settled = toolbars();
      const last = (): Element | null => view.element.querySelector(`[data-code-index="${count - 1}"] .code-block-toolbar`);
      // Pages far from the viewport have an estimated height until shown: scroll to the end as a user would, until there.
      await until(() => {
        scroller.scrollTop = scroller.scrollHeight;
        return last() !== null;
      });
      const lastBuilt = last() !== null;
      const middle = view.element.querySelector(`.code-block[data-code-index="${Math.floor(count / 2)}"]`) as HTMLElement;
      const beforeHover = middle.querySelector('.code-block-toolbar') !== null;
      middle.querySelector('code')?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
      const afterHover = {
        built: middle.querySelector('.code-block-toolbar') !== null,
        language: middle.querySelector('.code-block-language')?.textContent,
        buttons: middle.querySelectorAll(`button[data-code-index="${Math.floor(count / 2)}"]`).length,
      };
      const total = toolbars();
      view.dispose();
      scroller.remove();
      return { settled, lastBuilt, beforeHover, afterHover, total };
    },

    /** Streams for ~20 frames through throttledFrameScheduler(minIntervalMs); returns the frame times of the updates. */
    async throttled(minIntervalMs: number) {
      const times: number[] = [];
      const view = t.createView({
        scheduler: throttledFrameScheduler(minIntervalMs),
        onRendered: () => times.push(Number(document.timeline.currentTime)),
      });
      let text = '';
      for (let i = 0; i < 20; i++) {
        const chunk = `word${i} `;
        view.append(chunk);
        text += chunk;
        await t.frames(1);
      }
      t.finish(view);
      const html = t.viewHtml(view.element);
      view.dispose();
      return { times, correct: html === t.renderFullHtml(text) };
    },

    /** Streams ~40 frames through budgetFrameScheduler while each update costs at least `costMs`; returns the update frame times. */
    async budget(input: { costMs: number; minIntervalMs: number; share: number; maxIntervalMs: number }) {
      const times: number[] = [];
      const view = t.createView({
        scheduler: budgetFrameScheduler(input),
        onRendered: () => {
          times.push(Number(document.timeline.currentTime));
          const until = performance.now() + input.costMs;
          while (performance.now() < until) {
            // an expensive update
          }
        },
      });
      let text = '';
      for (let i = 0; i < 40; i++) {
        const chunk = `word${i} `;
        view.append(chunk);
        text += chunk;
        await t.frames(1);
      }
      t.finish(view);
      const html = t.viewHtml(view.element);
      view.dispose();
      return { times: times.slice(0, -1), correct: html === t.renderFullHtml(text) };
    },

    async disposeStops() {
      let rendered = 0;
      const view = t.createView({ onRendered: () => rendered++ });
      view.append('text');
      view.dispose();
      view.append('more');
      await t.frames(2);
      return { attached: view.element.isConnected, rendered };
    },

    /** Renders every payload (streamed or at once), clicks every link and button, and inspects the DOM. */
    async renderHostile(input: { payloads: string[]; streamed: boolean; forbidden: string }) {
      const stepped = new t.SteppedScheduler();
      for (const payload of input.payloads) {
        const view = t.createView({ stepped });
        if (input.streamed) {
          for (let i = 0; i < payload.length; i += 3) {
            view.append(payload.slice(i, i + 3));
            if (i % 2 === 0) stepped.step();
          }
        } else {
          view.append(payload);
        }
        t.finish(view);
      }
      for (const clickable of t.root.querySelectorAll<HTMLElement>('a, button')) clickable.click();
      await t.frames(3);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const badAttributes: string[] = [];
      const urlAttributes = ['style', 'src', 'srcset', 'srcdoc', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'href'];
      for (const element of t.root.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          const name = attribute.name.toLowerCase();
          if (name.startsWith('on') || urlAttributes.includes(name) || (name === 'data-href' && !/^https?:\/\//i.test(attribute.value))) {
            badAttributes.push(`<${element.tagName.toLowerCase()} ${name}="${attribute.value}">`);
          }
        }
      }
      const state = window as unknown as PageState;
      return {
        pwned: state.__pwned ?? null,
        pwnCount: state.__pwnCount,
        forbidden: [...t.root.querySelectorAll(input.forbidden)].map((e) => e.outerHTML),
        badAttributes,
        url: location.href,
      };
    },

    /** Control: injects raw HTML past the renderer (the detectors must notice). */
    injectControl(sinkUrl: string): void {
      const div = document.createElement('div');
      div.innerHTML = `<img src="${location.origin}/control.png" onerror="pwn()"><img src="${sinkUrl}/control.png">`;
      document.body.appendChild(div);
    },
    controlState() {
      return { pwnCount: (window as unknown as PageState).__pwnCount, violations: t.violations.length };
    },

    /**
     * Replays a stream without waiting for frames: the same chunks, an update
     * right after chunk `points[k]` (1-based counts, e.g. where a real stream's
     * updates ran), then finish(). The render work alone, without what running
     * each update on its own in a separate frame adds. Returns the fastest of
     * `repeats` totals.
     */
    benchReplay(input: { chunks: string[]; points: number[]; repeats: number }): number {
      const points = new Set(input.points);
      let best = Infinity;
      for (let r = 0; r < input.repeats; r++) {
        const stepped = new t.SteppedScheduler();
        const view = t.createView({ stepped });
        const start = performance.now();
        input.chunks.forEach((chunk, i) => {
          view.append(chunk);
          if (points.has(i + 1)) stepped.step();
        });
        t.finish(view);
        best = Math.min(best, performance.now() - start);
        view.dispose();
      }
      return best;
    },

    /**
     * Per-update cost by reply length: `chunks` appended back to back, an
     * update every `every` chunks (timed one by one), no frames in between.
     */
    benchScaling(input: { chunks: string[]; every: number; renderCap: boolean }) {
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped, renderCap: input.renderCap });
      const updates: number[] = [];
      input.chunks.forEach((chunk, i) => {
        view.append(chunk);
        if ((i + 1) % input.every === 0) {
          const start = performance.now();
          stepped.step();
          updates.push(performance.now() - start);
        }
      });
      const start = performance.now();
      t.finish(view);
      const finishMs = performance.now() - start;
      const plain = view.element.querySelector('.parley-plain-text') !== null;
      view.dispose();
      const sorted = [...updates].sort((a, b) => a - b);
      const mean = updates.reduce((a, b) => a + b, 0) / Math.max(1, updates.length);
      // Means of the first and the last tenth of the updates: does an update cost more late in a long reply?
      const tenth = Math.max(1, Math.floor(updates.length / 10));
      const firstTenth = updates.slice(0, tenth).reduce((a, b) => a + b, 0) / tenth;
      const lastTenth = updates.slice(-tenth).reduce((a, b) => a + b, 0) / tenth;
      return { updates: updates.length, meanMs: mean, p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? 0, maxMs: sorted.at(-1) ?? 0, firstTenth, lastTenth, finishMs, plain };
    },

    /** Sanitizes `htmls` with one batched DOMPurify call and one by one; returns both serialized. */
    sanitizeBatch(htmls: string[]) {
      const serialize = (fragment: DocumentFragment): string => {
        const holder = document.createElement('div');
        holder.appendChild(fragment);
        return holder.innerHTML;
      };
      return {
        batched: sanitizeAll(htmls).map(serialize),
        single: htmls.map((html) => serialize(sanitizeToFragment(html))),
      };
    },

    /** Median of 7 one-shot renders of `text` (optionally including the layout they cause). */
    benchSingle(input: { text: string; layout: boolean }): number {
      const samples: number[] = [];
      for (let i = 0; i < 7; i++) {
        const view = t.createView({ stepped: new t.SteppedScheduler() });
        const start = performance.now();
        view.replace(input.text);
        t.finish(view);
        if (input.layout) void view.element.getBoundingClientRect().height;
        samples.push(performance.now() - start);
        view.dispose();
      }
      samples.sort((a, b) => a - b);
      return samples[3] as number;
    },

    /**
     * Streams `chunks` with real animation frames (`perFrame` chunks arrive per
     * frame), timing all render work: every scheduled update, every append()
     * and finish(). `scheduler`: 'default' (what createStreamingMessageView
     * uses), 'every-frame', or a fixed minimum interval in ms.
     */
    async benchStream(input: {
      chunks: string[];
      mode: 'streaming' | 'naive-per-chunk';
      perFrame: number;
      layout: boolean;
      scheduler?: 'default' | 'every-frame' | number;
    }) {
      const { chunks, mode, perFrame, layout } = input;
      const choice = input.scheduler ?? 'default';
      const inner: FrameScheduler =
        choice === 'default' ? budgetFrameScheduler() : choice === 'every-frame' ? animationFrameScheduler : throttledFrameScheduler(choice);
      const frameWork: number[] = [];
      /** How many chunks had been appended when each update ran. */
      const points: number[] = [];
      let appended = 0;
      let appendMs = 0;
      const timed = (work: () => void, element: HTMLElement): void => {
        const start = performance.now();
        work();
        if (layout) void element.getBoundingClientRect().height;
        frameWork.push(performance.now() - start);
      };
      let full = '';
      let identical = true;
      const began = performance.now();
      if (mode === 'streaming') {
        const holder: { view?: StreamingMessageView } = {};
        const scheduler: FrameScheduler = {
          request: (callback) =>
            inner.request(() => {
              points.push(appended);
              timed(callback, (holder.view as StreamingMessageView).element);
            }),
          cancel: (handle) => inner.cancel(handle),
        };
        const view = t.createView({ scheduler });
        holder.view = view;
        for (let i = 0; i < chunks.length; i += perFrame) {
          await t.frames(1);
          const start = performance.now();
          for (const chunk of chunks.slice(i, i + perFrame)) {
            view.append(chunk);
            full += chunk;
          }
          appendMs += performance.now() - start;
          appended = Math.min(chunks.length, i + perFrame);
        }
        await t.frames(1);
        timed(() => t.finish(view), view.element);
        // Toolbars of code blocks on screen were built lazily (a whole render builds none): compare without them (and pages).
        identical = t.viewHtml(view.element) === t.renderFullHtml(full);
        view.dispose();
      } else {
        const element = document.createElement('div');
        t.root.appendChild(element);
        for (let i = 0; i < chunks.length; i += perFrame) {
          await t.frames(1);
          const frameChunks = chunks.slice(i, i + perFrame);
          timed(() => {
            for (const chunk of frameChunks) t.naiveRender(element, (full += chunk));
          }, element);
        }
        element.remove();
      }
      const total = frameWork.reduce((a, b) => a + b, 0) + appendMs;
      return { total, appendMs, seconds: (performance.now() - began) / 1000, longest: Math.max(...frameWork), frames: frameWork.length, identical, points };
    },
  };
}

export type RendererScenarios = ReturnType<typeof createScenarios>;
