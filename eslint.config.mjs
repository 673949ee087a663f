// Lint rules, including the layering rule from the README's architecture
// section: the pure layers never import `vscode`, and imports only flow
// downward (extension → commands | webview | host | lm → chat → providers → net;
// protocol is a leaf shared by webview, chat and webview-ui).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layers = ['extension', 'commands', 'webview', 'host', 'lm', 'chat', 'storage', 'providers', 'net', 'protocol', 'webview-ui'];
const noVscode = { name: 'vscode', message: 'This layer must stay free of vscode (see README, Architecture).' };

/** Forbids importing the given sibling layers (relative imports) and, optionally, vscode. */
function layerRule(files, forbiddenLayers, forbidVscode) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbidVscode ? [noVscode] : [],
          patterns: forbiddenLayers.map((layer) => ({
            group: [`**/${layer}`, `**/${layer}/**`],
            message: `Imports flow downward only: this layer may not import src/${layer} (see README, Architecture).`,
          })),
        },
      ],
    },
  };
}

const except = (...allowed) => layers.filter((l) => !allowed.includes(l));

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
  layerRule(['src/net/**'], except('net'), true),
  layerRule(['src/providers/**'], except('providers', 'net'), true),
  layerRule(['src/chat/**'], except('chat', 'storage', 'providers', 'net', 'protocol'), true),
  // storage/: the saved-conversation format, store and search index, below chat.
  layerRule(['src/storage/**'], except('storage', 'net', 'protocol'), true),
  layerRule(['src/protocol/**'], except('protocol'), true),
  layerRule(['src/webview-ui/**'], except('webview-ui', 'protocol'), true),
  layerRule(['src/host/**'], ['extension', 'commands', 'webview', 'lm', 'webview-ui'], false),
  // lm/ (Parley's profiles as vscode.lm models) sits beside host/ and reaches it only through its own interfaces.
  layerRule(['src/lm/**'], ['extension', 'commands', 'webview', 'host', 'webview-ui'], false),
  layerRule(['src/commands/**', 'src/webview/**'], ['extension', 'lm', 'webview-ui'], false),
);
