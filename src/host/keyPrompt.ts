/** The password input box that asks for a profile's API key. */
import * as vscode from 'vscode';
import { displayName } from '../profiles/models';
import type { ProviderProfile } from '../providers/types';

/** Resolves the trimmed key, or undefined when the user cancelled. `origin` is where the key will be sent (and bound). */
export async function promptForApiKey(profile: ProviderProfile, firstUse: boolean, origin: string | undefined): Promise<string | undefined> {
  const where = origin ? ` ${vscode.l10n.t('It will be sent only to {0}.', origin)}` : '';
  const key = await vscode.window.showInputBox({
    title: vscode.l10n.t('API key for {0}', displayName(profile)),
    prompt: `${
      firstUse
        ? vscode.l10n.t('{0} needs an API key before its first request. It is kept in VS Code\'s secret storage, never in settings.', displayName(profile))
        : vscode.l10n.t('The key is kept in VS Code\'s secret storage, never in settings.')
    }${where}`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The API key cannot be empty.')),
  });
  const trimmed = key?.trim();
  return trimmed ? trimmed : undefined;
}
