import * as assert from 'node:assert/strict';
import { parleyTestApi } from './support/parley';

describe('SecretStorage', () => {
  it('stores, returns and deletes a key through Parley\'s context.secrets', async () => {
    const { secrets } = await parleyTestApi();
    const key = `parley.test.${Date.now()}`;
    const changed: string[] = [];
    const listener = secrets.onDidChange((event) => changed.push(event.key));
    try {
      assert.equal(await secrets.get(key), undefined);
      await secrets.store(key, 'not-a-real-key');
      assert.equal(await secrets.get(key), 'not-a-real-key');
      await secrets.delete(key);
      assert.equal(await secrets.get(key), undefined);
      assert.ok(changed.includes(key), 'onDidChange fired for the key');
    } finally {
      listener.dispose();
    }
  });
});
