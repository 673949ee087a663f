/** History entries: the host-side dialogs for rename, delete and export. */
import * as vscode from 'vscode';
import type { HistoryController } from '../chat/historyController';

/** Opens a conversation from the history; one saved by a newer Parley is explained instead, and its file left alone. */
export async function openFromHistory(history: HistoryController, id: string): Promise<void> {
  const newer = history.savedByNewerVersion(id);
  if (newer) {
    vscode.window.showWarningMessage(
      vscode.l10n.t(
        'The conversation “{0}” was saved by a newer version of Parley. Update Parley to open it; this version leaves the file as it is.',
        newer.title,
      ),
    );
    return;
  }
  await history.open(id);
}

/** Resolves with the new title once renamed. */
export async function renameConversation(history: HistoryController, id: string): Promise<string | undefined> {
  const current = await history.titleOf(id);
  if (current === undefined) return undefined;
  const title = await vscode.window.showInputBox({
    title: vscode.l10n.t('Rename conversation'),
    value: current,
    validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('The title cannot be empty.') : undefined),
  });
  if (title === undefined || title.trim() === '') return undefined;
  await history.rename(id, title);
  return history.titleOf(id);
}

/** Resolves true once deleted. */
export async function deleteConversation(history: HistoryController, id: string): Promise<boolean> {
  const title = await history.titleOf(id);
  if (title === undefined) return false;
  const remove = vscode.l10n.t('Delete');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete the conversation “{0}”?', title),
    { modal: true, detail: vscode.l10n.t('This cannot be undone.') },
    remove,
  );
  if (answer !== remove) return false;
  await history.delete(id);
  return true;
}

/** Asks where to save and writes the Markdown there. */
export async function saveMarkdown(markdown: string, title: string): Promise<void> {
  const safeName = title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().slice(0, 60) || 'conversation';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export conversation as Markdown'),
    filters: { Markdown: ['md'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${safeName}.md`) } : {}),
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
  vscode.window.showInformationMessage(vscode.l10n.t('Conversation exported to {0}', target.fsPath));
}

export async function exportConversation(history: HistoryController, id: string): Promise<void> {
  const markdown = await history.exportMarkdown(id);
  if (markdown === undefined) {
    vscode.window.showInformationMessage(vscode.l10n.t('This conversation is empty.'));
    return;
  }
  await saveMarkdown(markdown, (await history.titleOf(id)) ?? 'conversation');
}
