// Parley's ProviderSource feeding the real provider layer inside VS Code: the
// key set with "Parley: Set API Key" reaches the simulator in the header the
// API documents, and a provider error never carries it back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ParleyTestApi } from '../../../src/extension';
import { createProvider } from '../../../src/providers';
import { parley, preserveParleySettings, setGlobal, simulatorRequests, simulatorUrl } from './helpers';

async function drain(events: AsyncIterable<{ type: string; text?: string }>): Promise<string> {
  let text = '';
  for await (const event of events) {
    if (event.type === 'delta') text += event.text ?? '';
    if (event.type === 'replace') text = event.text ?? '';
  }
  return text;
}

describe('ProviderSource with the provider layer and the simulator', () => {
  const settings = preserveParleySettings();
  let api: ParleyTestApi;
  let sim: string;

  before(async function () {
    const url = simulatorUrl();
    if (!url) this.skip(); // test-electron runs without the simulator
    sim = url;
    api = await parley();
    settings.save();
    await setGlobal('providers', [
      { id: 'sim-emma', kind: 'emma', label: 'Emma (simulator)', baseUrl: sim },
      { id: 'sim-ecovai', kind: 'openai-compatible', label: 'ecovai (simulator)', baseUrl: `${sim}/v1`, model: 'spark-v3' },
    ]);
  });

  after(async () => {
    if (!api) return;
    await api.secrets.delete('sim-emma');
    await api.secrets.delete('sim-ecovai');
    await settings.restore();
  });

  it('sends the key stored by Set API Key as Emma\'s X-API-Key and streams the reply', async () => {
    await vscode.commands.executeCommand('parley.setApiKey', 'sim-emma', 'sim-emma-key');
    const profile = api.source.list().find((p) => p.id === 'sim-emma')!;
    assert.equal(await api.source.ensureReady(profile), true);
    const reply = await drain(
      createProvider(profile, api.source.deps()).streamChat({ messages: [{ role: 'user', content: 'Ciao, chi sei?' }] }, new AbortController().signal),
    );
    assert.ok(reply.length > 0);
    const last = (await simulatorRequests(sim)).filter((r) => r.path === '/api/chat/stream').at(-1);
    assert.ok(last, 'the simulator saw the request');
    assert.ok(last.headers['x-api-key'] === 'sim-emma-key', 'the stored key was sent as X-API-Key');
  });

  it('a rejected key comes back as an error and in the log without the key', async () => {
    const canary = `sk-canary-${Date.now().toString(36)}-q8Zt`;
    await vscode.commands.executeCommand('parley.setApiKey', 'sim-ecovai', canary);
    const profile = api.source.list().find((p) => p.id === 'sim-ecovai')!;
    let message = '';
    try {
      await drain(createProvider(profile, api.source.deps()).streamChat({ messages: [{ role: 'user', content: 'hello' }] }, new AbortController().signal));
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    assert.ok(message.length > 0, 'the simulator rejected the key');
    assert.ok(!message.includes(canary), 'the error does not carry the key (the simulator echoes it on purpose)');
    assert.ok(!api.logLines().some((line) => line.includes(canary)), 'the log does not carry the key');
  });
});
