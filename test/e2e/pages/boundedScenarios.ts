// Browser-side halves of the bounded-rendering tests (test/unit/webview-ui/
// boundedRendering.test.ts): what one frame, one page or one restore step
// may hold, counted (never timed) in the renderer and the restore queue.
import { ManualScheduler, type StreamingMessageView } from '../../../src/webview-ui/markdown';
import { PAGE_CLASS } from '../../../src/webview-ui/markdown/segmentPages';
import { ReplyRestore } from '../../../src/webview-ui/replyRestore';
import { BUDGET_MS, RestoreQueue } from '../../../src/webview-ui/restoreQueue';
import type { RendererTestApi } from './rendererPage';

/** Element children of each page of a message, and its own element children. */
function pageShape(element: Element): { children: number; pages: number[]; headingFirst: number } {
  const pages = Array.from(element.querySelectorAll(`:scope > .${PAGE_CLASS}`));
  return {
    children: element.children.length,
    pages: pages.map((page) => page.children.length),
    headingFirst: pages.slice(1).filter((page) => /^(?:H[1-6]|HR)$/.test(page.firstElementChild?.tagName ?? '')).length,
  };
}

/** Counts the code blocks an IntersectionObserver watches one by one (all observers of the page). */
function countObservedCodeBlocks(): { now(): number; restore(): void } {
  const observed = new Set<Element>();
  const proto = IntersectionObserver.prototype;
  const { observe, unobserve, disconnect } = proto;
  const mine = new WeakMap<IntersectionObserver, Set<Element>>();
  proto.observe = function (this: IntersectionObserver, target: Element) {
    if (target.matches('div.code-block')) {
      observed.add(target);
      const set = mine.get(this) ?? new Set<Element>();
      set.add(target);
      mine.set(this, set);
    }
    observe.call(this, target);
  };
  proto.unobserve = function (this: IntersectionObserver, target: Element) {
    observed.delete(target);
    mine.get(this)?.delete(target);
    unobserve.call(this, target);
  };
  proto.disconnect = function (this: IntersectionObserver) {
    for (const target of mine.get(this) ?? []) observed.delete(target);
    disconnect.call(this);
  };
  return {
    now: () => observed.size,
    restore() {
      Object.assign(proto, { observe, unobserve, disconnect });
    },
  };
}

export function createBoundedScenarios(t: RendererTestApi) {
  return {
    /** `text` streamed in `chunkSize` pieces (an update after each), finished: the message's shape and whether it equals a whole render. */
    pagedMessage(input: { text: string; chunkSize: number }) {
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped, renderCap: false });
      for (let i = 0; i < input.text.length; i += input.chunkSize) {
        view.append(input.text.slice(i, i + input.chunkSize));
        stepped.step();
      }
      t.finish(view);
      const result = { ...pageShape(view.element), identical: t.viewHtml(view.element) === t.renderFullHtml(input.text) };
      view.dispose();
      return result;
    },

    /**
     * Streams `count` tiny code blocks into a 300 px scroller, finishes, and
     * lets the observers settle: how many code blocks were watched one by
     * one at most, and at the end (the ones still waiting for a toolbar).
     */
    async observedCodeBlocks(count: number) {
      const counter = countObservedCodeBlocks();
      try {
        const scroller = document.createElement('div');
        scroller.style.cssText = 'height: 300px; overflow-y: auto';
        t.root.appendChild(scroller);
        const stepped = new t.SteppedScheduler();
        const view = t.createView({ stepped, renderCap: false });
        scroller.appendChild(view.element);
        const text = Array.from({ length: count }, (_, i) => '```py\nx = ' + i + '\n```\n\n').join('');
        let most = 0;
        for (let i = 0; i < text.length; i += 4096) {
          view.append(text.slice(i, i + 4096));
          stepped.step();
          most = Math.max(most, counter.now());
          if (i % (64 * 1024) === 0) await t.frames(1);
        }
        t.finish(view);
        scroller.scrollTop = scroller.scrollHeight;
        await t.frames(10);
        most = Math.max(most, counter.now());
        const atEnd = counter.now();
        const toolbars = view.element.querySelectorAll('.code-block-toolbar').length;
        view.dispose();
        scroller.remove();
        return { most, atEnd, toolbars };
      } finally {
        counter.restore();
      }
    },

    /**
     * `text` arrives in one chunk; updates run one at a time: how many code
     * blocks each one added, and how many finish()'s synchronous step added.
     */
    codeBlocksPerUpdate(input: { text: string; updates: number }) {
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped, renderCap: false });
      view.append(input.text);
      const count = (): number => view.element.querySelectorAll('div.code-block').length;
      const added: number[] = [];
      for (let i = 0, before = 0; i < input.updates && stepped.step() > 0; i++, before = count()) added.push(count() - before);
      const beforeFinish = count();
      view.finish();
      const finishStep = count() - beforeFinish;
      t.finish(view);
      const result = { added, finishStep, identical: t.viewHtml(view.element) === t.renderFullHtml(input.text) };
      view.dispose();
      return result;
    },

    /**
     * `users` paragraphs mention [x] (streamed, an update each 50), then its
     * definition arrives and the reply ends: how many of them finish()'s
     * synchronous step renders again (paragraphs taken out of the message),
     * and whether its later steps resolve them all.
     */
    lateDefinition(users: number) {
      const stepped = new t.SteppedScheduler();
      const view = t.createView({ stepped, renderCap: false });
      let text = '';
      for (let i = 0; i < users; i++) {
        const chunk = `P${i} uses [x].\n\n`;
        text += chunk;
        view.append(chunk);
        if (i % 50 === 49) stepped.step();
      }
      stepped.step();
      const definition = '[x]: https://example.com/x\n\nAfter.\n';
      text += definition;
      view.append(definition);
      const observer = new MutationObserver(() => undefined);
      observer.observe(view.element, { childList: true, subtree: true });
      view.finish();
      const firstStep = observer.takeRecords().reduce((n, record) => n + Array.from(record.removedNodes).filter((node) => node.nodeName === 'P').length, 0);
      observer.disconnect();
      const frames = t.finish(view);
      const result = { firstStep, frames, identical: t.viewHtml(view.element) === t.renderFullHtml(text), links: view.element.querySelectorAll('a[data-href]').length };
      view.dispose();
      return result;
    },

    /** Restores `text` through ReplyRestore step by step (as RestoreQueue would): steps until done (at most `maxSteps`), and the result. */
    restoreSteps(input: { text: string; maxSteps: number }) {
      const scheduler = new ManualScheduler();
      const view: StreamingMessageView = t.createView({ scheduler });
      const restore = new ReplyRestore(view, scheduler, input.text, () => true);
      let steps = 0;
      while (!restore.done && steps < input.maxSteps) {
        restore.step();
        steps++;
      }
      t.finish(view);
      const result = { done: restore.done, steps, shownChars: view.text().length };
      view.dispose();
      return result;
    },

    /**
     * A restore queue whose steps are cheap but whose frames are not (what
     * afterFrame() pays for: here it works 3 × BUDGET_MS): the steps each
     * frame ran, for `frames` frames.
     */
    async restoreQueueSteps(frames: number) {
      const perFrame: number[] = [];
      let steps = 0;
      const queue = new RestoreQueue(() => {
        perFrame.push(steps);
        steps = 0;
        const until = performance.now() + 3 * BUDGET_MS;
        while (performance.now() < until) {
          // The layout a frame's steps caused, say.
        }
      });
      let left = 100_000;
      queue.add({
        step: () => {
          steps++;
          return --left <= 0;
        },
      });
      while (perFrame.length < frames && queue.size > 0) await t.frames(1);
      queue.clear();
      return perFrame;
    },
  };
}
