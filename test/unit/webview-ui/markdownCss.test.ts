// media/markdown.css may only take colours from the VS Code theme.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const css = readFileSync(path.resolve(__dirname, '../../../media/markdown.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

describe('media/markdown.css', () => {
  it('uses only --vscode-* custom properties', () => {
    const variables = [...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]);
    assert.ok(variables.length > 20);
    assert.deepEqual(variables.filter((name) => !name?.startsWith('--vscode-')), []);
  });

  it('contains no literal colours', () => {
    assert.deepEqual(css.match(/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(/gi) ?? [], []);
  });

  it('styles the classes the renderer emits', () => {
    for (const selector of ['.code-block-toolbar', '.code-block-action', '.task-list-checkbox', '.md-align-right', 'a[data-href]', '.hljs-keyword']) {
      assert.ok(css.includes(selector), selector);
    }
  });
});
