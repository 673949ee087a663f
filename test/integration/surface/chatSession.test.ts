// Commands → chat view → provider layer → simulator, inside VS Code: the
// prompt each command builds from a real selection is what reaches the
// simulator, and the reply lands in the conversation that Export writes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ParleyTestApi } from '../../../src/extension';
import { editorWith, parley, preserveParleySettings, removeTestFiles, setGlobal, simulatorRequests, simulatorUrl } from './helpers';

const SOURCE = ['export function mean(values: number[]): number {', '  let total = 0;', '  for (const v of values) total += v;', '  return total / values.length;', '}', ''].join('\n');

describe('commands through the chat view to the simulator', () => {
  const settings = preserveParleySettings();
  let api: ParleyTestApi;
  let sim: string;

  before(async function () {
    api = await parley();
    const url = simulatorUrl();
    // Needs the runner's simulator and the real chat view (wired in extension.ts).
    if (!url || !api.webviewMessages) this.skip();
    sim = url;
    settings.save();
    await setGlobal('providers', [
      { id: 'sim-emma', kind: 'emma', label: 'Emma (simulator)', baseUrl: sim },
      { id: 'sim-local', kind: 'openai-compatible', label: 'Local (simulator)', baseUrl: `${sim}/local/v1`, model: 'any-model' },
    ]);
    await vscode.commands.executeCommand('parley.setApiKey', 'sim-emma', 'sim-emma-key');
  });

  after(async () => {
    if (!sim) return;
    await api.secrets.delete('sim-emma');
    await settings.restore();
    await removeTestFiles();
  });

  for (const command of ['parley.explainSelection', 'parley.findBugs', 'parley.refactor', 'parley.writeTests', 'parley.addDocumentation']) {
    it(`${command}: the prompt built from the selection reaches Emma's message field`, async () => {
      await setGlobal('activeProvider', 'sim-emma');
      const editor = await editorWith(SOURCE, 'mean.ts', 'typescript');
      editor.selection = new vscode.Selection(0, 0, 4, 1);
      await vscode.commands.executeCommand(command);
      const sent = api.asks().at(-1)!;
      const request = (await simulatorRequests(sim)).filter((r) => r.path === '/api/chat/stream').at(-1);
      assert.ok(request, 'Emma was called');
      const message = (request.body as { message?: string }).message ?? '';
      assert.equal(message, sent.prompt);
      assert.match(message, /```typescript \S*mean\.ts:1-5\nexport function mean/);
    });
  }

  it('Ask About Selection reaches an OpenAI-compatible endpoint as the last user message', async () => {
    await setGlobal('activeProvider', 'sim-local');
    const editor = await editorWith(SOURCE, 'mean2.ts', 'typescript');
    editor.selection = new vscode.Selection(1, 0, 3, 30);
    await vscode.commands.executeCommand('parley.askAboutSelection', 'What if values is empty?');
    const request = (await simulatorRequests(sim)).filter((r) => r.path === '/local/v1/chat/completions').at(-1);
    assert.ok(request, 'the endpoint was called');
    const messages = (request.body as { messages: { role: string; content: string }[] }).messages;
    const last = messages.at(-1)!;
    assert.equal(last.role, 'user');
    assert.match(last.content, /^What if values is empty\?\n\nThe question is about this typescript code/);
    assert.match(last.content, /```typescript \S*mean2\.ts:2-4\n {2}let total = 0;/);
  });

  it('Export Chat as Markdown writes the conversation', async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) this.skip();
    const target = vscode.Uri.joinPath(folder.uri, '.parley-test', 'chat.md');
    await vscode.commands.executeCommand('parley.exportChat', target);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /What if values is empty\?/);
  });
});
