/**
 * The composer's attachment actions on the host side: the paperclip / `#`
 * picker, the active-editor suggestion chip, files dropped on the view and
 * removing a chip. What cannot be attached is refused with the reason.
 */
import * as vscode from 'vscode';
import { Disposable } from '../common/lifecycle';
import type { ChatController } from '../chat/chatController';
import { fromDocument, fromUri, reportRefusals, split, type AttachResult } from '../host/attachmentReader';
import { attachmentPath } from '../host/attachmentReader';
import { pickWorkspaceFile } from '../host/workspaceFilePicker';
import type { HostMessage } from '../protocol/messages';

/** URI schemes a dropped item may use: files of this machine or the remote workspace, and open untitled editors. */
const DROP_SCHEMES = new Set(['file', 'vscode-remote', 'vscode-userdata', 'untitled', 'vscode-notebook-cell']);

export class ComposerAttachments extends Disposable {
  /** The document the suggestion chip stands for. */
  private suggested: vscode.TextDocument | undefined;

  constructor(
    private readonly chat: ChatController,
    private readonly post: (message: HostMessage) => void,
  ) {
    super();
    this.register(vscode.window.onDidChangeActiveTextEditor((editor) => this.suggest(editor)));
    this.suggest(vscode.window.activeTextEditor);
  }

  async add(results: readonly AttachResult[]): Promise<void> {
    const { attachments, refusals } = split(results);
    if (attachments.length) await this.chat.addAttachments(attachments);
    reportRefusals(refusals);
  }

  async pick(viaHash: boolean): Promise<void> {
    const uri = await pickWorkspaceFile();
    if (!uri) {
      if (viaHash) this.post({ type: 'pickCancelled' });
      this.post({ type: 'focusInput' });
      return;
    }
    await this.add([await fromUri(uri)]);
    this.post({ type: 'focusInput' });
  }

  async attachSuggestion(): Promise<void> {
    if (this.suggested && !this.suggested.isClosed) await this.add([fromDocument(this.suggested)]);
    this.post({ type: 'focusInput' });
  }

  async drop(uris: readonly string[]): Promise<void> {
    const parsed: vscode.Uri[] = [];
    for (const text of uris) {
      try {
        const uri = vscode.Uri.parse(text, true);
        if (DROP_SCHEMES.has(uri.scheme)) parsed.push(uri);
      } catch {
        // Not a URI (e.g. plain text dragged along): ignored.
      }
    }
    if (parsed.length === 0) {
      vscode.window.showInformationMessage(vscode.l10n.t('Drop files from the Explorer or an editor tab (hold Shift while dragging).'));
      return;
    }
    await this.add(await Promise.all(parsed.map((uri) => fromUri(uri))));
    this.post({ type: 'focusInput' });
  }

  private suggest(editor: vscode.TextEditor | undefined): void {
    const document = editor?.document;
    if (!document || document.uri.scheme === 'output') return; // the log or another panel: keep the last suggestion
    this.suggested = document;
    const path = attachmentPath(document);
    this.chat.setSuggestion({ name: path.split('/').at(-1) ?? path, path });
  }
}
