/** The top bar: provider/model picker, New Chat and History. */
import type { ProviderInfo } from '../protocol/model';
import { h, iconButton } from './dom';
import { t } from './strings';
import { post } from './vscodeApi';

export class Toolbar {
  readonly element: HTMLElement;
  private readonly picker: HTMLSelectElement;
  private readonly historyButton: HTMLButtonElement;
  private historyVisible = false;

  constructor() {
    this.picker = h('select', { class: 'provider-picker', 'aria-label': t('provider.label'), title: t('provider.label') });
    this.picker.addEventListener('change', () => {
      if (this.picker.value) post({ type: 'selectProvider', providerId: this.picker.value });
    });
    const newChat = iconButton('add', t('newChat'), { 'data-toolbar': 'newChat' });
    newChat.addEventListener('click', () => post({ type: 'newChat' }));
    this.historyButton = iconButton('history', t('history'), { 'data-toolbar': 'history', 'aria-pressed': 'false' });
    this.historyButton.addEventListener('click', () => post({ type: 'historyToggle', visible: !this.historyVisible }));
    this.element = h('header', { class: 'toolbar' }, h('span', { class: 'codicon codicon-server', 'aria-hidden': 'true' }), this.picker, newChat, this.historyButton);
  }

  setProviders(providers: ProviderInfo[], activeId: string | undefined): void {
    const options = providers.map((p) => {
      const option = h('option', { value: p.id }, p.model ? `${p.label} · ${p.model}` : p.label);
      option.selected = p.id === activeId;
      return option;
    });
    if (providers.length === 0) options.push(h('option', { value: '', selected: true }, t('provider.none')));
    this.picker.replaceChildren(...options);
    this.picker.disabled = providers.length === 0;
  }

  setHistoryVisible(visible: boolean): void {
    this.historyVisible = visible;
    this.historyButton.setAttribute('aria-pressed', String(visible));
    this.historyButton.classList.toggle('active', visible);
  }
}
