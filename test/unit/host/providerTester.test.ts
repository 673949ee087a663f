import assert from 'node:assert/strict';
import { createProvider } from '../../../src/providers';
import type { ProviderProfile } from '../../../src/providers/types';
import { TEST_PROMPT, testProfile } from '../../../src/host/providerTester';
import { startSimulator, type Simulator } from '../../simulator/server';

describe('Manage Providers → Test (one-line prompt through the real provider layer)', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ delayMs: 0 });
  });
  after(() => sim.close());

  const deps = (key: string | undefined) => ({ getSecret: async () => key, network: { retry: { max: 0 } } });

  it('returns the reply, the time to first token and the total time', async () => {
    const profile: ProviderProfile = { id: 'emma', kind: 'emma', baseUrl: sim.url };
    const result = await testProfile(createProvider, profile, deps('sim-emma-key'), new AbortController().signal);
    assert.equal(result.ok, true, result.text);
    assert.ok(result.text.length > 0 && result.text.length <= 200);
    assert.ok(result.firstTokenMs !== undefined && result.firstTokenMs <= result.totalMs);
    const request = sim.requests.at(-1);
    assert.equal((request?.body as { message?: string }).message, TEST_PROMPT);
  });

  it('reports a failure with the provider\'s message and never the key', async () => {
    const key = 'sk-wrong-key-0123456789abcdef';
    const profile: ProviderProfile = { id: 'eco', kind: 'openai-compatible', baseUrl: `${sim.url}/v1`, model: 'spark-v3' };
    const result = await testProfile(createProvider, profile, deps(key), new AbortController().signal);
    assert.equal(result.ok, false);
    assert.ok(result.text.length > 0);
    assert.ok(!result.text.includes(key), result.text);
    // The message id and parameters come along, so Manage Providers shows it in the user's language.
    assert.equal(result.error?.id, 'auth.badKey');
    assert.equal(result.text, `${String(result.error?.params.provider)}: the API key is missing or invalid — run “Parley: Set API Key”`);
  });
});
