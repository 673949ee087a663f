/**
 * The list of turns. The host sends a whole conversation when one is opened;
 * after that, the turns that change (added, shown anew, removed from one on),
 * applied by turn id without touching the others. A whole conversation with
 * the id already shown keeps the views of the turns that did not change.
 * Replies are updated in place while they stream. A reply's text is rendered
 * only when its turn comes near the viewport (older ones as the user scrolls
 * up), long ones slice by slice within a time budget per frame
 * (RestoreQueue). Clicks are handled by delegation: code-block
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
    for (const view of this.turns.filter((turn) => !staying.has(turn))) this.forget(view);
    this.turns = next;
    if (next.length === 0) {
      this.element.replaceChildren(emptyState(this.hasProvider));
    } else {
      this.placeInOrder(next.map((view) => view.element));
    }
    // The last turn (it may be streaming) renders at once; the others when they come near the viewport.
    next.at(-1)?.activate();
    this.scroll.pin();
    if (deferred > 0) this.older = { turns: conversation.turns.slice(0, deferred), frame: requestAnimationFrame(this.olderFrame) };
  }

  /** A question asked in the conversation shown (`conversationId`): its turn goes at the end. False when another one is shown. */
  addTurn(conversationId: string, turn: Turn): boolean {
    if (conversationId !== this.conversationId || this.find(turn.id)) return false;
    if (this.turns.length === 0) this.element.replaceChildren();
    this.turns.at(-1)?.setLast(false);
    const view = this.shell(turn, true);
    this.turns.push(view);
    this.element.append(view.element);
    view.activate();
    this.scroll.pin();
    return true;
  }

  /** A turn of the conversation shown, changed (a regenerated question): its view is built anew, the others stay. */
  updateTurn(conversationId: string, turn: Turn): boolean {
    if (conversationId !== this.conversationId) return false;
    const index = this.turns.findIndex((view) => view.id === turn.id);
    const old = this.turns[index];
    if (!old) return this.replaceOlder(turn);
    const isLast = index === this.turns.length - 1;
    const view = this.shell(turn, isLast);
    this.turns[index] = view;
    old.element.replaceWith(view.element);
    this.forget(old);
    if (isLast) view.activate();
    this.scroll.update();
    return true;
  }

  /** The turn `fromTurnId` and every turn after it are gone (regenerate, edit & resend). */
  removeTurnsFrom(conversationId: string, fromTurnId: string): boolean {
    if (conversationId !== this.conversationId) return false;
    const index = this.turns.findIndex((view) => view.id === fromTurnId);
    if (index < 0) {
      // Among the older turns whose shells are still to be built: those go, and every built one.
      const older = this.older?.turns ?? [];
      const from = older.findIndex((turn) => turn.id === fromTurnId);
      if (from < 0) return false;
      older.length = from;
      this.removeViewsFrom(0);
      if (from === 0) this.stopOlder();
    } else {
      this.removeViewsFrom(index);
    }
    // The new last turn may be among the older ones still to be built: it is needed now (its Regenerate button).
    if (this.turns.length === 0) this.buildOlder(SHELL_SLICE);
    this.turns.at(-1)?.setLast(true);
    if (this.turns.length === 0) this.element.replaceChildren(emptyState(this.hasProvider));
    this.scroll.update();
    return true;
  }

  private removeViewsFrom(index: number): void {
    for (const view of this.turns.splice(index)) this.forget(view);
  }

  /** A changed turn among the older ones whose shells are still to be built: it is built from the new one. */
  private replaceOlder(turn: Turn): boolean {
    const older = this.older?.turns ?? [];
    const index = older.findIndex((candidate) => candidate.id === turn.id);
    if (index < 0) return false;
    older[index] = turn;
    return true;
  }

  private forget(view: TurnView): void {
    this.nearViewport.unobserve(view.element);
    view.dispose();
  }

  /** Makes `elements` the list's children, in order, moving only the ones not already in place (kept turns stay put). */
  private placeInOrder(elements: readonly HTMLElement[]): void {
    let cursor = this.element.firstElementChild;
    for (const element of elements) {
      if (element === cursor) cursor = cursor.nextElementSibling;
      else this.element.insertBefore(element, cursor);
    }
    while (cursor) {
      const next: Element | null = cursor.nextElementSibling;
      cursor.remove();
      cursor = next;
    }
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

  /** Whether the turn is in the list (its shell may be still to be built). */
  has(turnId: string): boolean {
    return this.find(turnId) !== undefined || (this.older?.turns.some((turn) => turn.id === turnId) ?? false);
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
