/**
 * The list of turns. When a conversation arrives, turns that did not change
 * keep their views (a new question in a long conversation adds one turn, it
 * does not rebuild the others); replies are updated in place while they
 * stream. A reply's text is rendered only when its turn comes near the
 * viewport (older ones as the user scrolls up), long ones slice by slice
 * within a time budget per frame (RestoreQueue). Clicks are handled by delegation: code-block
 * actions (data-action + data-code-index), links (data-href), turn actions,
 * error-card actions and the empty state's setup buttons.
 */
import type { Conversation, Reply, Turn } from '../protocol/model';
import { CODE_ACTIONS, SETUP_ACTIONS } from '../protocol/messages';
import { ERROR_ACTIONS } from '../protocol/model';
import { AutoScroll } from './autoScroll';
import { emptyState } from './emptyState';
import { h } from './dom';
import { TurnView } from './turnView';
import { RestoreQueue } from './restoreQueue';
import { post } from './vscodeApi';

/**
 * Turn shells built when a conversation opens: the newest SHELLS_AT_ONCE at
 * once, the older ones in later frames, SHELL_SLICE at a time (newest first)
 * within SHELL_BUDGET_MS per frame.
 */
export const SHELLS_AT_ONCE = 48;
export const SHELL_SLICE = 16;
const SHELL_BUDGET_MS = 6;

/** How far beyond the visible part of the list turns get rendered. */
const ACTIVATION_MARGIN = '1500px 0px';

const TURN_ACTIONS = ['copyReply', 'copyQuestion', 'regenerate', 'edit'] as const;
type TurnAction = (typeof TURN_ACTIONS)[number];

const isOneOf = <T extends string>(values: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (values as readonly string[]).includes(value);

export class MessageList {
  readonly element: HTMLElement;
  private readonly scroll: AutoScroll;
  private turns: TurnView[] = [];
  private hasProvider = false;
  private conversationId: string | undefined;
  private scrollPending = false;
  private readonly restoring: RestoreQueue;
  /** Older turns of the open conversation whose shells are still to be built (see SHELLS_AT_ONCE), and the frame that builds them. */
  private older: { turns: Turn[]; frame: number } | undefined;
  private readonly byElement = new WeakMap<Element, TurnView>();
  /** Activates turns that come within ACTIVATION_MARGIN of the visible part of the list. */
  private readonly nearViewport: IntersectionObserver;

  constructor() {
    this.element = h('main', { class: 'messages', role: 'log', 'aria-live': 'polite', tabindex: '0' });
    this.scroll = new AutoScroll(this.element);
    this.restoring = new RestoreQueue(() => this.scroll.update());
    this.nearViewport = new IntersectionObserver((entries) => this.activateNear(entries), {
      root: this.element,
      rootMargin: ACTIVATION_MARGIN,
    });
    this.element.addEventListener('click', (event) => this.onClick(event));
    // Links have no href (the renderer keeps it in data-href); make Enter open them like a real link.
    this.element.addEventListener('keydown', (event) => {
      const link = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-href]') : null;
      if (link?.dataset.href && event.key === 'Enter') {
        event.preventDefault();
        post({ type: 'openLink', href: link.dataset.href });
      }
    });
  }

  setHasProvider(hasProvider: boolean): void {
    this.hasProvider = hasProvider;
    if (this.turns.length === 0) this.element.replaceChildren(emptyState(hasProvider));
  }

  show(conversation: Conversation): void {
    const kept = new Map<string, TurnView>();
    const same = conversation.id === this.conversationId;
    // The same conversation again (a new question): its older shells are needed now to be kept.
    if (same) this.buildOlder(Infinity);
    else this.stopOlder();
    if (same) for (const view of this.turns) kept.set(view.id, view);
    else this.restoring.clear();
    this.conversationId = conversation.id;
    const last = conversation.turns.length - 1;
    const deferred = same ? 0 : Math.max(0, conversation.turns.length - SHELLS_AT_ONCE);
    const next = conversation.turns.slice(deferred).map((turn, i) => {
      const index = deferred + i;
      const view = kept.get(turn.id);
      if (view?.shows(turn)) {
        kept.delete(turn.id);
        // Only the turn that stops (or starts) being the last one changes (its Regenerate button).
        if (view.isLast || index === last) view.setReply(turn.reply, index === last, turn.contextNotes);
        return view;
      }
      return this.shell(turn, index === last);
    });
    const staying = new Set(next);
    for (const view of this.turns.filter((turn) => !staying.has(turn))) {
      this.nearViewport.unobserve(view.element);
      view.dispose();
    }
    this.turns = next;
    if (next.length === 0) {
      this.element.replaceChildren(emptyState(this.hasProvider));
    } else {
      const elements = next.map((view) => view.element);
      const current = Array.from(this.element.children);
      // Usually the kept turns are already in place and only new ones follow: append just those.
      if (current.every((element, i) => elements[i] === element)) this.element.append(...elements.slice(current.length));
      else this.element.replaceChildren(...elements);
    }
    // The last turn (it may be streaming) renders at once; the others when they come near the viewport.
    next.at(-1)?.activate();
    this.scroll.pin();
    if (deferred > 0) this.older = { turns: conversation.turns.slice(0, deferred), frame: requestAnimationFrame(this.olderFrame) };
  }

  private shell(turn: Turn, isLast: boolean): TurnView {
    const view = new TurnView(turn, { onRendered: () => this.scrollSoon(), restoreLater: (job) => this.restoring.add(job) });
    view.setReply(turn.reply, isLast, turn.contextNotes);
    this.byElement.set(view.element, view);
    this.nearViewport.observe(view.element);
    return view;
  }

  private readonly olderFrame = (): void => {
    if (!this.older) return;
    const deadline = performance.now() + SHELL_BUDGET_MS;
    do this.buildOlder(SHELL_SLICE);
    while (this.older && performance.now() < deadline);
    this.scroll.update();
    if (this.older) this.older.frame = requestAnimationFrame(this.olderFrame);
  };

  /** Builds the shells of up to `count` of the newest older turns still missing, before the first one shown. */
  private buildOlder(count: number): void {
    const older = this.older;
    if (!older) return;
    const from = Math.max(0, older.turns.length - count);
    const views = older.turns.slice(from).map((turn) => this.shell(turn, false));
    older.turns.length = from;
    this.element.prepend(...views.map((view) => view.element));
    this.turns = [...views, ...this.turns];
    if (from === 0) this.stopOlder();
  }

  private stopOlder(): void {
    if (this.older) cancelAnimationFrame(this.older.frame);
    this.older = undefined;
  }

  /** How many turns have no shell yet (older ones are built in later frames). */
  get pendingShells(): number {
    return this.older?.turns.length ?? 0;
  }

  /**
   * Keeps the scroll position once per task, after every render in it (reading
   * scrollHeight lays out the list: once, not once per update) and before the
   * frame is painted, so a followed reply never shows a frame of lag.
   */
  private scrollSoon(): void {
    if (this.scrollPending) return;
    this.scrollPending = true;
    queueMicrotask(() => {
      this.scrollPending = false;
      this.scroll.update();
    });
  }

  private activateNear(entries: IntersectionObserverEntry[]): void {
    // Bottom first: an opened conversation shows its end.
    for (const entry of [...entries].reverse()) {
      if (!entry.isIntersecting) continue;
      this.nearViewport.unobserve(entry.target);
      this.byElement.get(entry.target)?.activate();
    }
  }

  setReply(turnId: string, reply: Reply, contextNotes?: string[]): void {
    const index = this.turns.findIndex((turn) => turn.id === turnId);
    this.turns[index]?.setReply(reply, index === this.turns.length - 1, contextNotes);
    this.scroll.update();
  }

  append(turnId: string, delta: string): void {
    this.find(turnId)?.append(delta);
  }

  replace(turnId: string, text: string): void {
    this.find(turnId)?.replace(text);
  }

  lastPrompt(): string | undefined {
    return this.turns.at(-1)?.prompt;
  }

  private find(turnId: string): TurnView | undefined {
    return this.turns.find((turn) => turn.id === turnId);
  }

  private onClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target : undefined;
    if (!target) return;
    const link = target.closest<HTMLElement>('[data-href]');
    if (link?.dataset.href) {
      event.preventDefault();
      post({ type: 'openLink', href: link.dataset.href });
      return;
    }
    const button = target.closest<HTMLElement>('button');
    if (!button) return;
    const turnElement = button.closest<HTMLElement>('[data-turn-id]');
    const turn = turnElement ? this.find(turnElement.dataset.turnId ?? '') : undefined;
    const data = button.dataset;
    if (turn && isOneOf(CODE_ACTIONS, data.action) && data.codeIndex !== undefined) {
      const block = turn.codeBlock(Number(data.codeIndex));
      if (block) post({ type: 'codeAction', action: data.action, code: block.code, language: block.language });
    } else if (isOneOf(ERROR_ACTIONS, data.errorAction) && data.turnId) {
      post({ type: 'errorAction', turnId: data.turnId, action: data.errorAction });
    } else if (isOneOf(SETUP_ACTIONS, data.setupAction)) {
      post({ type: 'setupAction', action: data.setupAction });
    } else if (turn && isOneOf(TURN_ACTIONS, data.turnAction)) {
      turnActions[data.turnAction](turn);
    }
  }
}

const turnActions: Record<TurnAction, (turn: TurnView) => void> = {
  copyReply: (turn) => post({ type: 'copyText', text: turn.replyText() }),
  copyQuestion: (turn) => post({ type: 'copyText', text: turn.prompt }),
  regenerate: (turn) => post({ type: 'regenerate', turnId: turn.id }),
  edit: (turn) => turn.startEditing((text) => post({ type: 'editResend', turnId: turn.id, text })),
};
