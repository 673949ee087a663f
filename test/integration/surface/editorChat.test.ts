// Open Chat in Editor inside VS Code: the command is registered, opens a chat
// session in an editor tab (Parley's webview panel) that commands then go to,
// and a tab restored from its saved page state (the serializer's path after a
// reload) shows its conversation again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ParleyTestApi } from '../../../src/extension';
import { parley, preserveParleySettings, removeTestFiles, setGlobal, simulatorUrl } from './helpers';

const VIEW_TYPE = 'parley.chatEditor';

function chatTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE));
}

/** Resolves once `check` holds (tab changes arrive as events from the workbench). */
async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Open Chat in Editor', () => {
  const settings = preserveParleySettings();
  let api: ParleyTestApi;

  before(async () => {
    api = await parley();
    settings.save();
  });

  after(async () => {
    await settings.restore();
    await removeTestFiles();
  });

  it('registers parley.openChatInEditor, which opens a chat tab that commands then go to', async function () {
    assert.ok((await vscode.commands.getCommands(true)).includes('parley.openChatInEditor'));
    const before = chatTabs().length;
    await vscode.commands.executeCommand('parley.openChatInEditor');
    await until(() => chatTabs().length === before + 1, 'the chat tab');
    assert.ok(api.sessionConversations, 'the chat sessions are wired');
    const sim = simulatorUrl();
    if (!sim) this.skip();
    await setGlobal('providers', [{ id: 'sim-local', kind: 'openai-compatible', label: 'Local (simulator)', baseUrl: `${sim}/local/v1`, model: 'any-model' }]);
    await setGlobal('activeProvider', 'sim-local');
    await vscode.commands.executeCommand('parley.ask', 'Hello from the editor tab (integration)');
    // The tab had the focus last: the question went there, and the tab is named after it.
    await until(() => chatTabs().some((tab) => tab.label === 'Hello from the editor tab (integration)'), 'the tab titled after its question');
  });

  it('restores a tab from its saved page state with its conversation (the serializer path)', async function () {
    const sim = simulatorUrl();
    if (!sim || !api.reviveEditorChat || !api.sessionConversations) this.skip();
    await setGlobal('providers', [{ id: 'sim-local', kind: 'openai-compatible', label: 'Local (simulator)', baseUrl: `${sim}/local/v1`, model: 'any-model' }]);
    await setGlobal('activeProvider', 'sim-local');
    await vscode.commands.executeCommand('parley.openChatInEditor');
    await vscode.commands.executeCommand('parley.ask', 'A conversation to restore (integration)');
    await until(() => chatTabs().some((tab) => tab.label === 'A conversation to restore (integration)'), 'the asked tab');
    const id = api.sessionConversations().at(-1);
    assert.ok(id);
    // Close it (as the window would on reload), then restore it from the state its page saved.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await until(() => !chatTabs().some((tab) => tab.label === 'A conversation to restore (integration)'), 'the tab to close');
    assert.ok(!api.sessionConversations().includes(id), 'its session ended with the tab');
    const restored = await api.reviveEditorChat({ conversationId: id, draft: '' });
    assert.equal(restored, id);
    await until(() => chatTabs().some((tab) => tab.label === 'A conversation to restore (integration)'), 'the restored tab');
    // A state that is not a conversation id (the page is untrusted) restores an empty chat, not a file path.
    const other = await api.reviveEditorChat({ conversationId: '../../settings' });
    assert.notEqual(other, '../../settings');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
