import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runnerConfig } from './support/config';

describe('settings', () => {
  it('reads back every user setting the runner wrote into settings.json', function () {
    const written = runnerConfig().settings;
    if (!written) this.skip(); // test-electron runs without a runner config
    const keys = Object.keys(written);
    assert.ok(keys.length > 0);
    for (const key of keys) {
      assert.deepEqual(vscode.workspace.getConfiguration().inspect(key)?.globalValue, written[key], key);
    }
  });
});
