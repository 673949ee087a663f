/** The parts of a reply around its text: status line, error card, footer with stats. */
import type { ErrorAction, Reply } from '../protocol/model';
import { h, textButton } from './dom';
import { t } from './strings';

const ACTION_LABEL: Record<ErrorAction, Parameters<typeof t>[0]> = {
  setApiKey: 'action.setApiKey',
  openSettings: 'action.openSettings',
  retry: 'action.retry',
  manageProviders: 'action.manageProviders',
  openBilling: 'action.openBilling',
};

const ACTION_ICON: Record<ErrorAction, string> = {
  setApiKey: 'key',
  openSettings: 'settings-gear',
  retry: 'refresh',
  manageProviders: 'server',
  openBilling: 'credit-card',
};

export function statusLine(reply: Reply): HTMLElement | undefined {
  if (reply.status === 'streaming') {
    return h('div', { class: 'reply-status streaming' }, h('span', { class: 'codicon codicon-loading codicon-modifier-spin', 'aria-hidden': 'true' }), ` ${t('status.streaming')}`);
  }
  if (reply.status === 'stopped') return h('div', { class: 'reply-status' }, t('status.stopped'));
  if (reply.status === 'interrupted') {
    return h('div', { class: 'reply-status warning' }, h('span', { class: 'codicon codicon-warning', 'aria-hidden': 'true' }), ` ${t('status.interrupted')}`);
  }
  return undefined;
}

export function errorCard(turnId: string, reply: Reply): HTMLElement | undefined {
  const error = reply.error;
  if (reply.status !== 'error' || !error) return undefined;
  const card = h(
    'div',
    { class: 'error-card', role: 'alert', 'data-error-code': error.code },
    h('span', { class: 'codicon codicon-error', 'aria-hidden': 'true' }),
    h('div', { class: 'error-message' }, error.message),
  );
  if (error.action) {
    card.append(
      textButton(t(ACTION_LABEL[error.action]), { 'data-error-action': error.action, 'data-turn-id': turnId }, ACTION_ICON[error.action]),
    );
  }
  return card;
}

export function footer(reply: Reply): HTMLElement | undefined {
  if (reply.status === 'streaming' || reply.providerLabel === '') return undefined;
  const parts: string[] = [reply.providerLabel];
  if (reply.model) parts.push(reply.model);
  // Counts only as the API reported them: none shown when it sent none.
  if (reply.totalTokens !== undefined) {
    parts.push(t('footer.tokensTotal', reply.promptTokens ?? '–', reply.outputTokens ?? '–', reply.totalTokens));
  } else if (reply.promptTokens !== undefined || reply.outputTokens !== undefined) {
    parts.push(t('footer.tokens', reply.promptTokens ?? '–', reply.outputTokens ?? '–'));
  }
  if (reply.ttftMs !== undefined) parts.push(t('footer.ttft', reply.ttftMs));
  return h('div', { class: 'reply-footer' }, parts.join(' · '));
}
