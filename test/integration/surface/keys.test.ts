// API keys go into SecretStorage under the profile id, and out again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ParleyTestApi } from '../../../src/extension';
import { TEST_PROFILES, parley, preserveParleySettings, setGlobal } from './helpers';

describe('API keys in SecretStorage', () => {
  const settings = preserveParleySettings();
  let api: ParleyTestApi;

  before(async () => {
    api = await parley();
    settings.save();
    await setGlobal('providers', TEST_PROFILES);
  });

  after(async () => {
    await api.secrets.delete('emma-test');
    await api.secrets.delete('local-test');
    await settings.restore();
  });

  it('Set API Key stores the trimmed key under the profile id, never in settings', async () => {
    // It resolves true once a key is stored (the chat's error card retries on that), false for an unknown profile.
    assert.equal(await vscode.commands.executeCommand('parley.setApiKey', 'emma-test', '  sk-test-emma-123456  '), true);
    assert.equal(await api.secrets.get('emma-test'), 'sk-test-emma-123456');
    assert.equal(await vscode.commands.executeCommand('parley.setApiKey', 'no-such-profile', 'sk-test-x-123456'), false);
    assert.ok(await api.hasKey('emma-test'));
    assert.ok(api.storedKeyIds().includes('emma-test'));
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('parley').inspect('providers')).includes('sk-test-emma'));
    assert.equal(await api.source.deps().getSecret('emma-test'), 'sk-test-emma-123456');
  });

  it('Clear API Key removes it', async () => {
    await vscode.commands.executeCommand('parley.setApiKey', 'emma-test', 'sk-test-emma-123456');
    await vscode.commands.executeCommand('parley.clearApiKey', 'emma-test');
    assert.equal(await api.secrets.get('emma-test'), undefined);
    assert.ok(!api.storedKeyIds().includes('emma-test'));
  });

  it('Remove All Stored Keys removes every key Parley stored', async () => {
    await vscode.commands.executeCommand('parley.setApiKey', 'emma-test', 'sk-test-a-123456');
    await vscode.commands.executeCommand('parley.setApiKey', 'local-test', 'sk-test-b-123456');
    await vscode.commands.executeCommand('parley.removeAllKeys', true);
    assert.equal(await api.secrets.get('emma-test'), undefined);
    assert.equal(await api.secrets.get('local-test'), undefined);
    assert.deepEqual(api.storedKeyIds(), []);
  });

  it('a profile that has its key, or needs none, is ready without asking', async () => {
    await vscode.commands.executeCommand('parley.setApiKey', 'emma-test', 'sk-test-ready-123456');
    const [emma, local, secondme] = api.source.list();
    assert.equal(await api.source.ensureReady(emma!), true);
    assert.equal(await api.source.ensureReady(local!), true, 'a loopback endpoint needs no key');
    assert.equal(await api.source.ensureReady(secondme!), true, 'SecondMe with an instance id needs nothing');
  });
});
