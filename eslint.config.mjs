// Lint rules, including the layering rules from the README's architecture
// section: the pure layers never import `vscode`, imports only flow downward
// (extension → commands | webview | host | lm → chat → providers → net;
// protocol is a leaf shared by webview, chat and webview-ui), nothing in src/
// loads test/, and the browser-side layers never load a Node builtin.
// Each layering and promise rule has a fixture test in test/unit/lint/ that fails without it.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The layers of src/ and the graph of the README's architecture section: each
 * lists the layers directly below it, and may import those and everything
 * below them (never a sibling, never upwards). `vscode` says whether it may
 * import vscode; `browser` that it also runs in the page (no Node builtins).
 * Adding a layer is one row here plus its name in the `below` of the layers
 * right above it.
 */
const layers = {
  extension: { files: ['src/extension.ts', 'src/extension/**'], below: ['commands', 'webview', 'host', 'lm'], vscode: true },
  commands: { below: ['host'], vscode: true },
  webview: { below: ['host'], vscode: true },
  host: { below: ['chat'], vscode: true },
  // lm/ (Parley's profiles as vscode.lm models) sits beside host/ and reaches it only through its own interfaces.
  lm: { below: ['chat'], vscode: true },
  chat: { below: ['storage', 'providers', 'protocol', 'profiles', 'common'] },
  // storage/: the saved-conversation format, store and search index, below chat.
  storage: { below: ['net', 'protocol', 'common'] },
  providers: { below: ['net', 'profiles'] },
  net: { below: ['common'] },
  protocol: { below: [], browser: true },
  // profiles/ (the one schema of a provider profile) is a leaf like protocol/.
  profiles: { below: [] },
  // common/ (lifecycle helpers: Disposable base, DisposableStore; random ids) is a leaf the layers below chat use too.
  common: { below: [] },
  'webview-ui': { below: ['protocol'], browser: true },
};

/** The layers `name` may import: those below it, and everything below them. */
function reachable(name, seen = new Set()) {
  for (const next of layers[name].below) {
    if (!seen.has(next)) {
      seen.add(next);
      reachable(next, seen);
    }
  }
  return seen;
}

const architecture = '(see README, Architecture)';
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
// esquery ends a /regex/ at the first slash, so a slash inside one is written \u002F.
const pathSegment = (name) => `/(^|\\u002F)${escapeRegExp(name)}(\\u002F|$)/`;

/** no-restricted-syntax selectors for every form that loads a module by a string: import(), require(), `typeof import()`. */
function loading(valueTest, message) {
  return [
    { selector: `ImportExpression > Literal.source[value=${valueTest}]`, message },
    { selector: `CallExpression[callee.name='require'] > Literal.arguments[value=${valueTest}]`, message },
    { selector: `TSImportType > Literal.source[value=${valueTest}]`, message },
  ];
}

/** The import rules of one layer: static imports (no-restricted-imports) and dynamic ones (no-restricted-syntax). */
function layerRules(name, layer) {
  const allowed = reachable(name);
  const forbidden = Object.keys(layers).filter((other) => other !== name && !allowed.has(other));
  const flowMessage = (other) => `Imports flow downward only: src/${name} may not import src/${other} ${architecture}.`;
  const testMessage = 'src/ never imports test/: test code is not part of the extension.';
  const nodeMessage = `src/${name} runs in the browser: no Node builtins ${architecture}.`;
  return {
    files: layer.files ?? [`src/${name}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...(layer.vscode ? [] : [{ name: 'vscode', message: `src/${name} must stay free of vscode ${architecture}.` }]),
            ...(layer.browser ? nodeBuiltins.map((builtin) => ({ name: builtin, message: nodeMessage })) : []),
          ],
          patterns: [
            ...forbidden.map((other) => ({ group: [`**/${other}`, `**/${other}/**`], message: flowMessage(other) })),
            { group: ['**/test', '**/test/**'], message: testMessage },
            ...(layer.browser ? [{ group: ['node:*'], message: nodeMessage }] : []),
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "ImportExpression[source.type!='Literal']", message: 'import() takes a string literal, so lint can check where it points.' },
        {
          selector: "CallExpression[callee.name='require'][arguments.0.type!='Literal']",
          message: 'require() takes a string literal, so lint can check where it points.',
        },
        ...forbidden.flatMap((other) => loading(pathSegment(other), flowMessage(other))),
        ...loading(pathSegment('test'), testMessage),
        ...(layer.browser ? loading('/^node:/', nodeMessage) : []),
      ],
    },
  };
}

/**
 * Type-aware rules, for src/ only (both tsconfigs: the host's and the
 * webview's). A promise nobody awaits has its failure handled: `void promise`
 * is not enough (ignoreVoid: false) — start it with runInBackground
 * (src/net/background.ts). VS Code's Thenables are checked too, except the
 * notifications, which settle with the user's choice (undefined when
 * dismissed) and never reject.
 */
const typeAware = {
  files: ['src/**/*.ts'],
  languageOptions: {
    parserOptions: { project: ['./tsconfig.json', './tsconfig.webview.json'], tsconfigRootDir: import.meta.dirname },
  },
  rules: {
    '@typescript-eslint/no-floating-promises': [
      'error',
      {
        ignoreVoid: false,
        checkThenables: true,
        allowForKnownSafeCalls: [
          { from: 'package', package: 'vscode', name: ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'] },
        ],
      },
    ],
    '@typescript-eslint/no-misused-promises': 'error',
    '@typescript-eslint/await-thenable': 'error',
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.artifacts/**', '.vscode-test/**', '**/*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['src/webview-ui/**', 'test/e2e/pages/**'], languageOptions: { globals: { ...globals.browser } } },
  typeAware,
  ...Object.entries(layers).map(([name, layer]) => layerRules(name, layer)),
);
