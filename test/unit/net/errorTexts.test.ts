/**
 * The error catalog in every language: each message id has an English,
 * Italian and Chinese text with the same placeholders, and formatting fills
 * every placeholder with its parameter (nested texts translated too).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ERROR_TEMPLATES } from '../../../src/net/errorCatalog';
import { ENGLISH, errorText, fillTemplate, formatErrorText, languageOf, type ErrorText, type ErrorTextId } from '../../../src/net/errorTexts';

const readBundle = (name: string): Record<string, string> => JSON.parse(readFileSync(`l10n/${name}`, 'utf8'));
const BASE = readBundle('bundle.l10n.json');
const LANGUAGES = [
  { locale: 'it', bundle: readBundle('bundle.l10n.it.json') },
  { locale: 'zh-cn', bundle: readBundle('bundle.l10n.zh-cn.json') },
];
/** What vscode.l10n.t does with a bundle: the translation of the English template, filled with the named arguments. */
const bundleLanguage = (locale: string, bundle: Record<string, string>) =>
  languageOf((template, params) => fillTemplate(bundle[template] ?? template, params), locale);

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
const ids = Object.keys(ERROR_TEMPLATES) as ErrorTextId[];

/** A text for `id` whose every parameter is a distinct marker, so each can be found in the output. */
function sample(id: ErrorTextId): { text: ErrorText; markers: string[] } {
  const names = placeholders(ERROR_TEMPLATES[id]);
  const params = Object.fromEntries(names.map((name) => [name, `«${name}-value»`]));
  return { text: { id, params }, markers: Object.values(params) };
}

describe('error texts in every language', () => {
  it('the catalog is not empty and its ids are distinct texts', () => {
    assert.ok(ids.length > 50);
    assert.equal(new Set(Object.values(ERROR_TEMPLATES)).size, ids.length);
  });

  for (const id of ids) {
    const template = ERROR_TEMPLATES[id];
    it(`${id}: English, Italian and Chinese texts with the same placeholders, all filled`, () => {
      assert.equal(BASE[template], template, 'missing from l10n/bundle.l10n.json (npm run l10n)');
      const { text, markers } = sample(id);
      const english = formatErrorText(text);
      for (const marker of markers) assert.ok(english.includes(marker), `${marker} not in ${english}`);
      for (const { locale, bundle } of LANGUAGES) {
        const translated = bundle[template];
        assert.ok(typeof translated === 'string' && translated.trim() !== '', `no ${locale} text for ${id}`);
        // Only a template of placeholders and punctuation ("{provider}: {text}") may read the same in every language.
        if (/\p{L}/u.test(template.replace(/\{\w+\}/g, ''))) assert.notEqual(translated, template, `the ${locale} text of ${id} is the English one`);
        assert.deepEqual(placeholders(translated), placeholders(template), `${locale}: placeholders of ${id}`);
        const shown = formatErrorText(text, bundleLanguage(locale, bundle));
        for (const marker of markers) assert.ok(shown.includes(marker), `${locale}: ${marker} not in ${shown}`);
        assert.doesNotMatch(shown, /\{\w+\}/, `${locale}: a placeholder left in ${shown}`);
      }
    });
  }

  it('translates nested texts and what-the-server-said framing, keeps the server\'s words verbatim, formats numbers per language', () => {
    const [italian] = LANGUAGES;
    const it = bundleLanguage('it', italian!.bundle);
    const hint = errorText('hint.refused', { proxyHint: errorText('hint.proxySettings', {}) });
    const refused = errorText('network.unreachable', { provider: 'Emma', where: '127.0.0.1:9', cause: 'ECONNREFUSED', hint });
    assert.equal(
      formatErrorText(refused, it),
      'Emma: impossibile raggiungere 127.0.0.1:9 (ECONNREFUSED). Nessuno ha accettato la connessione: ' +
        'controlla l\'URL di base e la porta, e le impostazioni del proxy ("http.proxy" o HTTPS_PROXY).',
    );
    const rejected = errorText('request.rejectedStatus', { provider: 'ecovai', status: 400 }, 'temperature must be at most 1');
    assert.equal(formatErrorText(rejected, it), 'ecovai: il server ha rifiutato la richiesta (HTTP 400). Il server ha risposto: “temperature must be at most 1”');
    const long = errorText('request.emmaTooLong', { provider: 'Emma', length: 12_345, max: 4500 });
    assert.match(formatErrorText(long, it), /lungo 12\.345 caratteri; Emma ne accetta al massimo 4500 /);
    assert.match(formatErrorText(long, ENGLISH), /is 12,345 characters long; Emma accepts at most 4,500 /);
  });

  it('fills each placeholder once: braces inside a parameter stay as they are', () => {
    assert.equal(fillTemplate('{provider}: {text}', { provider: 'A {text}', text: '{provider}' }), 'A {text}: {provider}');
  });
});
