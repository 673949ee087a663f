/** Switch Provider/Model: one quick pick with the profiles, then the active profile's models. */
import * as vscode from 'vscode';
import { displayName, modelOf, modelsFor, withModel } from '../profiles/models';
import type { ProviderProfile } from '../providers/types';
import { fromWorkspace, sourceMarker } from '../host/settingSourceText';
import type { CommandDeps } from './deps';

type Item = vscode.QuickPickItem & { profileId?: string; model?: string; customModel?: true };

/** Replaces the profile with this id in the user's list and writes it back. */
export async function updateProfile(deps: CommandDeps, profileId: string, change: (entry: Record<string, unknown>) => void): Promise<boolean> {
  const list = deps.settings.editableProviders();
  const entry = list.find((p): p is Record<string, unknown> => !!p && typeof p === 'object' && (p as { id?: unknown }).id === profileId);
  if (!entry) {
    vscode.window.showWarningMessage(
      vscode.l10n.t('Profile "{0}" is not in your user settings (it may come from workspace settings); edit it in settings.json.', profileId),
    );
    return false;
  }
  change(entry);
  await deps.settings.writeProviders(list);
  return true;
}

async function setModel(deps: CommandDeps, profile: ProviderProfile, model: string): Promise<void> {
  const updated = withModel(profile, model);
  await updateProfile(deps, profile.id, (entry) => {
    if (updated.model !== undefined) entry.model = updated.model;
    if (updated.options !== undefined) entry.options = updated.options;
  });
}

/** Makes the profile active and, when given, sets its model. Also run by the chat view's model picker. */
export async function switchTo(deps: CommandDeps, profileId: string, model?: string): Promise<void> {
  const profile = deps.source.list().find((p) => p.id === profileId);
  if (!profile) return;
  await deps.source.setActive(profile.id);
  if (model !== undefined) await setModel(deps, profile, model);
}

export function registerSwitchProvider(deps: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('parley.switchProvider', async (profileId?: unknown, model?: unknown) => {
      if (typeof profileId === 'string') return switchTo(deps, profileId, typeof model === 'string' ? model : undefined);
      const profiles = deps.source.list();
      const active = deps.source.active();
      const sources = deps.source.sources();
      const items: Item[] = [
        { label: vscode.l10n.t('Providers'), kind: vscode.QuickPickItemKind.Separator },
        ...profiles.map<Item>((p) => ({
          label: `${p.id === active?.id ? '$(check) ' : ''}${displayName(p)}`,
          description: [modelOf(p), p.kind, sourceMarker(sources.profiles)].filter(Boolean).join(' · '),
          ...(p.id === active?.id && fromWorkspace(sources.active) ? { detail: vscode.l10n.t("Chosen by this workspace's settings") } : {}),
          profileId: p.id,
        })),
      ];
      if (active) {
        // The endpoint's list when discovery already has it (the chat view asks for it early); never waits on the network here.
        const models = modelsFor(active, deps.source.discoveredModels(active));
        if (models.length || active.kind === 'openai-compatible') {
          items.push({ label: vscode.l10n.t('Model of {0}', displayName(active)), kind: vscode.QuickPickItemKind.Separator });
          items.push(...models.map<Item>((m) => ({ label: `${m === modelOf(active) ? '$(check) ' : ''}${m}`, model: m })));
          if (active.kind === 'openai-compatible') items.push({ label: vscode.l10n.t('Other model…'), customModel: true });
        }
      }
      items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: vscode.l10n.t('Manage Providers…'), profileId: '\u0000manage' });
      const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Switch Provider/Model'), placeHolder: vscode.l10n.t('Choose a provider or a model') });
      if (!picked) return;
      if (picked.profileId === '\u0000manage') return vscode.commands.executeCommand('parley.manageProviders');
      if (picked.profileId) return deps.source.setActive(picked.profileId);
      if (!active) return;
      const chosen = picked.customModel
        ? (await vscode.window.showInputBox({ title: vscode.l10n.t('Model name'), value: modelOf(active) ?? '', ignoreFocusOut: true }))?.trim()
        : picked.model;
      if (chosen) await setModel(deps, active, chosen);
    }),
  ];
}
