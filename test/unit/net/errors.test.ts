import assert from 'node:assert/strict';
import { ProviderError, isProviderError, PROVIDER_ERROR_CODES } from '../../../src/net/errors';
import { errorText } from '../../../src/net/errorTexts';

describe('ProviderError', () => {
  it('carries a code from the closed set, the HTTP status, its text as id + parameters and that text in English', () => {
    const error = new ProviderError('quota', errorText('quota.emmaCredit', { provider: 'Emma' }), { status: 402 });
    assert.equal(error.code, 'quota');
    assert.equal(error.status, 402);
    assert.deepEqual(error.text, { id: 'quota.emmaCredit', params: { provider: 'Emma' } });
    assert.equal(error.message, 'Emma: your credit is exhausted — top up under Billing');
    assert.ok(isProviderError(error));
    assert.ok(PROVIDER_ERROR_CODES.includes(error.code));
  });

  it('masks the given secrets in every verbatim parameter and in what the server said', () => {
    const key = 'emma-key-0123456789';
    const error = new ProviderError('network', errorText('network.failed', { provider: 'Emma', detail: `socket ${key} closed` }, `bad key ${key}`), {
      secrets: [key],
    });
    assert.doesNotMatch(JSON.stringify(error.text), new RegExp(key));
    assert.doesNotMatch(error.message, new RegExp(key));
    assert.equal(error.message, 'Emma: the connection failed — socket *** closed. The server said: “bad key ***”');
  });

  it('is not confused with other errors', () => {
    assert.equal(isProviderError(new Error('x')), false);
  });
});
