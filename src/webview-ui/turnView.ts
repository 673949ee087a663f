/**
 * One question and its reply. The reply text lives in a StreamingMessageView
 * (deltas go straight to it); status, error card and footer are rebuilt when
 * the host sends the reply's new state. Buttons carry data-* attributes and
 * are handled by delegation in messageList.ts.
 */
import type { Reply, Turn } from '../protocol/model';
import type { StreamingMessageView } from './markdown/types';
import { attachmentBlock } from './attachmentBlock';
import { h, iconButton } from './dom';
import { createStreamingMessageView } from './messageViewFactory';
import { ManualScheduler } from './markdown';
import { ReplyRestore, SLICE_CHARS } from './replyRestore';
import { errorCard, footer, statusLine } from './replyParts';
import { t } from './strings';

export interface TurnViewOptions {
  onRendered: () => void;
  /** Runs a long reply's restore job (slice by slice, within a time budget per frame). */
  restoreLater: (job: ReplyRestore) => void;
}

function codeLabels() {
  return {
    copy: t('code.copy'),
    insert: t('code.insert'),
    replace: t('code.replace'),
    diff: t('code.diff'),
    newFile: t('code.newFile'),
  };
}

export class TurnView {
  readonly element: HTMLElement;
  private readonly question: HTMLElement;
  private readonly answer: HTMLElement;
  private readonly body: HTMLElement;
  private readonly parts: HTMLElement;
  private readonly answerActions: HTMLElement;
  private readonly notes: HTMLElement;
  private message: StreamingMessageView | undefined;
  /** Set while a saved reply is being shown slice by slice (see activate()). */
  private restore: ReplyRestore | undefined;
  /** The reply's text is rendered only once the turn comes near the viewport (activate()). */
  private active = false;
  /** Whether it was shown as the last turn (Regenerate shows only there). */
  private last = false;
  private turn: Turn;

  constructor(turn: Turn, private readonly options: TurnViewOptions) {
    this.turn = turn;
    this.notes = h('ul', { class: 'notes' });
    this.question = h('div', { class: 'question' });
    this.body = h('div', { class: 'reply-body' });
    this.parts = h('div', { class: 'reply-parts' });
    this.answerActions = h('div', { class: 'turn-actions' });
    this.answer = h(
      'div',
      { class: 'answer' },
      h('div', { class: 'turn-header' }, h('span', { class: 'codicon codicon-sparkle', 'aria-hidden': 'true' }), h('span', { class: 'who' }, t('assistant')), this.answerActions),
      this.body,
      this.parts,
    );
    this.element = h('article', { class: 'turn', 'data-turn-id': turn.id }, this.question, this.notes, this.answer);
    this.renderQuestion();
    this.renderNotes();
    this.setReply(turn.reply, false);
  }

  get id(): string {
    return this.turn.id;
  }

  get prompt(): string {
    return this.turn.prompt;
  }

  replyText(): string {
    if (this.restore && !this.restore.done) return this.restore.text;
    return this.message?.text() ?? this.turn.reply?.text ?? '';
  }

  /** True when this view already shows `turn` as it is (so a new conversation message can keep it). */
  shows(turn: Turn): boolean {
    const mine = this.turn;
    return (
      mine.prompt === turn.prompt &&
      mine.displayText === turn.displayText &&
      mine.notes.join('\n') === turn.notes.join('\n') &&
      mine.reply?.status === turn.reply?.status &&
      (turn.reply === undefined) === (mine.reply === undefined) &&
      (turn.reply === undefined || this.replyText() === turn.reply.text)
    );
  }

  /** Whether it was last shown as the conversation's last turn. */
  get isLast(): boolean {
    return this.last;
  }

  /**
   * Renders the reply's text: a short one at once; a long one through a
   * restore job that shows it slice by slice (options.restoreLater).
   */
  activate(): void {
    if (this.active) return;
    this.active = true;
    const reply = this.turn.reply;
    if (!reply) return;
    const scheduler = new ManualScheduler();
    this.message = createStreamingMessageView(
      this.body,
      { labels: codeLabels(), limitLabels: { notice: t('render.plainRest'), showAll: t('render.showAll') }, onRendered: this.options.onRendered },
      scheduler,
    );
    const restore = new ReplyRestore(this.message, scheduler, reply.text, () => this.turn.reply?.status !== 'streaming');
    if (reply.text.length <= SLICE_CHARS) {
      restore.step();
      return;
    }
    this.restore = restore;
    this.options.restoreLater(restore);
  }

  codeBlock(index: number) {
    return this.message?.codeBlock(index);
  }

  /** The reply's state changed (started, ended, failed); `isLast` decides whether Regenerate shows. */
  setReply(reply: Reply | undefined, isLast: boolean, contextNotes?: string[]): void {
    this.last = isLast;
    this.turn = { ...this.turn, ...(reply ? { reply } : {}) };
    if (contextNotes) this.turn.contextNotes = contextNotes;
    this.renderNotes();
    this.answer.hidden = reply === undefined;
    if (!reply) return;
    this.answer.setAttribute('aria-busy', String(reply.status === 'streaming'));
    if (this.restore && !this.restore.done) {
      // Still being shown slice by slice: it picks up the new text (and finishes when the reply is over).
      if (this.restore.text !== reply.text) this.restore.replace(reply.text);
    } else if (this.message) {
      if (reply.status === 'streaming' && reply.text === '' && this.message.text() !== '') this.message.replace('');
      if (reply.status !== 'streaming') {
        if (this.message.text() !== reply.text) this.message.replace(reply.text);
        this.message.finish();
      }
    } else if (this.active) {
      this.active = false;
      this.activate();
    }
    this.parts.replaceChildren(
      ...[statusLine(reply), errorCard(this.turn.id, reply), footer(reply)].filter((e): e is HTMLElement => e !== undefined),
    );
    this.renderAnswerActions();
  }

  /** Only the Regenerate button changes when a turn stops (or starts) being the last one. */
  setLast(isLast: boolean): void {
    if (isLast === this.last) return;
    this.last = isLast;
    this.renderAnswerActions();
  }

  append(delta: string): void {
    if (this.restore && !this.restore.done) this.restore.append(delta);
    else if (this.message) this.message.append(delta);
    else if (this.turn.reply) this.turn.reply = { ...this.turn.reply, text: this.turn.reply.text + delta };
  }

  replace(text: string): void {
    if (this.restore && !this.restore.done) this.restore.replace(text);
    else if (this.message) this.message.replace(text);
    else if (this.turn.reply) this.turn.reply = { ...this.turn.reply, text };
  }

  /** Shows an editor in place of the question; `onSubmit` gets the edited text. */
  startEditing(onSubmit: (text: string) => void): void {
    const area = h('textarea', { class: 'edit-input', 'aria-label': t('edit'), rows: '3' });
    area.value = this.turn.prompt;
    const cancel = () => this.renderQuestion();
    const submit = () => {
      const text = area.value.trim();
      if (text) onSubmit(text);
    };
    area.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        cancel();
      }
    });
    const save = h('button', { type: 'button', class: 'text-button primary', 'data-edit': 'save' }, t('editSave'));
    save.addEventListener('click', submit);
    const back = h('button', { type: 'button', class: 'text-button', 'data-edit': 'cancel' }, t('editCancel'));
    back.addEventListener('click', cancel);
    this.question.replaceChildren(area, h('div', { class: 'edit-buttons' }, save, back));
    area.focus();
  }

  dispose(): void {
    this.message?.dispose();
    this.element.remove();
  }

  private renderQuestion(): void {
    const actions = h(
      'div',
      { class: 'turn-actions' },
      iconButton('edit', t('edit'), { 'data-turn-action': 'edit' }),
      iconButton('copy', t('copy'), { 'data-turn-action': 'copyQuestion' }),
    );
    this.question.replaceChildren(
      h('div', { class: 'turn-header' }, h('span', { class: 'codicon codicon-account', 'aria-hidden': 'true' }), h('span', { class: 'who' }, t('you')), actions),
      h('div', { class: 'question-text' }, this.turn.displayText ?? this.turn.prompt),
      ...[attachmentBlock(this.turn.attachments)].filter((e): e is HTMLElement => e !== undefined),
    );
  }

  private renderAnswerActions(): void {
    const reply = this.turn.reply;
    this.answerActions.replaceChildren();
    if (!reply || reply.status === 'streaming') return;
    if (reply.text) this.answerActions.append(iconButton('copy', t('copy'), { 'data-turn-action': 'copyReply' }));
    if (this.last) this.answerActions.append(iconButton('refresh', t('regenerate'), { 'data-turn-action': 'regenerate' }));
  }

  private renderNotes(): void {
    const notes = [...this.turn.notes, ...(this.turn.contextNotes ?? [])];
    this.notes.replaceChildren(...notes.map((note) => h('li', { class: 'note' }, h('span', { class: 'codicon codicon-info', 'aria-hidden': 'true' }), ` ${note}`)));
    this.notes.hidden = notes.length === 0;
  }
}
