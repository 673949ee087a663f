// Helpers for the editor-surface integration tests (commands, prompts,
// settings, keys). They run inside the extension host with the real API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ParleyTestApi } from '../../../src/extension';
import { runnerConfig } from '../support/config';
import { parleyTestApi } from '../support/parley';

/** Parley's test API (activates the extension). */
export const parley = parleyTestApi;

const PARLEY_KEYS = ['providers', 'activeProvider', 'prompts'] as const;

/** Remembers Parley's global settings and puts them back (call in before/after). */
export function preserveParleySettings(): { save(): void; restore(): Promise<void> } {
  const saved = new Map<string, unknown>();
  return {
    save() {
      const config = vscode.workspace.getConfiguration('parley');
      for (const key of PARLEY_KEYS) saved.set(key, config.inspect(key)?.globalValue);
    },
    async restore() {
      const config = vscode.workspace.getConfiguration('parley');
      for (const key of PARLEY_KEYS) await config.update(key, saved.get(key), vscode.ConfigurationTarget.Global);
    },
  };
}

export async function setGlobal(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('parley').update(key, value, vscode.ConfigurationTarget.Global);
}

/** An editor on a document with `content`: a file in the workspace when there is one (so the name is relative), else untitled. */
export async function editorWith(content: string, name: string, language: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  let document: vscode.TextDocument;
  if (folder) {
    const uri = vscode.Uri.joinPath(folder.uri, '.parley-test', name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    document = await vscode.workspace.openTextDocument(uri);
  } else {
    document = await vscode.workspace.openTextDocument({ content, language });
  }
  if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  return vscode.window.showTextDocument(document);
}

export async function removeTestFiles(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  try {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, '.parley-test'), { recursive: true });
  } catch {
    // Nothing was written.
  }
}

/** Runs a command and returns the ask it produced (fails when it produced none). */
export async function askOf(api: ParleyTestApi, command: string, ...args: unknown[]) {
  const before = api.asks().length;
  await vscode.commands.executeCommand(command, ...args);
  const asks = api.asks();
  assert.equal(asks.length, before + 1, `${command} sent nothing to the chat`);
  return asks[asks.length - 1]!;
}

/** The three profiles the tests use: none needs a network. */
export const TEST_PROFILES = [
  { id: 'emma-test', kind: 'emma', label: 'Emma test', baseUrl: 'http://127.0.0.1:9/emma' },
  { id: 'local-test', kind: 'openai-compatible', label: 'Local', baseUrl: 'http://127.0.0.1:9/v1', model: 'test-model' },
  { id: 'secondme-test', kind: 'secondme', instanceId: 'abc123' },
];

/** The provider simulator's base URL when the runner started one; undefined otherwise (e.g. test-electron). */
export function simulatorUrl(): string | undefined {
  return runnerConfig().simulatorUrl;
}

/** Requests the simulator recorded (headers include keys: only compare, never print them). */
export interface SimulatedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  /** 'aborted' when the client closed the connection before the reply finished. */
  outcome: 'pending' | 'completed' | 'aborted';
}

export async function simulatorRequests(url: string): Promise<SimulatedRequest[]> {
  const response = await fetch(`${url}/__sim/requests`);
  return (await response.json()) as SimulatedRequest[];
}
