/** New Chat, Focus Chat, Open Chat in Editor, Show Chat History, Export Chat as Markdown, Show Logs. */
import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { logFailure, runInBackground } from '../net/background';

function defaultExportUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const stamp = new Date().toISOString().slice(0, 16).replace(/[T:]/g, '-');
  return folder ? vscode.Uri.joinPath(folder, `parley-chat-${stamp}.md`) : undefined;
}

/** Writes the current conversation as Markdown; `target` skips the save dialog (used by tests and scripts). */
async function exportChat(deps: CommandDeps, target?: unknown): Promise<vscode.Uri | undefined> {
  const markdown = deps.chat.exportMarkdown();
  if (markdown === undefined) {
    vscode.window.showInformationMessage(vscode.l10n.t('The chat is empty: there is nothing to export yet.'));
    return undefined;
  }
  const defaultUri = defaultExportUri();
  // A target from a caller (tests, scripts) must be a Markdown file: a command link cannot overwrite anything else.
  const given = target instanceof vscode.Uri && target.path.toLowerCase().endsWith('.md') ? target : undefined;
  const uri =
    given
      ? given
      : await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Export Chat as Markdown'),
          filters: { Markdown: ['md'] },
          ...(defaultUri ? { defaultUri } : {}),
        });
  if (!uri) return undefined;
  // The chat promises no key in its export; redact anyway with the keys known to this session.
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(deps.log.redact(markdown)));
  deps.log.info(`chat exported (${markdown.length} chars)`);
  if (!given) {
    const open = vscode.l10n.t('Open');
    const opened = vscode.window.showInformationMessage(vscode.l10n.t('Chat exported to {0}.', vscode.workspace.asRelativePath(uri)), open).then(async (c) => {
      if (c === open) await vscode.window.showTextDocument(uri);
    });
    runInBackground(opened, logFailure('opening the exported chat', (line) => deps.log.error(line)));
  }
  return uri;
}

export function registerChatCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('parley.focusChat', () => deps.chat.reveal()),
    // Shows the session it cleared (once), with the focus in its composer.
    vscode.commands.registerCommand('parley.newChat', () => deps.chat.newChat()),
    vscode.commands.registerCommand('parley.openChatInEditor', () => deps.sessions.openInEditor()),
    vscode.commands.registerCommand('parley.showHistory', () => deps.sessions.showHistory()),
    vscode.commands.registerCommand('parley.exportChat', (target?: unknown) => exportChat(deps, target)),
    vscode.commands.registerCommand('parley.showLogs', () => deps.log.show()),
  ];
}
