// Browser-side halves of the renderer tests and benchmark. They run inside
// the test page (bundled with the renderer) and return plain data; the Node
// side calls them by name through inPage() in test/unit/webview-ui/rendererPage.ts.
import { throttledFrameScheduler, type FrameScheduler, type StreamingMessageView } from '../../../src/webview-ui/markdown';
import type { RendererTestApi } from './rendererPage';

type Marked = Element & { __mark?: string };
type PageState = { __pwned?: unknown; __pwnCount: number };

export function createScenarios(t: RendererTestApi) {
  return {
    clearRoot(): void {
      t.root.replaceChildren();
    },
    violations(): string[] {
      return t.violations;
    },
    setRootWidth(px: number): void {
      t.root.style.width = `${px}px`;
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
      view.finish();
      const streamed = view.element.innerHTML;
      const whole = t.renderFullHtml(sent);
      const fresh = t.createView({ stepped: new t.SteppedScheduler() });
      fresh.replace(sent);
      fresh.finish();
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
      view.finish();
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
      await t.frames(2);
      const afterFirst = { batches: batches.length, rendered };
      for (let i = 0; i < 50; i++) view.append(' more');
      await t.frames(2);
      observer.disconnect();
      return { synchronousChildren, afterFirst, batches: batches.length, rendered };
    },

    async finishSync() {
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
      view.finish();
      return {
        mark: (view.element.querySelector('h1') as Marked).__mark,
        html: view.element.innerHTML,
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
      view.finish();
      const afterReplace = view.element.innerHTML === t.renderFullHtml('Totally different\n\n1. x\n');
      view.append('2. y\n');
      stepped.step();
      view.finish();
      return { afterReplace, afterAppend: view.element.innerHTML === t.renderFullHtml('Totally different\n\n1. x\n2. y\n') };
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
      const streaming = {
        sameElement: view.element.querySelector('pre code') === codeElement,
        code: view.element.querySelector('pre code')?.textContent,
        block: view.codeBlock(0),
        buttons: view.element.querySelectorAll('[data-code-index="0"]').length,
      };
      view.append('```\n');
      view.finish();
      return { streaming, highlighted: view.element.querySelectorAll('pre code .hljs-keyword').length > 0 };
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
      view.finish();
      const html = view.element.innerHTML;
      view.dispose();
      return { times, correct: html === t.renderFullHtml(text) };
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
        view.finish();
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

    /** Median of 7 one-shot renders of `text` (optionally including the layout they cause). */
    benchSingle(input: { text: string; layout: boolean }): number {
      const samples: number[] = [];
      for (let i = 0; i < 7; i++) {
        const view = t.createView({ stepped: new t.SteppedScheduler() });
        const start = performance.now();
        view.replace(input.text);
        view.finish();
        if (input.layout) void view.element.getBoundingClientRect().height;
        samples.push(performance.now() - start);
        view.dispose();
      }
      samples.sort((a, b) => a - b);
      return samples[3] as number;
    },

    /** Streams `chunks` with real animation frames, timing each frame's render work. */
    async benchStream(input: { chunks: string[]; mode: 'streaming' | 'naive-per-chunk'; perFrame: number; layout: boolean; minIntervalMs?: number }) {
      const { chunks, mode, perFrame, layout } = input;
      const throttled = input.minIntervalMs ? throttledFrameScheduler(input.minIntervalMs) : undefined;
      const frameWork: number[] = [];
      const timed = (work: () => void, element: HTMLElement): void => {
        const start = performance.now();
        work();
        if (layout) void element.getBoundingClientRect().height;
        frameWork.push(performance.now() - start);
      };
      let full = '';
      let identical = true;
      if (mode === 'streaming') {
        const holder: { view?: StreamingMessageView } = {};
        const scheduler: FrameScheduler = {
          request: (callback) => {
            const work = (): void => timed(callback, (holder.view as StreamingMessageView).element);
            return throttled ? throttled.request(work) : requestAnimationFrame(work);
          },
          cancel: (handle) => (throttled ? throttled.cancel(handle) : cancelAnimationFrame(handle)),
        };
        const view = t.createView({ scheduler });
        holder.view = view;
        for (let i = 0; i < chunks.length; i += perFrame) {
          await t.frames(1);
          for (const chunk of chunks.slice(i, i + perFrame)) {
            view.append(chunk);
            full += chunk;
          }
        }
        await t.frames(1);
        timed(() => view.finish(), view.element);
        identical = view.element.innerHTML === t.renderFullHtml(full);
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
      return { total: frameWork.reduce((a, b) => a + b, 0), longest: Math.max(...frameWork), frames: frameWork.length, identical };
    },
  };
}

export type RendererScenarios = ReturnType<typeof createScenarios>;
