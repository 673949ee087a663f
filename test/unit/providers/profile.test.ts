import assert from 'node:assert/strict';
import { createProvider, PRESETS, profileFromPreset, findPreset } from '../../../src/providers';
import type { ProviderProfile } from '../../../src/providers/types';
import { temperatureRange } from '../../../src/profiles/ranges';
import { testDeps } from './helpers';

const deps = testDeps('k');

function rejects(profile: unknown, message: RegExp): void {
  assert.throws(() => createProvider(profile as ProviderProfile, deps), (error: unknown) => {
    assert.equal((error as { code?: string }).code, 'invalid_request');
    assert.match((error as Error).message, message);
    return true;
  });
}

describe('createProvider: profile validation', () => {
  it('builds the adapter registered for each kind', () => {
    assert.equal(createProvider({ id: 'a', kind: 'emma' }, deps).profile.kind, 'emma');
    assert.equal(createProvider({ id: 'b', kind: 'secondme', instanceId: 'x1' }, deps).profile.kind, 'secondme');
    const openai = createProvider({ id: 'c', kind: 'openai-compatible', baseUrl: 'http://localhost:11434/v1', model: 'llama3.2' }, deps);
    assert.equal(openai.profile.id, 'c');
  });

  it('names the field of a bad profile', () => {
    rejects({ id: '', kind: 'emma' }, /id may use only letters/);
    rejects({ id: 'p', kind: 'claude' }, /kind must be one of emma, secondme, openai-compatible/);
    rejects({ id: 'p', kind: 'emma', baseUrl: 'ftp://x' }, /Provider profile “p”: baseUrl must be an http:\/\/ or https:\/\/ URL/);
    rejects({ id: 'p', kind: 'emma', model: 'emma-9' }, /“p”: model/);
    rejects({ id: 'p', kind: 'emma', options: { temperature: 2 } }, /options\.temperature must be between 0\.10 and 1\.50 for Emma/);
    rejects({ id: 'p', kind: 'emma', options: { temperature: 0.05 } }, /options\.temperature/);
    rejects({ id: 'p', kind: 'emma', options: { mode: 'chatty' } }, /options\.mode/);
    rejects({ id: 'p', kind: 'emma', options: { maxNewTokens: 1.5 } }, /options\.maxNewTokens/);
    rejects({ id: 'p', kind: 'secondme' }, /instanceId is required/);
    rejects({ id: 'p', kind: 'secondme', instanceId: 'x', options: { temperature: 1.2 } }, /options\.temperature must be between 0 and 1/);
    rejects({ id: 'p', kind: 'secondme', instanceId: 'x', options: { endpoint: 'v2' } }, /options\.endpoint/);
    rejects({ id: 'p', kind: 'secondme', instanceId: 'https://example.com/nothing' }, /neither an instance id nor a SecondMe chat URL/);
    rejects({ id: 'p', kind: 'openai-compatible', model: 'm' }, /baseUrl is required/);
    rejects({ id: 'p', kind: 'openai-compatible', baseUrl: 'https://api.ecovai.cn/v1' }, /model is required/);
    rejects({ id: 'p', kind: 'openai-compatible', baseUrl: 'https://api.ecovai.cn/v1', model: '  ' }, /model is required/);
    rejects({ id: 'p', kind: 'openai-compatible', baseUrl: 'https://x/v1', model: 'm', options: { topK: 0 } }, /options\.topK/);
  });

  it('never echoes a key-like baseUrl credential in the message', () => {
    assert.throws(
      () => createProvider({ id: 'p', kind: 'openai-compatible', baseUrl: 'nope://user:sk-secret-123@x', model: 'm' }, deps),
      (error: unknown) => !(error as Error).message.includes('sk-secret-123'),
    );
  });
});

describe('presets', () => {
  it('every preset yields a valid profile once its blanks (instance id, model of a local server) are filled', () => {
    for (const preset of PRESETS) {
      const profile = profileFromPreset(preset.id, `p-${preset.id}`, {
        ...(preset.needsInstanceId ? { instanceId: 'abc' } : {}),
        ...(preset.model === undefined && preset.kind === 'openai-compatible' ? { model: 'local-model' } : {}),
      });
      assert.doesNotThrow(() => createProvider(profile, deps), preset.id);
      assert.equal(profile.kind, preset.kind);
    }
  });

  it('ecovai: seed base URL, Spark models, temperature 0–1, usage asked for in the stream (includeUsage left to its default)', () => {
    const ecovai = findPreset('ecovai');
    assert.ok(ecovai);
    assert.equal(ecovai.baseUrl, 'https://api.ecovai.cn/v1');
    for (const model of ['spark-v2', 'spark-v3', 'SparkDesk-v4.0']) assert.ok(ecovai.models.includes(model));
    assert.deepEqual(temperatureRange(profileFromPreset('ecovai', 'e')), { min: 0, max: 1, digits: 0 });
    assert.equal((ecovai.options as { includeUsage?: boolean }).includeUsage, undefined);
    assert.equal((ecovai.options as { maxTemperature?: number }).maxTemperature, 1);
  });

  it('covers Emma, SecondMe and generic OpenAI-compatible servers', () => {
    assert.equal(findPreset('emma')?.baseUrl, 'https://emma.egomnia.com');
    assert.deepEqual(findPreset('emma')?.models, ['emma-5', 'emma-4', 'emma-3']);
    assert.equal(findPreset('secondme')?.baseUrl, 'https://app.secondme.io');
    assert.equal(findPreset('ollama')?.baseUrl, 'http://localhost:11434/v1');
    assert.equal(findPreset('ollama')?.needsKey, false);
    for (const id of ['openai', 'deepseek', 'lmstudio', 'vllm']) assert.equal(findPreset(id)?.kind, 'openai-compatible');
  });
});
