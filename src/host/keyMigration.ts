/**
 * When an API key is found in `parley.providers` (pasted there by a user),
 * offer to move it into SecretStorage and delete it from every settings scope
 * that holds it.
 */
import * as vscode from 'vscode';
import { findKeysInSettings, withoutKeys } from '../profiles/keysInSettings';
import { validateProviders } from '../profiles/settings';
import { keyDestination } from '../providers';
import { originOf } from './keyOrigin';
import type { KeyStore } from './keyStore';
import type { ParleyLog } from './log';

const TARGETS = [
  ['globalValue', vscode.ConfigurationTarget.Global],
  ['workspaceValue', vscode.ConfigurationTarget.Workspace],
  ['workspaceFolderValue', vscode.ConfigurationTarget.WorkspaceFolder],
] as const;

let offering = false;

/** Checks every scope; asks once per check. Returns how many keys were moved. */
export async function offerToMoveKeysFromSettings(keys: KeyStore, log: ParleyLog): Promise<number> {
  if (offering) return 0;
  offering = true;
  try {
    return await offer(keys, log);
  } finally {
    offering = false;
  }
}

async function offer(keys: KeyStore, log: ParleyLog): Promise<number> {
  const inspected = vscode.workspace.getConfiguration('parley').inspect<unknown>('providers');
  const scanned = TARGETS.map(([scope, target]) => ({ target, value: inspected?.[scope], keys: findKeysInSettings(inspected?.[scope]) }));
  // A key in a workspace's settings never replaces a key the user already stored for that
  // id (a folder could plant its own key to read the user's prompts in its account), and an
  // untrusted workspace's settings are not acted on at all.
  for (const scope of scanned) {
    if (scope.target === vscode.ConfigurationTarget.Global) continue;
    if (!vscode.workspace.isTrusted) scope.keys = [];
    const kept = [];
    for (const key of scope.keys) {
      if (key.profileId && (await keys.has(key.profileId))) log.warn(`a key for profile ${key.profileId} in workspace settings was not moved: a stored key for it exists`);
      else kept.push(key);
    }
    scope.keys = kept;
  }
  const found = scanned.filter((s) => s.keys.length > 0);
  if (found.length === 0) return 0;
  const all = found.flatMap((s) => s.keys);
  const names = [...new Set(all.map((k) => k.profileId ?? `#${k.index}`))].join(', ');
  const move = vscode.l10n.t('Move to Secret Storage');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'An API key is written in plain text in parley.providers (profile {0}). Move it into VS Code\'s secret storage and delete it from settings?',
      names,
    ),
    move,
  );
  if (choice !== move) return 0;
  let moved = 0;
  for (const scope of found) {
    // Each key is bound to the address its own entry (same scope) points at: where it was already being sent.
    const profiles = validateProviders(withoutKeys(scope.value as unknown[], scope.keys)).profiles;
    for (const key of scope.keys) {
      if (!key.profileId) continue;
      const profile = profiles.find((p) => p.id === key.profileId);
      await keys.set(key.profileId, key.value, originOf(profile ? keyDestination(profile) : undefined));
      moved++;
    }
    const cleaned = withoutKeys(scope.value as unknown[], scope.keys.filter((k) => k.profileId));
    await vscode.workspace.getConfiguration('parley').update('providers', cleaned, scope.target);
  }
  log.info(`moved ${moved} key(s) from settings into secret storage (profiles: ${names})`);
  vscode.window.showInformationMessage(vscode.l10n.t('Moved {0} key(s) into secret storage and removed them from settings.', moved));
  return moved;
}
