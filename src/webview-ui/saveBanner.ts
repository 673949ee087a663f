/**
 * The banner on a conversation whose saves fail: the host's text ("Not saved:
 * disk full — retrying") with Retry and Export. It remembers the state of each
 * conversation and shows the one on screen; it goes away when a save succeeds.
 */
import { h, textButton } from './dom';
import { t } from './strings';
import { post } from './vscodeApi';

export class SaveBanner {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private readonly problems = new Map<string, string>();
  private conversationId: string | undefined;

  constructor() {
    this.text = h('span', { class: 'save-banner-text' });
    const retry = textButton(t('action.retry'), { 'data-save-action': 'retry' }, 'refresh');
    const exportCopy = textButton(t('history.export'), { 'data-save-action': 'export' }, 'export');
    this.element = h('div', { class: 'save-banner', role: 'alert' }, h('span', { class: 'codicon codicon-warning', 'aria-hidden': 'true' }), this.text, retry, exportCopy);
    this.element.hidden = true;
    this.element.addEventListener('click', (event) => {
      const action = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-save-action]')?.dataset.saveAction : undefined;
      if (!this.conversationId || (action !== 'retry' && action !== 'export')) return;
      post({ type: 'saveAction', conversationId: this.conversationId, action });
    });
  }

  /** The conversation now shown. */
  showFor(conversationId: string): void {
    this.conversationId = conversationId;
    this.render();
  }

  update(conversationId: string, problem: string | undefined): void {
    if (problem === undefined) this.problems.delete(conversationId);
    else this.problems.set(conversationId, problem);
    if (conversationId === this.conversationId) this.render();
  }

  private render(): void {
    const problem = this.conversationId === undefined ? undefined : this.problems.get(this.conversationId);
    if (problem !== undefined && this.text.textContent !== problem) this.text.textContent = problem;
    this.element.hidden = problem === undefined;
  }
}
