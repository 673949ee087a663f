import assert from 'node:assert/strict';
import { toLanguageId } from '../../../src/webview/languageIds';
import { allowedExternalUrl } from '../../../src/webview/linkPolicy';
import { isOfferedModel } from '../../../src/webview/offeredModel';
import { proposedText } from '../../../src/webview/proposedText';

describe('chat view host helpers', () => {
  it('maps fence languages to VS Code language ids, falling back to plaintext', () => {
    const known = ['typescript', 'python', 'shellscript', 'plaintext', 'rust', 'go'];
    assert.equal(toLanguageId('ts', known), 'typescript');
    assert.equal(toLanguageId('Python', known), 'python');
    assert.equal(toLanguageId('bash', known), 'shellscript');
    assert.equal(toLanguageId('go', known), 'go');
    assert.equal(toLanguageId('', known), 'plaintext');
    assert.equal(toLanguageId('brainfuck', known), 'plaintext');
  });

  it('opens only http and https links', () => {
    assert.equal(allowedExternalUrl('https://example.com/a?b=1'), 'https://example.com/a?b=1');
    assert.equal(allowedExternalUrl('http://example.com'), 'http://example.com/');
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>1</script>', 'file:///etc/passwd', 'command:workbench.action.quit', 'vscode://x', '/relative', 'not a url']) {
      assert.equal(allowedExternalUrl(bad), undefined, bad);
    }
  });

  it('Apply as Diff replaces the selection when there is one, else the whole file', () => {
    const file = 'const a = 1;\nconst b = 2;\n';
    assert.equal(proposedText(file, 13, 25, 'const b = 3;'), 'const a = 1;\nconst b = 3;\n');
    assert.equal(proposedText(file, 5, 5, 'whole new file\n'), 'whole new file\n');
  });

  it('accepts a model chosen in the view only when the view was offered it for that profile', () => {
    const providers = [
      { id: 'emma', label: 'Emma', kind: 'emma' as const, model: 'emma-5', models: ['emma-5', 'emma-4', 'emma-3'] },
      { id: 'local', label: 'Local', kind: 'openai-compatible' as const, model: 'llama3' },
    ];
    assert.equal(isOfferedModel(providers, 'emma', 'emma-4'), true);
    assert.equal(isOfferedModel(providers, 'emma', 'emma-9'), false);
    assert.equal(isOfferedModel(providers, 'local', 'llama3'), false, 'no list offered, nothing accepted');
    assert.equal(isOfferedModel(providers, 'ghost', 'emma-4'), false);
  });
});
