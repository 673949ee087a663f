import assert from 'node:assert/strict';
import { isLocalUrl, keyRequirement, needsApiKey, needsInstanceId } from '../../../src/profiles/needs';

describe('what a profile needs before its first request', () => {
  it('Emma always needs a key; SecondMe never does', () => {
    assert.equal(needsApiKey({ kind: 'emma' }), true);
    assert.equal(needsApiKey({ kind: 'secondme' }), false);
  });

  it('OpenAI-compatible needs a key except on loopback hosts', () => {
    assert.equal(needsApiKey({ kind: 'openai-compatible', baseUrl: 'https://api.ecovai.cn/v1' }), true);
    for (const url of ['http://localhost:11434/v1', 'http://127.0.0.1:8080/v1', 'http://[::1]:1234/v1', 'http://127.1.2.3/v1', 'http://llm.localhost/v1']) {
      assert.ok(isLocalUrl(url), url);
      assert.equal(needsApiKey({ kind: 'openai-compatible', baseUrl: url }), false, url);
    }
    assert.equal(isLocalUrl('http://localhost.example.com'), false);
    assert.equal(isLocalUrl('not a url'), false);
  });

  it('SecondMe needs an instance id', () => {
    assert.equal(needsInstanceId({ id: 'p', kind: 'secondme' }), true);
    assert.equal(needsInstanceId({ id: 'p', kind: 'secondme', instanceId: '  ' }), true);
    assert.equal(needsInstanceId({ id: 'p', kind: 'secondme', instanceId: 'abc' }), false);
    assert.equal(needsInstanceId({ id: 'p', kind: 'emma' }), false);
  });

  it('a local OpenAI-compatible server: key optional (it may check one), never "needs no key"', () => {
    assert.equal(keyRequirement({ kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:8000/v1' }), 'optional');
    assert.equal(keyRequirement({ kind: 'openai-compatible', baseUrl: 'https://api.ecovai.cn/v1' }), 'required');
    assert.equal(keyRequirement({ kind: 'emma' }), 'required');
    assert.equal(keyRequirement({ kind: 'secondme' }), 'none');
  });
});
