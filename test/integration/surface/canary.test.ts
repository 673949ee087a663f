// The canary: a key set through Parley must be found nowhere but SecretStorage —
// not in settings files, global/workspace state, the log (channel and files),
// exported chats, conversations on disk, anything the commands handed the chat, or
// what Parley's language models (vscode.lm) answered or threw.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ParleyTestApi } from '../../../src/extension';
import { TEST_PROFILES, editorWith, parley, preserveParleySettings, removeTestFiles, setGlobal, simulatorUrl } from './helpers';

const CANARY = `canary-${Date.now().toString(36)}-Zq7XwV3p`;

async function filesBelow(uri: vscode.Uri, depth = 6): Promise<vscode.Uri[]> {
  if (depth < 0) return [];
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(uri);
  } catch {
    return [];
  }
  const out: vscode.Uri[] = [];
  for (const [name, type] of entries) {
    const child = vscode.Uri.joinPath(uri, name);
    if (type === vscode.FileType.Directory) out.push(...(await filesBelow(child, depth - 1)));
    else if (type === vscode.FileType.File) out.push(child);
  }
  return out;
}

async function filesContaining(root: vscode.Uri, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const file of await filesBelow(root)) {
    const bytes = await vscode.workspace.fs.readFile(file);
    if (bytes.length < 20_000_000 && Buffer.from(bytes).includes(needle)) hits.push(file.fsPath);
  }
  return hits;
}

/** Everything a vscode.lm request to this Parley model yields: text parts, or the error's code and message. */
async function askLanguageModel(id: string, question: string): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  let model: vscode.LanguageModelChat | undefined;
  while (!model && Date.now() < deadline) {
    [model] = await vscode.lm.selectChatModels({ vendor: 'parley', id });
    if (!model) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.ok(model, `Parley's language model ${id} is listed`);
  const out: string[] = [];
  try {
    const response = await model.sendRequest([vscode.LanguageModelChatMessage.User(question)]);
    for await (const text of response.text) out.push(text);
  } catch (error) {
    out.push(error instanceof vscode.LanguageModelError ? `${error.code}: ${error.message}` : String(error));
  }
  return out;
}

describe('canary key', function () {
  // A long session of real requests; the machine may be under load.
  this.timeout(120_000);
  const settings = preserveParleySettings();
  const lmOutput: string[] = [];
  let api: ParleyTestApi;

  before(async () => {
    api = await parley();
    settings.save();
    await setGlobal('providers', TEST_PROFILES);
    await setGlobal('activeProvider', 'emma-test');
  });

  after(async () => {
    await api.secrets.delete('emma-test');
    await api.secrets.delete('sim-canary');
    await settings.restore();
    await removeTestFiles();
  });

  it('is found nowhere but SecretStorage after a session of commands, errors, export and logs', async () => {
    await vscode.commands.executeCommand('parley.setApiKey', 'emma-test', CANARY);
    assert.equal(await api.secrets.get('emma-test'), CANARY, 'the canary is in SecretStorage');

    // A session: commands on a selection, a plain question, a bad setting, an export, the logs.
    const editor = await editorWith('export const x = 1;\nexport const y = x + 1;\n', 'canary.ts', 'typescript');
    editor.selection = new vscode.Selection(0, 0, 1, 23);
    await vscode.commands.executeCommand('parley.explainSelection');
    await vscode.commands.executeCommand('parley.askAboutSelection', 'Is this right?');
    await vscode.commands.executeCommand('parley.ask', 'Hello');
    await setGlobal('providers', [...TEST_PROFILES, { id: 'broken', kind: 'emma', options: { temperature: 9 } }]);
    api.settingsProblems();
    api.source.deps().log?.(`provider log line with X-API-Key: ${CANARY} and Bearer ${CANARY}`);
    // With the chat view and the simulator: real requests, one rejected with the canary as key
    // (the simulator echoes a wrong OpenAI key in its error body on purpose), one that succeeds.
    const sim = simulatorUrl();
    if (sim && api.webviewMessages) {
      await setGlobal('providers', [
        ...TEST_PROFILES,
        { id: 'sim-canary', kind: 'openai-compatible', label: 'Canary', baseUrl: `${sim}/v1`, model: 'spark-v3' },
        { id: 'sim-local', kind: 'openai-compatible', label: 'Local', baseUrl: `${sim}/local/v1`, model: 'any-model' },
      ]);
      await vscode.commands.executeCommand('parley.setApiKey', 'sim-canary', CANARY);
      await setGlobal('activeProvider', 'sim-canary');
      await vscode.commands.executeCommand('parley.ask', 'Does this key work?');
      await setGlobal('activeProvider', 'sim-local');
      await vscode.commands.executeCommand('parley.explainSelection');
      // The same key through Parley's language models (vscode.lm), as another extension would use it.
      lmOutput.push(...(await askLanguageModel('sim-canary/spark-v3', 'Does this key work?')));
    }
    await vscode.commands.executeCommand('parley.showLogs');
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder) {
      await vscode.commands.executeCommand('parley.exportChat', vscode.Uri.joinPath(folder.uri, '.parley-test', 'export.md'));
    }

    // Settings: every scope of every parley.* and http.* setting, and the user settings file.
    const config = vscode.workspace.getConfiguration();
    for (const key of ['parley.providers', 'parley.activeProvider', 'parley.prompts', 'http.proxy']) {
      assert.ok(!JSON.stringify(config.inspect(key) ?? {}).includes(CANARY), `setting ${key}`);
    }
    const userDir = vscode.Uri.joinPath(api.globalStorageUri, '..', '..');
    assert.deepEqual(await filesContaining(userDir, CANARY).then((hits) => hits.filter((h) => !/secret|\.vscdb/i.test(h))), [],
      'no file of the user data folder (settings.json, global storage) holds the canary');

    // State, log channel lines, log files on disk.
    assert.ok(!api.stateSnapshot().includes(CANARY), 'global/workspace state');
    assert.ok(api.logLines().length > 0);
    assert.ok(!api.logLines().some((line) => line.includes(CANARY)), 'log channel');
    const logsRoot = vscode.Uri.joinPath(api.logUri, '..', '..');
    assert.deepEqual(await filesContaining(logsRoot, CANARY), [], 'log files');

    // What Parley's language models answered or threw (when the simulator ran).
    if (sim) assert.ok(lmOutput.length > 0, 'the vscode.lm request ran');
    assert.ok(!lmOutput.some((text) => text.includes(CANARY)), 'vscode.lm errors and response parts');

    // What the commands handed the chat, and the export (when there was one).
    assert.ok(api.asks().length >= 3);
    assert.ok(!JSON.stringify(api.asks()).includes(CANARY), 'asks to the chat');
    if (folder) assert.deepEqual(await filesContaining(vscode.Uri.joinPath(folder.uri, '.parley-test'), CANARY), [], 'exported files');

    // Every message posted to the chat webview (and its state), when the chat view is wired.
    if (api.webviewMessages) {
      const posted = api.webviewMessages();
      assert.ok(posted.length > 1);
      assert.ok(!posted.some((m) => m.includes(CANARY)), 'webview messages');
    }
  });
});
