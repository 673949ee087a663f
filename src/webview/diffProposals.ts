/**
 * "Apply as Diff": opens VS Code's diff editor with the active file on the
 * left and, on the right, a read-only virtual document holding the file as it
 * would be with the code applied — replacing the selection when there is one,
 * else the whole file. Nothing changes on disk; the user takes what they want
 * (e.g. with Replace Selection, or by copying from the right side).
 */
import * as vscode from 'vscode';
import { proposedText } from './proposedText';

export const DIFF_SCHEME = 'parley-proposal';

export class DiffProposals implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private counter = 0;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  async show(editor: vscode.TextEditor, code: string, title: string): Promise<void> {
    const document = editor.document;
    const name = document.uri.path.split('/').pop() || 'untitled';
    const uri = vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/${++this.counter}/${name}` });
    const { start, end } = editor.selection;
    this.contents.set(uri.toString(), proposedText(document.getText(), document.offsetAt(start), document.offsetAt(end), code));
    // Keep memory bounded: only the latest proposals stay available.
    if (this.contents.size > 20) this.contents.delete(this.contents.keys().next().value as string);
    await vscode.commands.executeCommand('vscode.diff', document.uri, uri, title, { preview: true });
  }

  dispose(): void {
    this.registration.dispose();
    this.contents.clear();
  }
}
