/** The history list: search titles and text; open, rename, delete, export each conversation. */
import type { HistoryItem } from '../protocol/model';
import { h, iconButton } from './dom';
import { t } from './strings';
import { post } from './vscodeApi';

const ITEM_ACTIONS = ['historyRename', 'historyExport', 'historyDelete'] as const;
type ItemAction = (typeof ITEM_ACTIONS)[number];
const ICONS: Record<ItemAction, [string, Parameters<typeof t>[0]]> = {
  historyRename: ['edit', 'history.rename'],
  historyExport: ['export', 'history.export'],
  historyDelete: ['trash', 'history.delete'],
};

export class HistoryPanel {
  readonly element: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly list: HTMLElement;
  private searchTimer: number | undefined;

  constructor() {
    this.search = h('input', { type: 'search', class: 'history-search', placeholder: t('history.search'), 'aria-label': t('history.search') });
    this.search.addEventListener('input', () => {
      window.clearTimeout(this.searchTimer);
      this.searchTimer = window.setTimeout(() => post({ type: 'historySearch', query: this.search.value }), 200);
    });
    this.search.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') post({ type: 'historyToggle', visible: false });
    });
    const close = iconButton('close', t('history.close'), { 'data-history': 'close' });
    close.addEventListener('click', () => post({ type: 'historyToggle', visible: false }));
    this.list = h('ul', { class: 'history-list', 'aria-label': t('history') });
    this.list.addEventListener('click', (event) => this.onClick(event));
    this.element = h(
      'section',
      { class: 'history-panel', 'aria-label': t('history') },
      h('div', { class: 'history-top' }, this.search, close),
      this.list,
    );
    this.element.hidden = true;
  }

  show(visible: boolean, query: string, items: HistoryItem[]): void {
    const opening = visible && this.element.hidden;
    this.element.hidden = !visible;
    if (document.activeElement !== this.search) this.search.value = query;
    this.list.replaceChildren(...(items.length > 0 ? items.map((item) => this.row(item)) : [h('li', { class: 'history-empty' }, t('history.empty'))]));
    if (opening) this.search.focus();
  }

  private row(item: HistoryItem): HTMLElement {
    const open = h(
      'button',
      { type: 'button', class: 'history-open', 'data-history-action': 'historyOpen', title: t('history.open') },
      h('span', { class: 'history-title' }, item.title),
      h('span', { class: 'history-date' }, new Date(item.updatedAt).toLocaleString()),
      item.snippet ? h('span', { class: 'history-snippet' }, item.snippet) : undefined,
      item.savedByNewerVersion ? h('span', { class: 'history-newer' }, t('history.newer')) : undefined,
      item.notSaved ? h('span', { class: 'history-not-saved' }, t('history.notSaved')) : undefined,
    );
    // A file from a newer Parley is only listed (opening it explains); nothing here may rewrite or remove it.
    if (item.savedByNewerVersion) return h('li', { class: 'history-item newer-version', 'data-conversation-id': item.id }, open);
    const actions = ITEM_ACTIONS.map((action) => {
      const [icon, label] = ICONS[action];
      return iconButton(icon, t(label), { 'data-history-action': action });
    });
    return h('li', { class: 'history-item', 'data-conversation-id': item.id }, open, h('span', { class: 'history-actions' }, ...actions));
  }

  private onClick(event: MouseEvent): void {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-history-action]') : null;
    const id = button?.closest<HTMLElement>('[data-conversation-id]')?.dataset.conversationId;
    const action = button?.dataset.historyAction;
    if (!id || !action) return;
    // Ctrl-click (Cmd-click on macOS) opens it in a new editor tab.
    if (action === 'historyOpen') post({ type: 'historyOpen', id, ...(event.ctrlKey || event.metaKey ? { inNewTab: true } : {}) });
    else if ((ITEM_ACTIONS as readonly string[]).includes(action)) post({ type: action as ItemAction, id });
  }
}
