import assert from 'node:assert/strict';
import { ModelCatalog } from '../../../src/chat/modelCatalog';
import { modelsFor } from '../../../src/profiles/models';
import type { ProviderProfile } from '../../../src/providers/types';

const ecovai: ProviderProfile = { id: 'eco', kind: 'openai-compatible', baseUrl: 'https://api.ecovai.cn/v1', model: 'spark-v3' };

function catalog(fetch: (p: ProviderProfile) => Promise<string[]>, ready = true) {
  const calls: string[] = [];
  const lines: string[] = [];
  let changes = 0;
  const instance = new ModelCatalog({
    fetch: async (profile) => {
      calls.push(profile.baseUrl ?? '');
      return fetch(profile);
    },
    canQuery: async () => ready,
    log: (line) => lines.push(line),
    changed: () => changes++,
  });
  return { instance, calls, lines, changes: () => changes };
}

describe('model catalog (GET /models, cached per profile)', () => {
  it('fetches once per profile and base URL, and fires a change when a list arrives', async () => {
    const c = catalog(async () => ['a', 'b']);
    assert.equal(c.instance.peek(ecovai), undefined, 'nothing cached yet; discovery starts in the background');
    assert.deepEqual(await c.instance.load(ecovai), ['a', 'b']);
    assert.deepEqual(c.instance.peek(ecovai), ['a', 'b']);
    await c.instance.load(ecovai);
    assert.equal(c.calls.length, 1);
    assert.equal(c.changes(), 1);
    await c.instance.load({ ...ecovai, baseUrl: 'https://other.example/v1' });
    assert.equal(c.calls.length, 2, 'a new base URL is a new list');
  });

  it('falls back silently: an error or a profile that is not ready gives no list, a log line and no change event', async () => {
    const failing = catalog(async () => {
      throw new Error('ecovai: the endpoint was not found (HTTP 404)');
    });
    assert.equal(await failing.instance.load(ecovai), undefined);
    assert.equal(failing.changes(), 0);
    assert.match(failing.lines.join('\n'), /no model list .*HTTP 404.*configured model/);
    assert.deepEqual(modelsFor(ecovai, failing.instance.peek(ecovai)).slice(0, 2), ['spark-v2', 'spark-v3'], "the preset's suggestions");

    const notReady = catalog(async () => ['x'], false);
    assert.equal(await notReady.instance.load(ecovai), undefined);
    assert.equal(notReady.calls.length, 0, 'no request without the key');
  });

  it('refresh and forget fetch again', async () => {
    let n = 0;
    const c = catalog(async () => [`m${++n}`]);
    assert.deepEqual(await c.instance.load(ecovai), ['m1']);
    await c.instance.refresh([ecovai]);
    assert.deepEqual(c.instance.peek(ecovai), ['m2']);
    c.instance.forget('eco');
    assert.deepEqual(await c.instance.load(ecovai), ['m3']);
  });

  it('offers the discovered models (plus the one in use) instead of the preset suggestions', () => {
    assert.deepEqual(modelsFor(ecovai, ['glm-4', 'qwen-plus']), ['glm-4', 'qwen-plus', 'spark-v3']);
    assert.deepEqual(modelsFor({ id: 'e', kind: 'emma' }, ['ignored']), ['emma-5', 'emma-4', 'emma-3']);
  });
});
