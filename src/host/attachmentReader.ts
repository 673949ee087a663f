/**
 * Turns editor content and files into attachments, or into a refusal that
 * says why: a binary file, a file over ATTACHMENT_MAX_BYTES, a folder, a file
 * outside the workspace that is not open in VS Code, or one that cannot be
 * read. Untitled editors and notebook cells work (their text as shown).
 */
import * as vscode from 'vscode';
import type { Attachment } from '../protocol/model';
import { workspaceRelativeName } from './editorCode';
import { randomId } from '../common/random';

/** Largest file or selection Parley attaches: 256 KB (UTF-8 bytes). */
export const ATTACHMENT_MAX_BYTES = 256 * 1024;

export type RefusalReason = 'binary' | 'tooLarge' | 'folder' | 'outsideWorkspace' | 'unreadable';

export interface Refusal {
  /** As the user knows it: workspace-relative path or name. */
  name: string;
  reason: RefusalReason;
  /** tooLarge: the size in bytes; unreadable: the error's code or message. */
  bytes?: number;
  detail?: string;
}

export type AttachResult = { attachment: Attachment } | { refusal: Refusal };

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** `notebook.ipynb#cell 3` for a notebook cell, the workspace-relative path or untitled name otherwise. */
export function attachmentPath(document: vscode.TextDocument): string {
  if (document.uri.scheme === 'vscode-notebook-cell') {
    for (const notebook of vscode.workspace.notebookDocuments) {
      const cell = notebook.getCells().find((c) => c.document === document);
      if (cell) return `${vscode.workspace.asRelativePath(notebook.uri, false).replace(/\\/g, '/')}#cell ${cell.index + 1}`;
    }
  }
  return workspaceRelativeName(document);
}

/** The range as whole lines the user sees: a selection ending at column 0 does not include that line. */
function trimmedRange(document: vscode.TextDocument, range: vscode.Range): vscode.Range {
  if (range.end.character === 0 && range.end.line > range.start.line) {
    return new vscode.Range(range.start, document.lineAt(range.end.line - 1).range.end);
  }
  return range;
}

/** The document (or the part in `range`) as an attachment. */
export function fromDocument(document: vscode.TextDocument, range?: vscode.Range): AttachResult {
  const name = attachmentPath(document);
  const part = range && !range.isEmpty ? trimmedRange(document, range) : undefined;
  const content = document.getText(part);
  const bytes = utf8Length(content);
  if (bytes > ATTACHMENT_MAX_BYTES) return { refusal: { name, reason: 'tooLarge', bytes } };
  return {
    attachment: {
      id: randomId(),
      path: name,
      language: document.languageId,
      ...(part ? { startLine: part.start.line + 1, endLine: part.end.line + 1 } : {}),
      content,
    },
  };
}

/** True when the bytes are not UTF-8 text (a NUL byte, or invalid UTF-8). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.subarray(0, 8192).includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

function errorDetail(error: unknown): string {
  if (error instanceof vscode.FileSystemError) return error.code || error.message;
  return error instanceof Error ? error.message : String(error);
}

/** An open notebook as its cells' text (what the user sees), each cell headed by its number and language. */
export function fromNotebook(notebook: vscode.NotebookDocument): AttachResult {
  const name = vscode.workspace.asRelativePath(notebook.uri, false).replace(/\\/g, '/');
  const content = notebook
    .getCells()
    .map((cell) => `# %% cell ${cell.index + 1} (${cell.document.languageId})\n${cell.document.getText()}`)
    .join('\n\n');
  const bytes = utf8Length(content);
  if (bytes > ATTACHMENT_MAX_BYTES) return { refusal: { name, reason: 'tooLarge', bytes } };
  const language = notebook.getCells().find((cell) => cell.kind === vscode.NotebookCellKind.Code)?.document.languageId ?? '';
  return { attachment: { id: randomId(), path: name, language, content } };
}

/** A file by URI: its open document or notebook when there is one (unsaved edits included), else read from disk after the checks. */
export async function fromUri(uri: vscode.Uri): Promise<AttachResult> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return fromDocument(open);
  const notebook = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === uri.toString());
  if (notebook) return fromNotebook(notebook);
  const name = vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
  if (!vscode.workspace.getWorkspaceFolder(uri)) return { refusal: { name, reason: 'outsideWorkspace' } };
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { refusal: { name, reason: 'folder' } };
    if (stat.size > ATTACHMENT_MAX_BYTES) return { refusal: { name, reason: 'tooLarge', bytes: stat.size } };
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (looksBinary(bytes)) return { refusal: { name, reason: 'binary' } };
    const document = await vscode.workspace.openTextDocument(uri);
    return fromDocument(document);
  } catch (error) {
    return { refusal: { name, reason: 'unreadable', detail: errorDetail(error) } };
  }
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function refusalText(refusal: Refusal): string {
  switch (refusal.reason) {
    case 'binary':
      return vscode.l10n.t('{0} is a binary file; Parley attaches text only.', refusal.name);
    case 'tooLarge':
      return vscode.l10n.t(
        '{0} is {1}; Parley attaches at most 256 KB. Select the part you need and use Add Selection to Parley Chat.',
        refusal.name,
        sizeText(refusal.bytes ?? 0),
      );
    case 'folder':
      return vscode.l10n.t('{0} is a folder; add the files in it instead.', refusal.name);
    case 'outsideWorkspace':
      return vscode.l10n.t('{0} is outside the workspace. Open it in VS Code first, then add it.', refusal.name);
    case 'unreadable':
      return vscode.l10n.t('{0} could not be read ({1}).', refusal.name, refusal.detail ?? '');
  }
}

/** Shows what was refused, if anything, in one warning. */
export function reportRefusals(refusals: readonly Refusal[]): void {
  if (refusals.length === 0) return;
  const text = refusals.map(refusalText).join(' ');
  vscode.window.showWarningMessage(vscode.l10n.t('Not attached: {0}', text));
}

/** Reads several results into attachments and refusals. */
export function split(results: readonly AttachResult[]): { attachments: Attachment[]; refusals: Refusal[] } {
  const attachments: Attachment[] = [];
  const refusals: Refusal[] = [];
  for (const result of results) {
    if ('attachment' in result) attachments.push(result.attachment);
    else refusals.push(result.refusal);
  }
  return { attachments, refusals };
}
