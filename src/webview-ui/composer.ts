/**
 * The input: Enter sends, Shift+Enter makes a new line, Up in an empty input
 * recalls the last prompt, Escape stops a streaming reply. While a reply
 * streams, the Send button becomes Stop. The draft survives the view being
 * hidden (page state).
 */
import { h, iconButton } from './dom';
import { t } from './strings';
import { pageState, post, savePageState } from './vscodeApi';

export class Composer {
  readonly element: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly send: HTMLButtonElement;
  private readonly stop: HTMLButtonElement;
  private streaming = false;
  private lastSent: string | undefined;

  constructor(private readonly lastPromptInConversation: () => string | undefined) {
    this.input = h('textarea', { class: 'composer-input', rows: '1', 'aria-label': t('input.label'), placeholder: t('input.placeholder') });
    this.input.value = pageState().draft ?? '';
    this.send = iconButton('send', t('send'), { class: 'icon-button send', 'data-composer': 'send' });
    this.stop = iconButton('debug-stop', t('stop'), { class: 'icon-button stop', 'data-composer': 'stop' });
    this.stop.hidden = true;
    this.element = h('footer', { class: 'composer' }, this.input, this.send, this.stop);

    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('input', () => {
      this.fit();
      savePageState({ ...pageState(), draft: this.input.value });
    });
    this.send.addEventListener('click', () => this.submit());
    this.stop.addEventListener('click', () => post({ type: 'stop' }));
    this.fit();
  }

  setStreaming(streaming: boolean): void {
    if (this.streaming === streaming) return;
    const hadFocus = document.activeElement === this.stop || document.activeElement === this.send;
    this.streaming = streaming;
    this.send.hidden = streaming;
    this.stop.hidden = !streaming;
    if (hadFocus) (streaming ? this.stop : this.send).focus();
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
    } else if (event.key === 'ArrowUp' && this.input.value === '') {
      const recalled = this.lastSent ?? this.lastPromptInConversation();
      if (recalled === undefined) return;
      event.preventDefault();
      this.input.value = recalled;
      this.input.setSelectionRange(recalled.length, recalled.length);
      this.fit();
    } else if (event.key === 'Escape' && this.streaming) {
      event.preventDefault();
      post({ type: 'stop' });
    }
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (text === '' || this.streaming) return;
    post({ type: 'send', text });
    this.lastSent = text;
    this.input.value = '';
    savePageState({ ...pageState(), draft: '' });
    this.fit();
  }

  /** Grows the input with its content up to a limit (the CSS sets max-height). */
  private fit(): void {
    this.input.style.height = 'auto';
    // Not laid out yet (scrollHeight 0): keep the CSS height.
    if (this.input.scrollHeight > 0) this.input.style.height = `${this.input.scrollHeight + 2}px`;
  }
}
