import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decideKeyUse, migratedBinding, originOf, parseBindings, withAllowed, type KeyBinding } from '../../../src/host/keyOrigin';
import { sourceOf } from '../../../src/host/settingSource';
import { keyDestination } from '../../../src/providers';

describe('a stored key goes only to the origin it was stored for', () => {
  const bound: KeyBinding = { origin: 'https://api.ecovai.cn', allowed: [] };

  it('origin = scheme + host + port: path, case and a default port do not matter; another port, scheme or host does', () => {
    assert.equal(originOf('https://API.ecovai.cn:443/v1/'), 'https://api.ecovai.cn');
    assert.equal(originOf('http://127.0.0.1:8080/v1'), 'http://127.0.0.1:8080');
    assert.notEqual(originOf('http://api.ecovai.cn/v1'), originOf('https://api.ecovai.cn/v1'));
    assert.notEqual(originOf('https://api.ecovai.cn:8443/v1'), originOf('https://api.ecovai.cn/v1'));
    assert.equal(originOf('ftp://example.com'), undefined);
    assert.equal(originOf('not a url'), undefined);
    assert.equal(originOf(undefined), undefined);
  });

  it('the bound origin is sent to without asking, whatever the path', () => {
    assert.deepEqual(decideKeyUse(bound, originOf('https://api.ecovai.cn/v2/other')), { kind: 'send' });
  });

  it('any other origin asks first, naming where the key was stored for', () => {
    for (const url of ['https://evil.example/v1', 'http://api.ecovai.cn/v1', 'https://api.ecovai.cn:444/v1', 'https://api.ecovai.cn.evil.example/v1']) {
      assert.deepEqual(decideKeyUse(bound, originOf(url)), { kind: 'confirm', storedFor: 'https://api.ecovai.cn' }, url);
    }
    assert.deepEqual(decideKeyUse(bound, undefined), { kind: 'confirm', storedFor: 'https://api.ecovai.cn' });
  });

  it('a confirmed origin is remembered: the next request there does not ask, others still do', () => {
    const allowed = withAllowed(bound, 'http://127.0.0.1:4000');
    assert.deepEqual(decideKeyUse(allowed, 'http://127.0.0.1:4000'), { kind: 'send' });
    assert.equal(decideKeyUse(allowed, 'http://127.0.0.1:4001').kind, 'confirm');
    assert.equal(withAllowed(allowed, 'http://127.0.0.1:4000'), allowed, 'no duplicates');
    assert.deepEqual(withAllowed(undefined, 'http://127.0.0.1:4000'), { origin: 'http://127.0.0.1:4000', allowed: [] });
  });

  it('migration: a key from before bindings is bound to its profile’s origin in the user’s settings, else stays unbound (asks)', () => {
    assert.deepEqual(migratedBinding(undefined, 'https://api.ecovai.cn'), { origin: 'https://api.ecovai.cn', allowed: [] });
    assert.equal(migratedBinding(undefined, undefined), undefined);
    assert.equal(migratedBinding(bound, 'https://other.example'), bound, 'an existing binding is never replaced');
    assert.deepEqual(decideKeyUse(undefined, 'https://api.ecovai.cn'), { kind: 'confirm' });
  });

  it('property: without a confirmation, no origin but the bound one gets the key', () => {
    const origin = fc
      .tuple(fc.constantFrom('http', 'https'), fc.domain(), fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }))
      .map(([scheme, host, port]) => originOf(`${scheme}://${host}${port ? `:${port}` : ''}/v1`))
      .filter((o): o is string => o !== undefined);
    fc.assert(
      fc.property(origin, origin, (stored, destination) => {
        const use = decideKeyUse({ origin: stored, allowed: [] }, destination);
        assert.equal(use.kind === 'send', stored === destination);
      }),
    );
  });

  it('the stored map is read leniently: malformed entries are dropped (so they ask), never trusted', () => {
    assert.deepEqual(parseBindings(undefined), {});
    assert.deepEqual(parseBindings([1, 2]), {});
    assert.deepEqual(
      parseBindings({
        a: { origin: 'https://a.example', allowed: ['http://127.0.0.1:1', 'javascript:alert(1)', 7] },
        b: { origin: 'https://b.example/path' },
        c: 'https://c.example',
        d: { origin: 'https://d.example' },
      }),
      { a: { origin: 'https://a.example', allowed: ['http://127.0.0.1:1'] }, d: { origin: 'https://d.example', allowed: [] } },
    );
  });

  it('where the key of each kind goes: Emma’s default host, the OpenAI-compatible base URL, none for SecondMe', () => {
    assert.equal(originOf(keyDestination({ kind: 'emma' })), 'https://emma.egomnia.com');
    assert.equal(originOf(keyDestination({ kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:9/v1' })), 'http://127.0.0.1:9');
    assert.equal(keyDestination({ kind: 'secondme', baseUrl: 'https://app.secondme.io' }), undefined);
  });
});

describe('where parley.providers / activeProvider come from', () => {
  it('folder over workspace over user over default', () => {
    assert.equal(sourceOf({ globalValue: [], workspaceValue: [], workspaceFolderValue: [] }, true), 'folder');
    assert.equal(sourceOf({ globalValue: [], workspaceValue: [] }, true), 'workspace');
    assert.equal(sourceOf({ globalValue: 'x' }, true), 'user');
    assert.equal(sourceOf({}, true), 'default');
    assert.equal(sourceOf(undefined, true), 'default');
  });

  it('in an untrusted workspace the restricted settings ignore workspace values, so they are not what is used', () => {
    assert.equal(sourceOf({ globalValue: [], workspaceValue: [], workspaceFolderValue: [] }, false), 'user');
    assert.equal(sourceOf({ workspaceValue: 'x' }, false), 'default');
  });
});
