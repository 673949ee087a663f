import * as assert from 'node:assert/strict';
import { runnerConfig } from './support/config';

describe('provider simulator', () => {
  it('is reachable on 127.0.0.1 from the extension host', async () => {
    const { simulatorUrl } = runnerConfig();
    assert.ok(simulatorUrl, 'the runner started no simulator (test/simulator/main.ts missing?)');
    assert.match(new URL(simulatorUrl).hostname, /^127\.0\.0\.1$/);
    const response = await fetch(`${simulatorUrl}/__sim/health`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { ok: true });
  });
});
