import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parleyExtension, startState } from './support/parley';

describe('activation', () => {
  it('is lazy: Parley is not active before one of its commands or views is used', () => {
    assert.equal(startState.parleyActiveBeforeTests, false);
  });

  it('activates when parley.focusChat runs', async () => {
    await vscode.commands.executeCommand('parley.focusChat');
    assert.equal(parleyExtension().isActive, true);
  });
});
