/** The top bar: provider picker, model picker (when the provider offers a choice), New Chat and History. */
import type { ProviderInfo } from '../protocol/model';
import { h, iconButton } from './dom';
import { t } from './strings';
import { post } from './vscodeApi';

export class Toolbar {
  readonly element: HTMLElement;
  private readonly picker: HTMLSelectElement;
  private readonly modelPicker: HTMLSelectElement;
  private readonly historyButton: HTMLButtonElement;
  private historyVisible = false;
  private activeId: string | undefined;

  constructor() {
    this.picker = h('select', { class: 'provider-picker', 'aria-label': t('provider.label'), title: t('provider.label') });
    this.picker.addEventListener('change', () => {
      if (this.picker.value) post({ type: 'selectProvider', providerId: this.picker.value });
    });
    this.modelPicker = h('select', { class: 'model-picker', 'aria-label': t('model.label'), title: t('model.label') });
    this.modelPicker.hidden = true;
    this.modelPicker.addEventListener('change', () => {
      if (this.activeId && this.modelPicker.value) post({ type: 'selectModel', providerId: this.activeId, model: this.modelPicker.value });
    });
    const newChat = iconButton('add', t('newChat'), { 'data-toolbar': 'newChat' });
    newChat.addEventListener('click', () => post({ type: 'newChat' }));
    this.historyButton = iconButton('history', t('history'), { 'data-toolbar': 'history', 'aria-pressed': 'false' });
    this.historyButton.addEventListener('click', () => post({ type: 'historyToggle', visible: !this.historyVisible }));
    this.element = h(
      'header',
      { class: 'toolbar' },
      h('span', { class: 'codicon codicon-server', 'aria-hidden': 'true' }),
      this.picker,
      this.modelPicker,
      newChat,
      this.historyButton,
    );
  }

  setProviders(providers: ProviderInfo[], activeId: string | undefined): void {
    const options = providers.map((p) => {
      const name = p.model ? `${p.label} · ${p.model}` : p.label;
      // A profile a workspace supplied (not the user) says so: its address is not the user's choice.
      const option = h('option', { value: p.id }, p.fromWorkspace ? `⚠ ${name} (${t('provider.fromWorkspace')})` : name);
      option.selected = p.id === activeId;
      return option;
    });
    if (providers.length === 0) options.push(h('option', { value: '', selected: true }, t('provider.none')));
    this.picker.replaceChildren(...options);
    this.picker.disabled = providers.length === 0;

    const active = providers.find((p) => p.id === activeId);
    this.activeId = active?.id;
    const models = active?.models ?? [];
    this.modelPicker.replaceChildren(
      ...models.map((model) => {
        const option = h('option', { value: model }, model);
        option.selected = model === active?.model;
        return option;
      }),
    );
    // One model is no choice: the provider picker already names it.
    this.modelPicker.hidden = models.length < 2;
  }

  setHistoryVisible(visible: boolean): void {
    this.historyVisible = visible;
    this.historyButton.setAttribute('aria-pressed', String(visible));
    this.historyButton.classList.toggle('active', visible);
  }
}
