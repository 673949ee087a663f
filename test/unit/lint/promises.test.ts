/**
 * The type-aware promise rules of eslint.config.mjs (src/ only): a promise
 * nobody awaits must have its failure handled — `void` does not count — and
 * an async function may not go where a plain callback is expected.
 * Removing a rule (or its options) from the config fails its test here.
 */
import assert from 'node:assert/strict';
import { lintMessages } from './lintSnippet';

const FLOATING = '@typescript-eslint/no-floating-promises';
const MISUSED = '@typescript-eslint/no-misused-promises';

const save = 'async function save(): Promise<void> {\n  await Promise.resolve();\n}\n';

describe('lint: promises nobody awaits (eslint.config.mjs)', function () {
  // The first lint builds both TypeScript programs (type-aware rules); slow on a busy machine.
  this.timeout(180_000);

  it('flags `void promise` (no ignoreVoid)', async () => {
    const messages = await lintMessages('chat', `${save}export function start(): void {\n  void save();\n}\n`, FLOATING);
    assert.equal(messages.length, 1);
  });

  it('flags a bare promise statement', async () => {
    assert.equal((await lintMessages('chat', `${save}export function start(): void {\n  save();\n}\n`, FLOATING)).length, 1);
  });

  it('accepts a promise started with runInBackground', async () => {
    const code = `import { logFailure, runInBackground } from '../net/background';\n${save}export function start(log: (line: string) => void): void {\n  runInBackground(save(), logFailure('saving', log));\n}\n`;
    assert.deepEqual(await lintMessages('chat', code, FLOATING), []);
  });

  it('flags a VS Code Thenable that can reject (checkThenables)', async () => {
    const code = "import * as vscode from 'vscode';\nexport function open(): void {\n  void vscode.commands.executeCommand('workbench.action.openSettingsJson');\n}\n";
    assert.equal((await lintMessages('host', code, FLOATING)).length, 1);
  });

  it('accepts a VS Code notification, which never rejects', async () => {
    const code = "import * as vscode from 'vscode';\nexport function tell(): void {\n  vscode.window.showInformationMessage('done');\n}\n";
    assert.deepEqual(await lintMessages('host', code, FLOATING), []);
  });

  it('checks the webview page too (its own tsconfig)', async () => {
    assert.equal((await lintMessages('webview-ui', `${save}export function start(): void {\n  void save();\n}\n`, FLOATING)).length, 1);
  });

  it('flags an async callback where a plain one is expected (no-misused-promises)', async () => {
    const code = `${save}export function each(ids: string[]): void {\n  ids.forEach(async () => {\n    await save();\n  });\n}\n`;
    assert.equal((await lintMessages('chat', code, MISUSED)).length, 1);
  });
});
