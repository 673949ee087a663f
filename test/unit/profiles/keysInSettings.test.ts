import assert from 'node:assert/strict';
import { findKeysInSettings, isSecretFieldName, withoutKeys } from '../../../src/profiles/keysInSettings';

describe('API keys pasted into settings', () => {
  it('recognizes the usual names of key fields', () => {
    for (const name of ['apiKey', 'api_key', 'API-KEY', 'key', 'X-API-Key', 'token', 'authorization']) assert.ok(isSecretFieldName(name), name);
    for (const name of ['id', 'model', 'baseUrl', 'modelKey', 'maxTokens', 'topK']) assert.ok(!isSecretFieldName(name), name);
  });

  it('finds keys at the top level and in options, trimmed and without "Bearer"', () => {
    const found = findKeysInSettings([
      { id: 'emma', kind: 'emma', apiKey: '  emma-secret-1 ' },
      { id: 'eco', kind: 'openai-compatible', options: { authorization: 'Bearer eco-secret-2' } },
      { id: 'clean', kind: 'secondme', options: { maxTokens: 5 } },
      { kind: 'emma', key: 'orphan-secret-3' },
      { id: 'empty', kind: 'emma', apiKey: '   ' },
    ]);
    assert.deepEqual(found, [
      { index: 0, profileId: 'emma', path: ['apiKey'], value: 'emma-secret-1' },
      { index: 1, profileId: 'eco', path: ['options', 'authorization'], value: 'eco-secret-2' },
      { index: 3, profileId: undefined, path: ['key'], value: 'orphan-secret-3' },
    ]);
  });

  it('removes exactly those fields from a copy', () => {
    const providers = [
      { id: 'emma', kind: 'emma', apiKey: 'k1', label: 'E' },
      { id: 'eco', kind: 'openai-compatible', options: { api_key: 'k2', stream: true } },
    ];
    const cleaned = withoutKeys(providers, findKeysInSettings(providers));
    assert.deepEqual(cleaned, [
      { id: 'emma', kind: 'emma', label: 'E' },
      { id: 'eco', kind: 'openai-compatible', options: { stream: true } },
    ]);
    assert.equal(providers[0]!.apiKey, 'k1', 'input unchanged');
    assert.ok(!JSON.stringify(cleaned).includes('k2'));
  });

  it('ignores values that are not lists of objects', () => {
    assert.deepEqual(findKeysInSettings(undefined), []);
    assert.deepEqual(findKeysInSettings({ apiKey: 'x' }), []);
  });
});
