import assert from 'node:assert/strict';
import { redactSecrets } from '../../../src/chat/redactSecrets';

describe('redaction of log lines and exports', () => {
  const canary = 'CANARY-sk-1234567890';

  it('replaces every occurrence of a known secret', () => {
    const out = redactSecrets(`key=${canary} again ${canary}`, [canary]);
    assert.ok(!out.includes(canary));
    assert.equal(out.split('***').length - 1, 2);
  });

  it('masks key-carrying headers even when the secret is unknown', () => {
    const out = redactSecrets('Authorization: Bearer abc.def-123, X-API-Key: zzz999 "apiKey": "q1w2e3"', []);
    assert.ok(!/abc\.def-123|zzz999|q1w2e3/.test(out), out);
  });

  it('does not search for very short "secrets" that would mask ordinary words', () => {
    assert.equal(redactSecrets('the cat sat', ['at']), 'the cat sat');
  });

  it('masks a key in a JSON-style field', () => {
    assert.equal(redactSecrets('{"apiKey": "pasted-123"}', []), '{"apiKey": "***"}');
  });
});
