// parley.providers / parley.activeProvider validated at runtime inside VS Code:
// a bad profile is reported naming the setting, the others keep working.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ParleyTestApi } from '../../../src/extension';
import { TEST_PROFILES, parley, preserveParleySettings, setGlobal } from './helpers';

describe('provider settings in VS Code', () => {
  const settings = preserveParleySettings();
  let api: ParleyTestApi;

  before(async () => {
    api = await parley();
    settings.save();
  });

  after(() => settings.restore());

  it('contributes the presets for Emma, SecondMe and ecovai as defaults', () => {
    const defaults = vscode.workspace.getConfiguration('parley').inspect<{ id: string }[]>('providers')?.defaultValue;
    assert.deepEqual(defaults?.map((p) => p.id), ['emma', 'secondme', 'ecovai']);
  });

  it('leaves out a bad profile, names the setting, the profile and the fix, keeps the rest', async () => {
    await setGlobal('providers', [
      ...TEST_PROFILES,
      { id: 'hot', kind: 'emma', options: { temperature: 3 } },
      // ecovai documents 0–1 on every ecovai.cn host: settings say so, as the adapter would.
      { id: 'eco-eu', kind: 'openai-compatible', baseUrl: 'https://eu.ecovai.cn/v1', model: 'spark-v3', options: { temperature: 1.5 } },
    ]);
    assert.deepEqual(api.source.list().map((p) => p.id), ['emma-test', 'local-test', 'secondme-test']);
    const problems = api.settingsProblems();
    assert.ok(problems.includes('parley.providers[3].options.temperature (profile "hot") must be between 0.10 and 1.50 for Emma'), problems.join('\n'));
    assert.ok(
      problems.includes(
        'parley.providers[4].options.temperature (profile "eco-eu") must be between 0 and 1 for this endpoint (set options.maxTemperature if it accepts more)',
      ),
      problems.join('\n'),
    );
  });

  it('switches the active profile through parley.switchProvider and falls back when the id is unknown', async () => {
    await setGlobal('providers', TEST_PROFILES);
    await vscode.commands.executeCommand('parley.switchProvider', 'secondme-test');
    assert.equal(api.source.active()?.id, 'secondme-test');
    assert.equal(vscode.workspace.getConfiguration('parley').get('activeProvider'), 'secondme-test');
    await setGlobal('activeProvider', 'nope');
    assert.equal(api.source.active()?.id, 'emma-test');
    assert.ok(api.settingsProblems().some((p) => p.startsWith('parley.activeProvider is "nope"')));
  });

  it('changes the model of the active profile', async () => {
    await setGlobal('providers', TEST_PROFILES);
    await vscode.commands.executeCommand('parley.switchProvider', 'emma-test', 'emma-4');
    const emma = api.source.list().find((p) => p.id === 'emma-test');
    assert.deepEqual(emma?.options, { modelKey: 'emma-4' });
  });

  it('hands VS Code\'s proxy settings and Parley\'s timeouts to the provider layer', async () => {
    const http = vscode.workspace.getConfiguration('http');
    const before = http.inspect('proxy')?.globalValue;
    await http.update('proxy', 'http://127.0.0.1:3128', vscode.ConfigurationTarget.Global);
    await setGlobal('timeouts.idleMs', 12345);
    try {
      const network = api.source.deps().network;
      assert.equal(network?.proxy?.url, 'http://127.0.0.1:3128');
      assert.equal(network?.timeouts?.idleMs, 12345);
    } finally {
      await http.update('proxy', before, vscode.ConfigurationTarget.Global);
      await setGlobal('timeouts.idleMs', undefined);
    }
  });
});
