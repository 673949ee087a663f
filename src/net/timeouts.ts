/** Effective timeouts for one request, and the user-facing message when one fires. */
import { ProviderError } from './errors';
import { errorText, type ErrorText } from './errorTexts';
import { DEFAULT_TIMEOUTS, type NetworkSettings, type TimeoutSettings } from './settings';

export type TimeoutKind = keyof TimeoutSettings;

/**
 * The setting a user raises for each timeout. The host layer maps these
 * `parley.*` settings into `NetworkSettings.timeouts`; keep both in step.
 */
export const TIMEOUT_SETTING_KEYS: Readonly<Record<TimeoutKind, string>> = {
  connectMs: 'parley.network.connectTimeoutMs',
  firstByteMs: 'parley.network.firstByteTimeoutMs',
  idleMs: 'parley.network.idleTimeoutMs',
};

function validMs(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : fallback;
}

/** The timeouts to use: each given positive value, otherwise `DEFAULT_TIMEOUTS`. */
export function resolveTimeouts(network?: NetworkSettings): TimeoutSettings {
  const given = network?.timeouts ?? {};
  return {
    connectMs: validMs(given.connectMs, DEFAULT_TIMEOUTS.connectMs),
    firstByteMs: validMs(given.firstByteMs, DEFAULT_TIMEOUTS.firstByteMs),
    idleMs: validMs(given.idleMs, DEFAULT_TIMEOUTS.idleMs),
  };
}

/** `250 ms`, `10 s`, `1.5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} s`;
}

/** The `timeout` error for `kind`, naming the label, the host, the limit and the setting to raise. */
export function timeoutError(kind: TimeoutKind, label: string, host: string | ErrorText, ms: number, cause?: unknown): ProviderError {
  const params = { provider: label, host, limit: formatDuration(ms), setting: TIMEOUT_SETTING_KEYS[kind] };
  const id = ({ connectMs: 'timeout.connect', firstByteMs: 'timeout.firstByte', idleMs: 'timeout.idle' } as const)[kind];
  return new ProviderError('timeout', errorText(id, params), { cause });
}
