/** A canary key must never reach an error message or a log line, whatever goes wrong. */
import assert from 'node:assert/strict';
import { createProvider } from '../../../src/providers';
import type { ProviderProfile } from '../../../src/providers/types';
import { startSimulator, type Simulator } from '../../simulator/server';
import { run, testDeps, user } from './helpers';

const CANARY = 'sk-canary-a9f4e1c07b3d42d8';

describe('keys never leak (canary key)', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ delayMs: 0, keys: { emma: [CANARY], openai: [CANARY] } });
  });
  after(() => sim.close());
  beforeEach(() => sim.setFault(undefined));

  const profiles = (): ProviderProfile[] => [
    { id: 'emma', kind: 'emma', baseUrl: sim.url },
    { id: 'eco', kind: 'openai-compatible', label: 'ecovai', baseUrl: `${sim.url}/v1`, model: 'spark-v3' },
  ];
  const prompts = [
    'hello',
    'hello [[sim:error-event after=2]]',
    'hello [[sim:html status=502]]',
    'hello [[sim:rate-limit times=5]]',
    'hello [[sim:disconnect after=2]]',
    'hello [[sim:malformed after=2]]',
    'hello [[sim:truncate after=2]]',
  ];

  for (const prompt of prompts) {
    it(`no key in messages or logs: ${prompt}`, async () => {
      for (const profile of profiles()) {
        const deps = testDeps(CANARY);
        const outcome = await run(createProvider(profile, deps), user(prompt));
        assert.ok(deps.lines.length > 0, 'the call was logged');
        assert.ok(!deps.lines.join('\n').includes(CANARY), `log of ${profile.id}`);
        if (outcome.error) {
          assert.ok(!outcome.error.message.includes(CANARY), `${profile.id}: ${outcome.error.message}`);
          assert.ok(!String(outcome.error.stack).includes(CANARY));
        }
      }
    });
  }

  it('the server did receive the key (so the test is not vacuous)', async () => {
    sim.clearRequests();
    await run(createProvider(profiles()[0]!, testDeps(CANARY)), user('hello'));
    assert.equal(sim.requests[0]?.headers['x-api-key'], CANARY);
  });

  it('a server error echoing the key is masked', async () => {
    const deps = testDeps('sk-wrong-canary-5d1e0f');
    const outcome = await run(createProvider(profiles()[1]!, deps), user('hello'));
    assert.equal(outcome.error?.code, 'auth');
    assert.ok(!outcome.error.message.includes('sk-wrong-canary-5d1e0f'));
  });
});
