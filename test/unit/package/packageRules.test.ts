import * as assert from 'node:assert/strict';
import { BUDGETS, checkEntries, checkReadmeImages, type VsixEntry } from '../../package/packageRules';

const shipped: VsixEntry[] = [
  { path: 'extension.vsixmanifest', size: 2700 },
  { path: '[Content_Types].xml', size: 600 },
  { path: 'extension/package.json', size: 20_000 },
  { path: 'extension/package.nls.zh-cn.json', size: 6000 },
  { path: 'extension/readme.md', size: 9000 },
  { path: 'extension/LICENSE.txt', size: 1100 },
  { path: 'extension/dist/extension.js', size: 140_000 },
  { path: 'extension/dist/undici.js', size: 320_000 },
  { path: 'extension/dist/webview.js', size: 285_000 },
  { path: 'extension/media/parley.png', size: 2200 },
  { path: 'extension/media/walkthrough/set-key.md', size: 700 },
  { path: 'extension/l10n/bundle.l10n.it.json', size: 12_000 },
];

describe('package rules (npm run package:check)', () => {
  it('accepts what Parley ships', () => {
    assert.deepEqual(checkEntries(shipped, 360 * 1024), []);
  });

  for (const [path, why] of [
    ['extension/media/screenshots/chat-reply.png', /screenshots/],
    ['extension/dist/extension.js.map', /source maps/],
    ['extension/src/extension.ts', /sources/],
    ['extension/test/unit/net/http.test.ts', /tests/],
    ['extension/node_modules/undici/index.js', /bundled/],
    ['extension/.env', /secrets/],
  ] as const) {
    it(`refuses ${path}`, () => {
      const problems = checkEntries([...shipped, { path, size: 10 }], 360 * 1024);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0]!, why);
    });
  }

  it('reports a file it does not know', () => {
    assert.match(checkEntries([...shipped, { path: 'extension/notes.txt', size: 1 }], 1).join(), /notes\.txt is not expected/);
  });

  it('reports a missing LICENSE or icon', () => {
    const problems = checkEntries(shipped.filter((e) => !/LICENSE|parley\.png/.test(e.path)), 1);
    assert.deepEqual(problems, ['extension/LICENSE.txt is missing', 'extension/media/parley.png is missing']);
  });

  it('fails on an extension bundle or a package over budget', () => {
    const big = shipped.map((e) => (e.path === 'extension/dist/extension.js' ? { ...e, size: BUDGETS.extensionJsBytes + 1 } : e));
    assert.match(checkEntries(big, 1).join(), /extension\.js is 650\.0 KB, over its budget of 650\.0 KB/);
    assert.match(checkEntries(shipped, BUDGETS.vsixBytes + 1).join(), /the package is .* over its budget/);
  });

  it('wants README images as absolute https URLs (Open VSX does not resolve relative ones)', () => {
    const readme = '![a](https://github.com/parley-dev/parley/raw/HEAD/media/a.png)\n![b](media/screenshots/b.png)\n<img src="./c.png">\n![d](http://x.test/d.png)';
    assert.deepEqual(checkReadmeImages(readme), [
      'README image "media/screenshots/b.png" is not an absolute https URL',
      'README image "http://x.test/d.png" is not an absolute https URL',
      'README image "./c.png" is not an absolute https URL',
    ]);
  });
});
