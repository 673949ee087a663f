// Merges test/unit/l10n/chat-view-translations.json into the it/zh-cn bundles and package.nls files,
// for keys the base files have. Run from the repo root after `npm run l10n`: node test/unit/l10n/apply-chat-view-translations.cjs
const fs = require('fs');
const p = JSON.parse(fs.readFileSync('test/unit/l10n/chat-view-translations.json', 'utf8'));
for (const [section, base, target] of [['bundle', 'l10n/bundle.l10n.json', (l) => `l10n/bundle.l10n.${l}.json`], ['nls', 'package.nls.json', (l) => `package.nls.${l}.json`]]) {
  const keys = Object.keys(JSON.parse(fs.readFileSync(base, 'utf8')));
  for (const locale of ['it', 'zh-cn']) {
    const file = target(locale);
    const current = JSON.parse(fs.readFileSync(file, 'utf8'));
    const next = {};
    for (const k of keys) { const v = current[k] ?? p[section][k]?.[locale]; if (v !== undefined) next[k] = v; }
    fs.writeFileSync(file, JSON.stringify(next, null, 2) + '\n');
  }
}
