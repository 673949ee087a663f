// Access to the Parley extension under test.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ParleyTestApi } from '../../../src/extension';

export const PARLEY_ID = 'parley-dev.parley';

export function parleyExtension(): vscode.Extension<ParleyTestApi | undefined> {
  const extension = vscode.extensions.getExtension<ParleyTestApi | undefined>(PARLEY_ID);
  assert.ok(extension, `${PARLEY_ID} is not loaded in this extension host`);
  return extension;
}

/** Activates Parley (if needed) and returns its test API (only present in ExtensionMode.Test). */
export async function parleyTestApi(): Promise<ParleyTestApi> {
  const api = await parleyExtension().activate();
  assert.ok(api, 'Parley returned no test API: is the extension running in ExtensionMode.Test?');
  return api;
}

/** Whether Parley was already active when the suite started (set by run-suite.ts before any test). */
export const startState = { parleyActiveBeforeTests: undefined as boolean | undefined };
