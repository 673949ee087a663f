/** Set API Key (resolves true once a key was stored), Clear API Key, Remove All Stored Keys. */
import * as vscode from 'vscode';
import { keyRequirement } from '../profiles/needs';
import { displayName } from '../profiles/models';
import type { ProviderProfile } from '../providers/types';
import { promptForApiKey } from '../host/keyPrompt';
import { sourceMarker } from '../host/settingSourceText';
import type { CommandDeps } from './deps';

/** What the picker says about a profile without a stored key. */
function keyNeed(profile: ProviderProfile): string {
  switch (keyRequirement(profile)) {
    case 'required':
      return vscode.l10n.t('No key yet');
    case 'optional':
      return vscode.l10n.t('Key optional');
    case 'none':
      return vscode.l10n.t('Needs no key');
  }
}

/** The profile named by `profileId`, else one picked by the user (active first). */
export async function chooseProfile(deps: CommandDeps, title: string, profileId?: unknown): Promise<ProviderProfile | undefined> {
  const profiles = deps.source.list();
  if (typeof profileId === 'string') {
    const found = profiles.find((p) => p.id === profileId);
    if (!found) vscode.window.showWarningMessage(vscode.l10n.t('There is no valid provider profile with id "{0}".', profileId));
    return found;
  }
  if (profiles.length === 0) {
    vscode.window.showWarningMessage(vscode.l10n.t('No provider is configured yet. Add one first.'));
    return undefined;
  }
  const active = deps.source.active();
  const ordered = active ? [active, ...profiles.filter((p) => p.id !== active.id)] : profiles;
  const items = await Promise.all(
    ordered.map(async (p) => ({
      label: displayName(p),
      description: [p.id, p.kind, sourceMarker(deps.source.sources().profiles)].filter(Boolean).join(' · '),
      detail: (await deps.keys.has(p.id)) ? vscode.l10n.t('Key stored') : keyNeed(p),
      profile: p,
    })),
  );
  return (await vscode.window.showQuickPick(items, { title }))?.profile;
}

/** Set API Key: resolves true once a key was stored. Also run by the chat view's error card and setup buttons. */
export async function setApiKey(deps: CommandDeps, profileId?: unknown, key?: unknown): Promise<boolean> {
  const profile = await chooseProfile(deps, vscode.l10n.t('Set API Key'), profileId);
  if (!profile) return false;
  // A key passed as argument (tests, scripts) skips the input box; it is never logged.
  // The key is bound to where the profile points now; sending it anywhere else asks first.
  const origin = deps.source.guard.originFor(profile);
  const value = typeof key === 'string' && key.trim() ? key.trim() : await promptForApiKey(profile, false, origin);
  if (!value) return false;
  await deps.keys.set(profile.id, value, origin);
  deps.log.info(`key stored for profile ${profile.id}, bound to ${origin ?? 'no address'}`);
  vscode.window.showInformationMessage(vscode.l10n.t('API key for {0} stored in secret storage.', displayName(profile)));
  return true;
}

export function registerKeyCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('parley.setApiKey', (profileId?: unknown, key?: unknown) => setApiKey(deps, profileId, key)),
    vscode.commands.registerCommand('parley.clearApiKey', async (profileId?: unknown) => {
      const profile = await chooseProfile(deps, vscode.l10n.t('Clear API Key'), profileId);
      if (!profile) return;
      await deps.keys.clear(profile.id);
      deps.log.info(`key cleared for profile ${profile.id}`);
      vscode.window.showInformationMessage(vscode.l10n.t('API key for {0} removed.', displayName(profile)));
    }),
    vscode.commands.registerCommand('parley.removeAllKeys', async (confirmed?: unknown) => {
      const remove = vscode.l10n.t('Remove All Keys');
      if (confirmed !== true) {
        const choice = await vscode.window.showWarningMessage(
          vscode.l10n.t('Remove every API key Parley stored in secret storage? Do this before uninstalling Parley.'),
          { modal: true },
          remove,
        );
        if (choice !== remove) return;
      }
      const count = await deps.keys.clearAll(deps.source.list().map((p) => p.id));
      deps.log.info(`removed stored keys of ${count} profile id(s)`);
      vscode.window.showInformationMessage(vscode.l10n.t('Removed the stored keys of {0} profile(s).', count));
    }),
  ];
}
