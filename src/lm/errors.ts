/**
 * Parley's ProviderErrors as vscode.LanguageModelError, the error type callers
 * of vscode.lm check by `code`: a bad or missing key → NoPermissions; no such
 * model/instance, or a SecondMe instance that is not online (the "model" is
 * that instance, and it cannot answer until it is started) → NotFound; quota,
 * credit or rate limits → Blocked; everything else gets the code "Unknown".
 * No cause is attached (it crosses to the calling extension and may hold raw
 * network details); the message is the same actionable, key-free text the
 * chat view shows, in the user's language.
 */
import * as vscode from 'vscode';
import { isProviderError } from '../net/errors';
import { formatErrorText, languageOf } from '../net/errorTexts';

/**
 * VS Code's runtime constructor is (message, code, cause) — the typings only
 * expose the factories, which cover three codes; "Unknown" is the documented
 * code for everything else.
 */
const LanguageModelErrorWithCode = vscode.LanguageModelError as unknown as new (message: string, code: string) => vscode.LanguageModelError;

export function toLanguageModelError(error: unknown, redact: (text: string) => string): vscode.LanguageModelError {
  if (error instanceof vscode.LanguageModelError) return error;
  if (!isProviderError(error)) {
    const text = error instanceof Error ? error.message : String(error);
    return new LanguageModelErrorWithCode(redact(`Parley: ${text}`), 'Unknown');
  }
  const message = redact(formatErrorText(error.text, languageOf(vscode.l10n.t, vscode.env.language)));
  switch (error.code) {
    case 'auth':
      return vscode.LanguageModelError.NoPermissions(message);
    case 'not_found':
      return vscode.LanguageModelError.NotFound(message);
    case 'quota':
    case 'rate_limited':
      return vscode.LanguageModelError.Blocked(message);
    case 'unavailable':
      if (error.text.id === 'unavailable.instanceOffline') return vscode.LanguageModelError.NotFound(message);
      return new LanguageModelErrorWithCode(message, 'Unknown');
    default:
      return new LanguageModelErrorWithCode(message, 'Unknown');
  }
}
