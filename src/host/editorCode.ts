/**
 * The code a command works on: the selection, or — when nothing is selected —
 * the block around the cursor (innermost multi-line document symbol, else an
 * indentation block, else the current line), or the whole file.
 */
import * as vscode from 'vscode';
import { indentationBlock, innermostSymbol, type LineBlock, type SymbolRange } from '../chat/enclosingBlock';
import type { CodeContext } from '../chat/promptBuilder';

export function workspaceRelativeName(document: vscode.TextDocument): string {
  if (document.isUntitled) return document.fileName;
  return vscode.workspace.asRelativePath(document.uri, false).replace(/\\/g, '/');
}

function toSymbolRanges(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): SymbolRange[] {
  return symbols.map((s) =>
    'children' in s
      ? { name: s.name, startLine: s.range.start.line, endLine: s.range.end.line, children: toSymbolRanges(s.children) }
      : { name: s.name, startLine: s.location.range.start.line, endLine: s.location.range.end.line },
  );
}

async function symbolBlock(document: vscode.TextDocument, line: number): Promise<LineBlock | undefined> {
  try {
    const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    return symbols?.length ? innermostSymbol(toSymbolRanges(symbols), line) : undefined;
  } catch {
    return undefined;
  }
}

function context(document: vscode.TextDocument, range: vscode.Range, origin: CodeContext['origin'], blockName?: string): CodeContext {
  return {
    text: document.getText(range),
    languageId: document.languageId,
    fileName: workspaceRelativeName(document),
    startLine: range.start.line + 1,
    endLine: range.end.line + 1,
    origin,
    ...(blockName ? { blockName } : {}),
  };
}

function fullLines(document: vscode.TextDocument, block: LineBlock): vscode.Range {
  return new vscode.Range(block.startLine, 0, block.endLine, document.lineAt(block.endLine).text.length);
}

/** The selection, else the enclosing block; undefined when the cursor is on nothing (e.g. a blank line). */
export async function codeAtCursor(editor: vscode.TextEditor): Promise<CodeContext | undefined> {
  const { document, selection } = editor;
  if (!selection.isEmpty && document.getText(selection).trim()) {
    // A selection ending at column 0 of a line does not include that line.
    const end = selection.end.character === 0 && selection.end.line > selection.start.line
      ? document.lineAt(selection.end.line - 1).range.end
      : selection.end;
    return context(document, new vscode.Range(selection.start, end), 'selection');
  }
  const line = selection.active.line;
  if (!document.lineAt(line).text.trim()) return undefined;
  const symbol = await symbolBlock(document, line);
  if (symbol) return context(document, fullLines(document, symbol), 'enclosingBlock', symbol.name);
  const lines = Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text);
  const block = indentationBlock(lines, line);
  if (!block) return undefined;
  const origin = block.startLine === block.endLine ? 'currentLine' : 'enclosingBlock';
  return context(document, fullLines(document, block), origin);
}

export function wholeFile(editor: vscode.TextEditor): CodeContext | undefined {
  const { document } = editor;
  if (!document.getText().trim()) return undefined;
  const last = document.lineCount - 1;
  return context(document, new vscode.Range(0, 0, last, document.lineAt(last).text.length), 'file');
}
