/**
 * The retry policy: which statuses are retried, how long to wait, and how many
 * times. Retries happen only before the caller reads the body, so a reply is
 * never sent twice into the conversation.
 */
import { ProviderError } from './errors';
import { errorText } from './errorTexts';
import { DEFAULT_RETRY, type NetworkSettings } from './settings';

/** Statuses worth another try: rate limited, bad gateway, unavailable, gateway timeout. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);
/** Upper bound of `retry.max`, whatever the settings say. */
export const MAX_RETRIES = 2;
/** Longest wait between two attempts, also when `Retry-After` asks for more. */
export const RETRY_AFTER_CAP_MS = 60_000;
/** First backoff step; doubles per retry, ±25 % jitter. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_JITTER = 0.25;

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** `retry.max` clamped to 0..MAX_RETRIES (whole numbers; default `DEFAULT_RETRY.max`). */
export function resolveMaxRetries(network?: NetworkSettings): number {
  const max = network?.retry?.max;
  if (typeof max !== 'number' || Number.isNaN(max)) return DEFAULT_RETRY.max;
  return Math.min(MAX_RETRIES, Math.max(0, Math.floor(max)));
}

type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

function headerValue(headers: HeaderBag, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/**
 * Seconds the server asked us to wait in `Retry-After` (delta-seconds or an
 * HTTP-date, measured from `now`), or undefined when absent or unreadable.
 * Not capped: the provider shows it to the user ("try again in 2 min").
 */
export function retryAfterSeconds(headers: HeaderBag, now: number = Date.now()): number | undefined {
  const raw = headerValue(headers, 'retry-after')?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw);
  // HTTP-date: IMF-fixdate and the obsolete forms all contain a weekday name or a GMT zone.
  if (!/[a-z]/i.test(raw)) return undefined;
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Jittered exponential backoff for retry number `retryIndex` (0-based): 500 ms·2^n ± 25 %. */
export function backoffMs(retryIndex: number, random: () => number = Math.random): number {
  const base = BACKOFF_BASE_MS * 2 ** retryIndex;
  const factor = 1 - BACKOFF_JITTER + 2 * BACKOFF_JITTER * random();
  return Math.round(base * factor);
}

export interface RetryDelay {
  ms: number;
  /** Where the wait came from, for the log line. */
  source: 'retry-after' | 'backoff';
}

/** How long to wait before retry number `retryIndex`: `Retry-After` if given (capped at 60 s), else backoff. */
export function retryDelay(
  retryIndex: number,
  headers: HeaderBag,
  now: number = Date.now(),
  random: () => number = Math.random,
): RetryDelay {
  const seconds = retryAfterSeconds(headers, now);
  if (seconds !== undefined) return { ms: Math.min(seconds * 1000, RETRY_AFTER_CAP_MS), source: 'retry-after' };
  return { ms: Math.min(backoffMs(retryIndex, random), RETRY_AFTER_CAP_MS), source: 'backoff' };
}

/** Waits `ms`, or rejects with a `cancelled` error as soon as `signal` aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = (): ProviderError => new ProviderError('cancelled', errorText('network.requestCancelled', {}));
    if (signal.aborted) {
      reject(cancelled());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
