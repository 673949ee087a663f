/** What the code-block buttons of a reply do in the editor. */
import * as vscode from 'vscode';
import type { WebviewMessage } from '../protocol/messages';
import { DiffProposals } from './diffProposals';
import { toLanguageId } from './languageIds';

type CodeAction = Extract<WebviewMessage, { type: 'codeAction' }>;

export class CodeActions implements vscode.Disposable {
  private readonly proposals = new DiffProposals();

  async run({ action, code, language }: CodeAction): Promise<void> {
    if (action === 'copy') return vscode.env.clipboard.writeText(code);
    if (action === 'newFile') {
      const languageId = toLanguageId(language, await vscode.languages.getLanguages());
      const document = await vscode.workspace.openTextDocument({ language: languageId, content: code });
      await vscode.window.showTextDocument(document);
      return;
    }
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
    if (!editor) {
      vscode.window.showInformationMessage(vscode.l10n.t('Open a file in the editor first.'));
      return;
    }
    if (action === 'insert') {
      await editor.edit((edit) => edit.insert(editor.selection.active, code));
    } else if (action === 'replace') {
      await editor.edit((edit) => edit.replace(editor.selection, code));
    } else {
      const name = editor.document.uri.path.split('/').pop() ?? '';
      await this.proposals.show(editor, code, vscode.l10n.t('{0} ↔ Parley suggestion', name));
    }
  }

  dispose(): void {
    this.proposals.dispose();
  }
}
