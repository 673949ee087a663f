/**
 * The list of turns. Rebuilt when a conversation arrives; replies are updated
 * in place while they stream. Clicks are handled by delegation: code-block
 * actions (data-action + data-code-index), links (data-href), turn actions,
 * error-card actions and the empty state's setup buttons.
 */
import type { Conversation, Reply } from '../protocol/model';
import { CODE_ACTIONS, SETUP_ACTIONS } from '../protocol/messages';
import { ERROR_ACTIONS } from '../protocol/model';
import { AutoScroll } from './autoScroll';
import { emptyState } from './emptyState';
import { h } from './dom';
import { TurnView } from './turnView';
import { post } from './vscodeApi';

const TURN_ACTIONS = ['copyReply', 'copyQuestion', 'regenerate', 'edit'] as const;
type TurnAction = (typeof TURN_ACTIONS)[number];

const isOneOf = <T extends string>(values: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (values as readonly string[]).includes(value);

export class MessageList {
  readonly element: HTMLElement;
  private readonly scroll: AutoScroll;
  private turns: TurnView[] = [];
  private hasProvider = false;

  constructor() {
    this.element = h('main', { class: 'messages', role: 'log', 'aria-live': 'polite', tabindex: '0' });
    this.scroll = new AutoScroll(this.element);
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
    this.turns.forEach((turn) => turn.dispose());
    this.turns = conversation.turns.map(
      (turn, index) => {
        const view = new TurnView(turn, { onRendered: () => this.scroll.update() });
        view.setReply(turn.reply, index === conversation.turns.length - 1, turn.contextNotes);
        return view;
      },
    );
    if (this.turns.length === 0) this.element.replaceChildren(emptyState(this.hasProvider));
    else this.element.replaceChildren(...this.turns.map((turn) => turn.element));
    this.scroll.pin();
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
