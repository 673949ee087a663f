// The reproduction of "a proxy password in the error card, the saved
// conversation and the export", inside VS Code: `"http.proxy":
// "user:PASSWORD@127.0.0.1:99999"` (no scheme, a port URL parsers refuse) makes
// the request fail, and the password must appear in none of the sinks — the
// card (every message posted to the view), the conversation files, the
// exported Markdown, the log channel and the log files on disk.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ParleyTestApi } from '../../../src/extension';
import { parley, preserveParleySettings, removeTestFiles, setGlobal, simulatorUrl } from './helpers';

const PASSWORD = `Pw${Date.now().toString(36)}Xq9`;

async function textsBelow(root: vscode.Uri, depth = 6): Promise<{ file: string; text: string }[]> {
  if (depth < 0) return [];
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(root);
  } catch {
    return [];
  }
  const out: { file: string; text: string }[] = [];
  for (const [name, type] of entries) {
    const child = vscode.Uri.joinPath(root, name);
    if (type === vscode.FileType.Directory) out.push(...(await textsBelow(child, depth - 1)));
    else if (type === vscode.FileType.File) out.push({ file: child.fsPath, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(child)) });
  }
  return out;
}

describe('a proxy password is in no card, file, export or log', () => {
  const settings = preserveParleySettings();
  let api: ParleyTestApi;
  let savedProxy: unknown;

  before(async function () {
    api = await parley();
    const sim = simulatorUrl();
    if (!sim || !api.webviewMessages || !vscode.workspace.workspaceFolders?.length) this.skip();
    settings.save();
    savedProxy = vscode.workspace.getConfiguration('http').inspect('proxy')?.globalValue;
    await setGlobal('providers', [{ id: 'sim-local', kind: 'openai-compatible', label: 'Local', baseUrl: `${sim}/local/v1`, model: 'any-model' }]);
    await setGlobal('activeProvider', 'sim-local');
  });

  after(async () => {
    if (!api?.webviewMessages) return;
    await vscode.workspace.getConfiguration('http').update('proxy', savedProxy, vscode.ConfigurationTarget.Global);
    await settings.restore();
    await removeTestFiles();
  });

  it('"http.proxy": "user:PASSWORD@127.0.0.1:99999" → a clear card naming the setting, the password nowhere', async () => {
    await vscode.workspace.getConfiguration('http').update('proxy', `user:${PASSWORD}@127.0.0.1:99999`, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('parley.newChat');
    await vscode.commands.executeCommand('parley.ask', 'Through my proxy, please');

    const posted = api.webviewMessages!();
    const card = posted.filter((m) => m.includes('http.proxy')).at(-1);
    assert.ok(card, 'an error card names the proxy setting');
    assert.match(card, /is not a valid URL/);
    assert.ok(!posted.some((m) => m.includes(PASSWORD)), 'messages posted to the chat view');

    const folder = vscode.workspace.workspaceFolders![0]!;
    const exported = vscode.Uri.joinPath(folder.uri, '.parley-test', 'proxy-export.md');
    await vscode.commands.executeCommand('parley.exportChat', exported);
    const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(exported));
    assert.match(markdown, /http\.proxy/);
    assert.ok(!markdown.includes(PASSWORD), 'the exported Markdown');

    const conversations = await textsBelow(vscode.Uri.joinPath(api.globalStorageUri, 'conversations'));
    assert.ok(conversations.some((c) => c.text.includes('http.proxy')), 'the conversation with its card was saved');
    assert.deepEqual(conversations.filter((c) => c.text.includes(PASSWORD)).map((c) => c.file), [], 'saved conversation files');

    assert.ok(!api.logLines().some((line) => line.includes(PASSWORD)), 'the log channel');
    // Parley's log files (VS Code's own logs, e.g. its agent host's, may echo settings: not Parley's to redact).
    const logsRoot = vscode.Uri.joinPath(api.logUri, '..', '..');
    const logs = (await textsBelow(logsRoot)).filter((l) => /parley/i.test(l.file.slice(logsRoot.fsPath.length)));
    assert.ok(logs.length > 0, 'Parley writes a log file');
    assert.deepEqual(logs.filter((l) => l.text.includes(PASSWORD)).map((l) => l.file), [], 'Parley log files on disk');
  });
});
