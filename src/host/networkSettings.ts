/**
 * VS Code's proxy settings (`http.proxy`, `http.noProxy`, `http.proxyStrictSSL`)
 * and Parley's timeout/retry settings as the plain NetworkSettings the net
 * layer takes. Pure: reads through a getter so it is testable without vscode.
 */
import { DEFAULT_RETRY, DEFAULT_TIMEOUTS, type NetworkSettings } from '../net/settings';

/** Reads one setting, e.g. `get('http', 'proxy')`; undefined when unset. */
export type SettingGetter = (section: string, key: string) => unknown;

function positiveMs(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : fallback;
}

export function readNetworkSettings(get: SettingGetter): NetworkSettings {
  const proxyUrl = get('http', 'proxy');
  const noProxy = get('http', 'noProxy');
  const strictSSL = get('http', 'proxyStrictSSL');
  const retries = get('parley', 'retries');
  return {
    proxy: {
      ...(typeof proxyUrl === 'string' && proxyUrl.trim() ? { url: proxyUrl.trim() } : {}),
      ...(Array.isArray(noProxy) ? { noProxy: noProxy.filter((h): h is string => typeof h === 'string') } : {}),
      strictSSL: strictSSL !== false,
    },
    timeouts: {
      connectMs: positiveMs(get('parley', 'timeouts.connectMs'), DEFAULT_TIMEOUTS.connectMs),
      firstByteMs: positiveMs(get('parley', 'timeouts.firstByteMs'), DEFAULT_TIMEOUTS.firstByteMs),
      idleMs: positiveMs(get('parley', 'timeouts.idleMs'), DEFAULT_TIMEOUTS.idleMs),
    },
    retry: {
      max: typeof retries === 'number' && Number.isInteger(retries) ? Math.min(2, Math.max(0, retries)) : DEFAULT_RETRY.max,
    },
  };
}
