/**
 * Add Selection to Parley Chat and Add File to Parley Chat: they reveal the
 * chat view and add chips to the composer without sending anything.
 */
import * as vscode from 'vscode';
import { fromDocument, fromUri, reportRefusals, split, type AttachResult } from '../host/attachmentReader';
import type { CommandDeps } from './deps';

/** The editor to take a selection from: the active one unless it shows an output channel (e.g. Parley's log). */
function sourceEditor(): vscode.TextEditor | undefined {
  const isSource = (editor: vscode.TextEditor | undefined) => !!editor && editor.document.uri.scheme !== 'output';
  const active = vscode.window.activeTextEditor;
  return isSource(active) ? active : vscode.window.visibleTextEditors.find(isSource);
}

async function attach(deps: CommandDeps, results: readonly AttachResult[]): Promise<void> {
  const { attachments, refusals } = split(results);
  reportRefusals(refusals);
  if (attachments.length === 0) return;
  const added = await deps.chat.addAttachments(attachments);
  deps.log.info(`attached ${added} of ${attachments.length} item(s) to the composer`);
}

/** Every non-empty selection of the editor (several cursors → several chips); the whole document when none. */
async function addSelection(deps: CommandDeps): Promise<void> {
  const editor = sourceEditor();
  if (!editor) {
    vscode.window.showInformationMessage(vscode.l10n.t('Add Selection to Parley Chat: open a file and select some code first.'));
    return;
  }
  const selections = editor.selections.filter((s) => !s.isEmpty);
  const results = selections.length
    ? [...selections].sort((a, b) => a.start.compareTo(b.start)).map((s) => fromDocument(editor.document, s))
    : [fromDocument(editor.document)];
  await attach(deps, results);
}

/** From the Explorer or an editor tab: the clicked file, or all selected ones; from the palette: the active editor's file. */
async function addFiles(deps: CommandDeps, clicked?: unknown, selected?: unknown): Promise<void> {
  const uris = Array.isArray(selected) && selected.every((u) => u instanceof vscode.Uri) && selected.length > 0
    ? (selected as vscode.Uri[])
    : clicked instanceof vscode.Uri
      ? [clicked]
      : [];
  if (uris.length === 0) {
    const editor = sourceEditor();
    if (!editor) {
      vscode.window.showInformationMessage(vscode.l10n.t('Add File to Parley Chat: choose a file in the Explorer or open one first.'));
      return;
    }
    await attach(deps, [fromDocument(editor.document)]);
    return;
  }
  await attach(deps, await Promise.all(uris.map((uri) => fromUri(uri))));
}

export function registerAttachCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('parley.addSelectionToChat', () => addSelection(deps)),
    vscode.commands.registerCommand('parley.addFileToChat', (clicked?: unknown, selected?: unknown) => addFiles(deps, clicked, selected)),
  ];
}
