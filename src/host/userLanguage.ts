/** The user's language for provider and network error texts: translations from l10n/bundle.l10n.*.json, numbers in VS Code's locale. */
import * as vscode from 'vscode';
import { languageOf, type ErrorTextLanguage } from '../net/errorTexts';

export function userLanguage(): ErrorTextLanguage {
  return languageOf(vscode.l10n.t, vscode.env.language);
}
