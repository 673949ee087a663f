import assert from 'node:assert/strict';
import { readNetworkSettings } from '../../../src/host/networkSettings';
import { DEFAULT_RETRY, DEFAULT_TIMEOUTS } from '../../../src/net/settings';

const getter = (values: Record<string, unknown>) => (section: string, key: string) => values[`${section}.${key}`];

describe('network settings from VS Code settings', () => {
  it('maps http.proxy, http.noProxy, http.proxyStrictSSL and Parley timeouts to plain data', () => {
    const settings = readNetworkSettings(
      getter({
        'http.proxy': ' http://proxy.corp:3128 ',
        'http.noProxy': ['localhost', 42, '.corp'],
        'http.proxyStrictSSL': false,
        'parley.timeouts.connectMs': 5000,
        'parley.timeouts.firstByteMs': 30000,
        'parley.timeouts.idleMs': 20000,
        'parley.retries': 1,
      }),
    );
    assert.deepEqual(settings, {
      proxy: { url: 'http://proxy.corp:3128', noProxy: ['localhost', '.corp'], strictSSL: false },
      timeouts: { connectMs: 5000, firstByteMs: 30000, idleMs: 20000 },
      retry: { max: 1 },
    });
  });

  it('uses the defaults when nothing is set, and clamps retries to 0–2', () => {
    assert.deepEqual(readNetworkSettings(getter({})), {
      proxy: { strictSSL: true },
      timeouts: DEFAULT_TIMEOUTS,
      retry: DEFAULT_RETRY,
    });
    assert.equal(readNetworkSettings(getter({ 'parley.retries': 9 })).retry?.max, 2);
    assert.equal(readNetworkSettings(getter({ 'parley.timeouts.idleMs': -1 })).timeouts?.idleMs, DEFAULT_TIMEOUTS.idleMs);
  });
});
