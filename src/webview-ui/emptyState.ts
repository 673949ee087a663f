/** What a new user sees: how to pick a provider and set a key, with buttons that do it. */
import { h, textButton } from './dom';
import { t } from './strings';

export function emptyState(hasProvider: boolean): HTMLElement {
  const steps = h('ol', { class: 'empty-steps' }, h('li', {}, t('empty.step1')), h('li', {}, t('empty.step2')), h('li', {}, t('empty.step3')));
  return h(
    'section',
    { class: 'empty-state', 'aria-labelledby': 'empty-title' },
    h('span', { class: 'codicon codicon-comment-discussion empty-icon', 'aria-hidden': 'true' }),
    h('h2', { id: 'empty-title' }, t('empty.title')),
    h('p', {}, t('empty.body')),
    steps,
    h(
      'div',
      { class: 'empty-buttons' },
      textButton(t('empty.manageProviders'), { 'data-setup-action': 'manageProviders', class: hasProvider ? 'text-button' : 'text-button primary' }, 'server'),
      textButton(t('empty.setApiKey'), { 'data-setup-action': 'setApiKey' }, 'key'),
    ),
  );
}
