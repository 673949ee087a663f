import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parleyExtension } from './support/parley';

interface ContributedCommand {
  command: string;
}

describe('commands', () => {
  it('registers every command that package.json contributes', async () => {
    const extension = parleyExtension();
    await extension.activate();
    const contributed = (extension.packageJSON.contributes.commands as ContributedCommand[]).map((c) => c.command);
    assert.ok(contributed.includes('parley.focusChat'));
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});
