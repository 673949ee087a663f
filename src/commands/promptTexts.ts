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

/** The note shown with a turn that carries only the part of the code that fit (the user chose to send it). */
export function partNote(startLine: number, sentEndLine: number, endLine: number, providerName: string): string {
  return vscode.l10n.t(
    'You chose to send lines {0}–{1} of the selection (lines {0}–{2}): the rest did not fit {3}’s limit.',
    startLine,
    sentEndLine,
    endLine,
    providerName,
  );
}

export function noteText(note: BuildNote): string {
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
