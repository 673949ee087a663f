/**
 * The line under the composer: what the next message (question +
 * attachments + system prompt) uses of the profile's budget, how many
 * earlier turns go with it, and — over the budget — what to remove.
 */
import type { BudgetMeter as Meter } from '../protocol/model';
import { h } from './dom';
import { t } from './strings';

const n = (value: number) => value.toLocaleString(document.documentElement.lang || undefined);

export function isOver(meter: Meter | undefined): boolean {
  return meter !== undefined && meter.used > meter.limit;
}

export function meterText(meter: Meter): { usage: string; detail: string } {
  const usage = meter.unit === 'characters' ? t('meter.characters', n(meter.used), n(meter.limit)) : t('meter.tokens', n(meter.used), n(meter.limit));
  if (isOver(meter)) {
    const over = n(meter.used - meter.limit);
    return {
      usage,
      detail: meter.largest ? t('meter.over', over, meter.largest.name, n(meter.largest.used)) : t('meter.overNoAttachment', over),
    };
  }
  const detail = meter.historyLeftOut > 0 ? t('meter.historyLeftOut', meter.historyTurns, meter.historyLeftOut) : t('meter.history', meter.historyTurns);
  return { usage, detail };
}

export class BudgetMeter {
  readonly element: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly usage: HTMLElement;
  private readonly detail: HTMLElement;

  constructor() {
    this.bar = h('span', { class: 'meter-fill' });
    this.usage = h('span', { class: 'meter-usage' });
    this.detail = h('span', { class: 'meter-detail' });
    this.element = h(
      'div',
      { class: 'meter', 'data-composer': 'meter', 'aria-live': 'polite' },
      h('span', { class: 'meter-bar', 'aria-hidden': 'true' }, this.bar),
      this.usage,
      this.detail,
    );
    this.element.hidden = true;
  }

  show(meter: Meter | undefined): void {
    this.element.hidden = meter === undefined;
    if (!meter) return;
    const text = meterText(meter);
    this.usage.textContent = text.usage;
    this.detail.textContent = text.detail;
    this.element.classList.toggle('over', isOver(meter));
    this.bar.style.width = `${Math.min(100, meter.limit > 0 ? (meter.used / meter.limit) * 100 : 100).toFixed(1)}%`;
  }
}
