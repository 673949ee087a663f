/**
 * The input: Enter sends, Shift+Enter makes a new line, Up in an empty input
 * recalls the last prompt, Escape stops a streaming reply. While a reply
 * streams, the Send button becomes Stop. The draft survives the view being
 * hidden (page state). Above the input, the attachment chips; beside it the
 * paperclip (also `#` at the start of a word) that picks workspace files;
 * below it the budget meter — over the budget, Send is disabled.
 */
import type { ComposerState } from '../protocol/model';
import { AttachmentChips } from './attachmentChips';
import { BudgetMeter, isOver } from './budgetMeter';
import { h, iconButton } from './dom';
import { t } from './strings';
import { pageState, post, savePageState } from './vscodeApi';

/** Least time between two `draft` messages while typing (the meter follows within this). */
const DRAFT_INTERVAL_MS = 80;

export class Composer {
  readonly element: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly send: HTMLButtonElement;
  private readonly stop: HTMLButtonElement;
  private readonly chips = new AttachmentChips();
  private readonly meter = new BudgetMeter();
  private streaming = false;
  private over = false;
  private lastSent: string | undefined;
  private state: ComposerState = { attachments: [] };
  private revision = 0;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where a `#` that opened the file picker was typed (put back if the pick is cancelled). */
  private hashAt: number | undefined;

  constructor(private readonly lastPromptInConversation: () => string | undefined) {
    this.input = h('textarea', { class: 'composer-input', rows: '1', 'aria-label': t('input.label'), placeholder: t('input.placeholder') });
    this.input.value = pageState().draft ?? '';
    const attach = iconButton('attach', t('attach.button'), { class: 'icon-button attach', 'data-composer': 'attach' });
    this.send = iconButton('send', t('send'), { class: 'icon-button send', 'data-composer': 'send' });
    this.stop = iconButton('debug-stop', t('stop'), { class: 'icon-button stop', 'data-composer': 'stop' });
    this.stop.hidden = true;
    this.element = h(
      'footer',
      { class: 'composer' },
      this.chips.element,
      h('div', { class: 'composer-row' }, this.input, attach, this.send, this.stop),
      this.meter.element,
    );

    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('input', () => {
      this.fit();
      savePageState({ ...pageState(), draft: this.input.value });
      this.scheduleDraft();
    });
    attach.addEventListener('click', () => post({ type: 'attachPick', viaHash: false }));
    this.send.addEventListener('click', () => this.submit());
    this.stop.addEventListener('click', () => post({ type: 'stop' }));
    this.fit();
    this.postDraft();
  }

  setStreaming(streaming: boolean): void {
    if (this.streaming === streaming) return;
    const hadFocus = document.activeElement === this.stop || document.activeElement === this.send;
    this.streaming = streaming;
    this.send.hidden = streaming;
    this.stop.hidden = !streaming;
    if (hadFocus) (streaming ? this.stop : this.send).focus();
  }

  /** Chips, suggestion and meter from the host. */
  setState(state: ComposerState): void {
    this.state = state;
    this.chips.show(state);
    this.meter.show(state.meter);
    this.over = isOver(state.meter);
    this.send.disabled = this.over;
    this.send.title = this.over ? t('meter.sendDisabled') : t('send');
  }

  /** The `#` picker closed without a pick: the `#` was a `#` after all. */
  pickCancelled(): void {
    const at = this.hashAt;
    this.hashAt = undefined;
    if (at === undefined) return;
    const value = this.input.value;
    const index = Math.min(at, value.length);
    this.input.value = `${value.slice(0, index)}#${value.slice(index)}`;
    this.input.setSelectionRange(index + 1, index + 1);
    savePageState({ ...pageState(), draft: this.input.value });
    this.scheduleDraft();
  }

  focus(): void {
    this.fit();
    this.input.focus();
  }

  private onKey(event: KeyboardEvent): void {
    if (event.isComposing) return;
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      this.submit();
    } else if (event.key === '#' && !event.ctrlKey && !event.metaKey && !event.altKey && this.atWordStart()) {
      // `#` at the start of a word opens the file picker instead of typing it.
      event.preventDefault();
      this.hashAt = this.input.selectionStart;
      post({ type: 'attachPick', viaHash: true });
    } else if (event.key === 'ArrowUp' && this.input.value === '') {
      const recalled = this.lastSent ?? this.lastPromptInConversation();
      if (recalled === undefined) return;
      event.preventDefault();
      this.input.value = recalled;
      this.input.setSelectionRange(recalled.length, recalled.length);
      this.fit();
      this.scheduleDraft();
    } else if (event.key === 'Escape' && this.streaming) {
      event.preventDefault();
      post({ type: 'stop' });
    }
  }

  private atWordStart(): boolean {
    const { selectionStart, selectionEnd, value } = this.input;
    if (selectionStart !== selectionEnd) return false;
    return selectionStart === 0 || /\s/.test(value.charAt(selectionStart - 1));
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (text === '' || this.streaming || this.over) return;
    post({ type: 'send', text, attachmentIds: this.state.attachments.map((a) => a.id) });
    this.lastSent = text;
    this.input.value = '';
    savePageState({ ...pageState(), draft: '' });
    this.fit();
    this.postDraft();
  }

  private scheduleDraft(): void {
    if (this.draftTimer !== undefined) return;
    this.draftTimer = setTimeout(() => {
      this.draftTimer = undefined;
      this.postDraft();
    }, DRAFT_INTERVAL_MS);
  }

  private postDraft(): void {
    this.revision++;
    post({ type: 'draft', text: this.input.value, revision: this.revision });
  }

  /** Grows the input with its content up to a limit (the CSS sets max-height). */
  private fit(): void {
    this.input.style.height = 'auto';
    // Not laid out yet (scrollHeight 0): keep the CSS height.
    if (this.input.scrollHeight > 0) this.input.style.height = `${this.input.scrollHeight + 2}px`;
  }
}
