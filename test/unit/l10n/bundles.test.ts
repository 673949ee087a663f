import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES = ['it', 'zh-cn'];
const readJson = (path: string): Record<string, string> => JSON.parse(readFileSync(path, 'utf8'));

/** Tokens a translation must keep: {0} placeholders, ${variables}, command links, #setting# references. */
function tokens(text: string): string[] {
  const found = [
    ...text.matchAll(/\{\d+\}/g),
    ...text.matchAll(/\$\{[A-Za-z]+\}/g),
    ...text.matchAll(/\(command:[\w.]+\)/g),
    ...text.matchAll(/#[\w.]+#/g),
  ].map((m) => m[0]);
  return found.sort();
}

function checkComplete(basePath: string, localized: (locale: string) => string): void {
  const base = readJson(basePath);
  for (const locale of LOCALES) {
    const path = localized(locale);
    const translated = readJson(path);
    const missing = Object.keys(base).filter((key) => typeof translated[key] !== 'string' || translated[key].trim() === '');
    assert.deepEqual(missing, [], `${path} lacks translations`);
    const stale = Object.keys(translated).filter((key) => !(key in base));
    assert.deepEqual(stale, [], `${path} has keys the base file no longer has`);
    for (const [key, value] of Object.entries(base)) {
      assert.deepEqual(tokens(translated[key]!), tokens(value), `${path}: placeholders differ for ${JSON.stringify(key)}`);
    }
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('localization bundles', () => {
  it('translates every runtime string (l10n/bundle.l10n.json) into Italian and Chinese with the same placeholders', () => {
    checkComplete('l10n/bundle.l10n.json', (locale) => `l10n/bundle.l10n.${locale}.json`);
  });

  it('translates every contribution string (package.nls.json) into Italian and Chinese with the same placeholders', () => {
    checkComplete('package.nls.json', (locale) => `package.nls.${locale}.json`);
  });

  it('has every %key% used in package.json in package.nls.json', () => {
    const manifest = readFileSync('package.json', 'utf8');
    const nls = readJson('package.nls.json');
    const used = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!))];
    assert.deepEqual(used.filter((key) => !(key in nls)), []);
    assert.ok(used.length > 50);
  });

  it('has every vscode.l10n.t string of src/ in the extracted bundle (run `npm run l10n` after adding strings)', () => {
    const base = readJson('l10n/bundle.l10n.json');
    const missing: string[] = [];
    let seen = 0;
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        const message = match[1]!.replace(/\\(.)/g, '$1');
        seen++;
        if (!(message in base)) missing.push(`${file}: ${message}`);
      }
    }
    assert.deepEqual(missing, []);
    assert.ok(seen > 50, `only ${seen} strings found in src/`);
  });

  it('places the bundles where package.json says', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.equal(pkg.l10n, './l10n');
  });
});
