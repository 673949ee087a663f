// `npm run l10n` step after `l10n-dev export`: the error catalog's English
// templates (src/net/errorCatalog.ts) are looked up with vscode.l10n.t by
// value, which the export cannot see; this adds them to l10n/bundle.l10n.json.
// Their Italian and Chinese texts are kept by hand in the locale bundles
// (test/unit/net/errorTexts.test.ts checks that each one has them).
import { readFileSync, writeFileSync } from 'node:fs';
import { ERROR_TEMPLATES } from '../src/net/errorCatalog';

const path = 'l10n/bundle.l10n.json';
const bundle = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
for (const template of Object.values(ERROR_TEMPLATES)) bundle[template] = template;
writeFileSync(path, `${JSON.stringify(bundle, null, 2)}\n`);
