import assert from 'node:assert/strict';
import fc from 'fast-check';
import { redactText, rememberSecret } from '../../../src/net/redact';

describe('redaction of log lines and exports', () => {
  const canary = 'CANARY-sk-1234567890';

  it('replaces every occurrence of a known secret', () => {
    const out = redactText(`key=${canary} again ${canary}`, [canary]);
    assert.ok(!out.includes(canary));
    assert.equal(out.split('***').length - 1, 2);
  });

  it('masks key-carrying headers even when the secret is unknown', () => {
    const out = redactText('Authorization: Bearer abc.def-123, X-API-Key: zzz999 "apiKey": "q1w2e3"', []);
    assert.ok(!/abc\.def-123|zzz999|q1w2e3/.test(out), out);
  });

  it('does not search for very short "secrets" that would mask ordinary words', () => {
    assert.equal(redactText('the cat sat', ['at']), 'the cat sat');
  });

  it('masks a key in a JSON-style field', () => {
    assert.equal(redactText('{"apiKey": "pasted-123"}', []), '{"apiKey": "***"}');
  });
});

describe('the one redaction: credentials in URLs and headers (property)', () => {
  const userinfoChars = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=%:@"];
  const password = fc
    .tuple(fc.array(fc.constantFrom(...userinfoChars), { minLength: 6, maxLength: 24 }), fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ'), fc.integer({ min: 0, max: 9 }))
    .map(([chars, letter, digit]) => `${letter}${digit}${chars.join('')}`)
    .filter((p) => !p.endsWith('@'));
  const user = fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/);
  const host = fc.constantFrom('127.0.0.1', 'proxy.corp.example', '[::1]', 'localhost');
  const port = fc.option(fc.integer({ min: 0, max: 99999 }), { nil: undefined });
  const scheme = fc.constantFrom('', 'http://', 'https://', 'socks5://', 'HTTP://');
  const wrap = fc.constantFrom(
    (u: string) => u,
    (u: string) => `the proxy setting "http.proxy" (${u}) is not a valid URL`,
    (u: string) => `{"http.proxy": "${u}"}`,
    (u: string) => `via ${u}, then`,
    (u: string) => `'${u}'`,
    (u: string) => `<${u}>`,
  );

  it('no password of user:password@host survives, with or without a scheme, in any surrounding text', () => {
    fc.assert(
      fc.property(scheme, user, password, host, port, wrap, (s, u, p, h, n, around) => {
        const text = around(`${s}${u}:${p}@${h}${n === undefined ? '' : `:${n}`}`);
        const out = redactText(text);
        assert.ok(!out.includes(p), `${JSON.stringify(text)} → ${JSON.stringify(out)}`);
        assert.ok(out.includes(h), 'the host stays, so the message still says where');
      }),
      { numRuns: 500 },
    );
  });

  it('Authorization and Proxy-Authorization values never survive', () => {
    fc.assert(
      fc.property(fc.constantFrom('Authorization', 'Proxy-Authorization', 'proxy-authorization', 'X-API-Key'), fc.constantFrom('Basic ', 'Bearer ', ''), fc.stringMatching(/^[A-Za-z0-9+/=._-]{8,40}$/), fc.constantFrom(
        (n: string, v: string) => `${n}: ${v}`,
        (n: string, v: string) => `"${n}": "${v}"`,
        (n: string, v: string) => `${n}=${v}`,
        (n: string, v: string) => `'${n}': '${v}'`,
      ), (name, kind, value, form) => {
        fc.pre(/[A-Za-z0-9]{4}/.test(value));
        const out = redactText(`request failed; ${form(name, `${kind}${value}`)}\nnext line`);
        assert.ok(!out.includes(value), out);
      }),
      { numRuns: 300 },
    );
  });

  it('a remembered key is masked wherever it appears', () => {
    rememberSecret('remembered-key-4f9a1c');
    assert.equal(redactText('the key remembered-key-4f9a1c!'), 'the key ***!');
  });
});
