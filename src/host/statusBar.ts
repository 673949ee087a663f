/**
 * Status-bar item: the active profile and model; a click switches. When the
 * profiles or the choice of the active one come from workspace settings (not
 * the user's), the item says so and shows a warning background.
 */
import * as vscode from 'vscode';
import type { ProviderSource } from '../chat/ports';
import { afterActivation } from './afterActivation';
import { displayName, modelOf } from '../profiles/models';
import type { ProviderSources } from './parleySettings';
import { fromWorkspace } from './settingSourceText';

export function createProviderStatusBar(source: ProviderSource & { sources(): ProviderSources }): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('parley.provider', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Parley Provider');
  item.command = 'parley.switchProvider';
  const update = () => {
    const profile = source.active();
    const sources = source.sources();
    const marked = profile !== undefined && (fromWorkspace(sources.profiles) || fromWorkspace(sources.active));
    if (!profile) {
      item.text = `$(comment-discussion) ${vscode.l10n.t('Parley: no provider')}`;
      item.tooltip = vscode.l10n.t('No valid provider profile. Click to choose one.');
    } else {
      const model = modelOf(profile);
      item.text = `$(comment-discussion) ${displayName(profile)}${model ? ` · ${model}` : ''}${marked ? ` $(warning) ${vscode.l10n.t('workspace')}` : ''}`;
      const notes = [
        fromWorkspace(sources.profiles) ? vscode.l10n.t("The provider profiles come from this workspace's settings, not yours.") : undefined,
        fromWorkspace(sources.active) ? vscode.l10n.t("The active provider is chosen by this workspace's settings.") : undefined,
      ].filter((n): n is string => n !== undefined);
      item.tooltip = [vscode.l10n.t('Parley: {0} ({1}). Click to switch provider or model.', displayName(profile), profile.kind), ...notes].join('\n');
    }
    item.backgroundColor = marked ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  // Its text needs every profile validated: shown right after activation, not during it.
  const first = afterActivation(update);
  const subscription = source.onDidChange(update);
  return { dispose: () => { first.dispose(); subscription.dispose(); item.dispose(); } };
}
