import assert from 'node:assert/strict';
import { ProviderError, isProviderError, PROVIDER_ERROR_CODES } from '../../../src/net/errors';

describe('ProviderError', () => {
  it('carries a code from the closed set, the HTTP status and a user-facing message', () => {
    const error = new ProviderError('quota', 'Emma: your credit is exhausted — top up under Billing', { status: 402 });
    assert.equal(error.code, 'quota');
    assert.equal(error.status, 402);
    assert.match(error.message, /credit is exhausted/);
    assert.ok(isProviderError(error));
    assert.ok(PROVIDER_ERROR_CODES.includes(error.code));
  });

  it('is not confused with other errors', () => {
    assert.equal(isProviderError(new Error('x')), false);
  });
});
