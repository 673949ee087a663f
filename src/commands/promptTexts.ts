/** Localized titles of the built-in prompts and the notes shown with a turn. */
import * as vscode from 'vscode';
import type { BuildNote } from '../chat/promptBuilder';
import type { PromptDefinition } from '../chat/prompts';

export function promptTitle(prompt: PromptDefinition): string {
  if (!prompt.builtin) return prompt.title;
  switch (prompt.id) {
    case 'explainSelection':
      return vscode.l10n.t('Explain Selection');
    case 'findBugs':
      return vscode.l10n.t('Find Bugs');
    case 'refactor':
      return vscode.l10n.t('Refactor');
    case 'writeTests':
      return vscode.l10n.t('Write Tests');
    case 'addDocumentation':
      return vscode.l10n.t('Add Documentation');
    case 'askAboutSelection':
      return vscode.l10n.t('Ask About Selection…');
    default:
      return prompt.title;
  }
}

export function noteText(note: BuildNote, providerName: string, limit: number): string {
  if (note.kind === 'cut') {
    return vscode.l10n.t(
      'The code was cut to its first {0} of {1} characters (up to line {2}) to fit the {3} limit of {4} characters per message.',
      note.sentChars,
      note.totalChars,
      note.sentEndLine,
      providerName,
      limit,
    );
  }
  switch (note.origin) {
    case 'enclosingBlock':
      return note.blockName
        ? vscode.l10n.t('Nothing was selected, so the enclosing block "{0}" (lines {1}–{2}) was used.', note.blockName, note.startLine, note.endLine)
        : vscode.l10n.t('Nothing was selected, so the enclosing block (lines {0}–{1}) was used.', note.startLine, note.endLine);
    case 'currentLine':
      return vscode.l10n.t('Nothing was selected, so the current line ({0}) was used.', note.startLine);
    case 'file':
      return vscode.l10n.t('The whole file was used.');
  }
}
