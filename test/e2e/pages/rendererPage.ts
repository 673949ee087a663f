// Test/benchmark page entry: exposes the streaming renderer (and a naive
// whole-message renderer for comparison) on window.parleyTest.
import './vscodeStub';
import { createStreamingMessageView, renderMarkdown, type FrameScheduler, type StreamingMessageView } from '../../../src/webview-ui/markdown';
import { createScenarios } from './rendererScenarios';
import { createConversationScenarios } from './conversationScenarios';
import { createBoundedScenarios } from './boundedScenarios';
import { markdownEngine } from '../../../src/webview-ui/markdown/renderPipeline';
import { createRenderEnv } from '../../../src/webview-ui/markdown/markdownEngine';
import { sanitizeToString } from '../../../src/webview-ui/markdown/sanitize';
import { PAGE_CLASS } from '../../../src/webview-ui/markdown/segmentPages';

// Functions the tests pass to page.evaluate are compiled by tsx, whose
// keepNames transform calls a `__name` helper that only exists in Node.
Object.assign(globalThis, { __name: <T>(fn: T): T => fn });

// Hostile payloads try to call this (or set window.__pwned); the tests check neither happened.
Object.assign(globalThis, {
  __pwnCount: 0,
  pwn(): void {
    (globalThis as unknown as { __pwnCount: number }).__pwnCount++;
  },
});

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});

const labels = {
  copy: 'Copy',
  insert: 'Insert at cursor',
  replace: 'Replace selection',
  diff: 'Apply as diff',
  newFile: 'New file',
};

/** A scheduler whose frames run only when the test says so. */
class SteppedScheduler implements FrameScheduler {
  private next = 1;
  private readonly queue = new Map<number, () => void>();
  request(callback: () => void): number {
    const handle = this.next++;
    this.queue.set(handle, callback);
    return handle;
  }
  cancel(handle: number): void {
    this.queue.delete(handle);
  }
  step(): number {
    const callbacks = [...this.queue.values()];
    this.queue.clear();
    for (const callback of callbacks) callback();
    return callbacks.length;
  }
}

const root = document.getElementById('root') as HTMLElement;
const finishSchedulers = new WeakMap<StreamingMessageView, SteppedScheduler>();

export interface RendererTestApi {
  labels: typeof labels;
  violations: string[];
  root: HTMLElement;
  SteppedScheduler: typeof SteppedScheduler;
  createView(options?: { stepped?: SteppedScheduler; onRendered?: () => void; scheduler?: FrameScheduler; renderCap?: boolean }): StreamingMessageView;
  /** Resolves after `count` animation frames, with the last frame's start time (the rAF timestamp: vsync-aligned, unlike performance.now() inside the callback). */
  frames(count?: number): Promise<number>;
  /** finish(), then its later steps at once (in the page they run in animation frames); returns how many frames they took. */
  finish(view: StreamingMessageView): number;
  /** The stepped scheduler of a view's finish() steps. */
  finishSteps(view: StreamingMessageView): SteppedScheduler | undefined;
  renderFullHtml(text: string): string;
  /** A view's innerHTML as a whole render would make it: its pages unwrapped, without the lazily built toolbars. */
  viewHtml(element: Element | null): string;
  naiveRender(element: HTMLElement, text: string): void;
}

const api = {
  labels,
  violations,
  root,
  SteppedScheduler,
  createView(options: { stepped?: SteppedScheduler; onRendered?: () => void; scheduler?: FrameScheduler; renderCap?: boolean } = {}) {
    const finishScheduler = new SteppedScheduler();
    const view = createStreamingMessageView(root, { labels, onRendered: options.onRendered, renderCap: options.renderCap, finishScheduler }, options.stepped ?? options.scheduler);
    finishSchedulers.set(view, finishScheduler);
    return view;
  },
  finish(view: StreamingMessageView): number {
    view.finish();
    const steps = finishSchedulers.get(view);
    let frames = 0;
    while (steps && steps.step() > 0) frames++;
    return frames;
  },
  finishSteps(view: StreamingMessageView): SteppedScheduler | undefined {
    return finishSchedulers.get(view);
  },
  /** Resolves after `count` animation frames, with the last one's start time. */
  frames(count = 1): Promise<number> {
    return new Promise((resolve) => {
      const tick = (left: number, frameStart: number): void => {
        if (left === 0) resolve(frameStart);
        else requestAnimationFrame((time) => tick(left - 1, time));
      };
      tick(count, performance.now());
    });
  },
  /** innerHTML of the whole text rendered at once. */
  renderFullHtml(text: string): string {
    const div = document.createElement('div');
    div.appendChild(renderMarkdown(text));
    return div.innerHTML;
  },
  viewHtml(element: Element | null): string {
    const copy = element?.cloneNode(true) as Element | undefined;
    if (!copy) return '';
    copy.querySelectorAll('.code-block-toolbar').forEach((toolbar) => toolbar.remove());
    copy.querySelectorAll('.has-toolbar').forEach((block) => {
      block.classList.remove('has-toolbar');
      if (block.classList.length === 1) block.setAttribute('class', 'code-block');
    });
    copy.querySelectorAll(`.${PAGE_CLASS}`).forEach((page) => page.replaceWith(...Array.from(page.childNodes)));
    return copy.innerHTML;
  },
  /** What many chat views do: markdown-it + DOMPurify + innerHTML of the whole message. */
  naiveRender(element: HTMLElement, text: string): void {
    const md = markdownEngine();
    element.innerHTML = sanitizeToString(md.render(text, createRenderEnv()));
  },
};

declare global {
  interface Window {
    parleyTest: typeof api & { scenarios: ReturnType<typeof createScenarios> & ReturnType<typeof createConversationScenarios> & ReturnType<typeof createBoundedScenarios> };
  }
}
window.parleyTest = { ...api, scenarios: { ...createScenarios(api), ...createConversationScenarios(api), ...createBoundedScenarios(api) } };
