/**
 * The composer's paperclip / `#`: a quick pick of workspace files (VS Code's
 * fuzzy filter), files open in editors first. Respects `files.exclude` (via
 * findFiles) and `.gitignore`.
 */
import * as vscode from 'vscode';
import { withoutGitignored } from './gitignoreFilter';

/**
 * Most files asked of findFiles, and most listed. findFiles applies `files.exclude`
 * but not `.gitignore` (filtered afterwards), so it is asked for more than are shown:
 * an ignored node_modules must not use up the list.
 */
const MAX_FOUND = 20_000;
const MAX_LISTED = 5_000;

type FileItem = vscode.QuickPickItem & { uri?: vscode.Uri };

function item(uri: vscode.Uri): FileItem {
  const relative = vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
  const slash = relative.lastIndexOf('/');
  return { label: relative.slice(slash + 1), description: slash > 0 ? relative.slice(0, slash) : '', uri };
}

/** Files shown in editor tabs (text and notebooks), in tab order, without duplicates. */
function openEditorUris(): vscode.Uri[] {
  const seen = new Set<string>();
  const uris: vscode.Uri[] = [];
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const input = tab.input;
      const uri =
        input instanceof vscode.TabInputText || input instanceof vscode.TabInputNotebook ? input.uri : undefined;
      if (!uri || uri.scheme === 'output' || seen.has(uri.toString())) continue;
      seen.add(uri.toString());
      uris.push(uri);
    }
  }
  return uris;
}

export async function pickWorkspaceFile(): Promise<vscode.Uri | undefined> {
  const open = openEditorUris();
  const openKeys = new Set(open.map((u) => u.toString()));
  const found = await withoutGitignored(await vscode.workspace.findFiles('**/*', undefined, MAX_FOUND));
  const rest = found
    .filter((u) => !openKeys.has(u.toString()))
    .sort((a, b) => a.path.localeCompare(b.path))
    .slice(0, MAX_LISTED);
  const items: FileItem[] = [
    ...(open.length ? [{ label: vscode.l10n.t('Open editors'), kind: vscode.QuickPickItemKind.Separator }, ...open.map(item)] : []),
    ...(rest.length ? [{ label: vscode.l10n.t('Workspace files'), kind: vscode.QuickPickItemKind.Separator }, ...rest.map(item)] : []),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Attach a File to Parley Chat'),
    placeHolder: vscode.l10n.t('Type to search files'),
    matchOnDescription: true,
  });
  return picked?.uri;
}
