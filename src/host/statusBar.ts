/** Status-bar item: the active profile and model; a click switches. */
import * as vscode from 'vscode';
import type { ProviderSource } from '../chat/ports';
import { afterActivation } from './afterActivation';
import { displayName, modelOf } from '../chat/profileModels';

export function createProviderStatusBar(source: ProviderSource): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('parley.provider', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Parley Provider');
  item.command = 'parley.switchProvider';
  const update = () => {
    const profile = source.active();
    if (!profile) {
      item.text = `$(comment-discussion) ${vscode.l10n.t('Parley: no provider')}`;
      item.tooltip = vscode.l10n.t('No valid provider profile. Click to choose one.');
    } else {
      const model = modelOf(profile);
      item.text = `$(comment-discussion) ${displayName(profile)}${model ? ` · ${model}` : ''}`;
      item.tooltip = vscode.l10n.t('Parley: {0} ({1}). Click to switch provider or model.', displayName(profile), profile.kind);
    }
    item.show();
  };
  // Its text needs every profile validated: shown right after activation, not during it.
  const first = afterActivation(update);
  const subscription = source.onDidChange(update);
  return { dispose: () => { first.dispose(); subscription.dispose(); item.dispose(); } };
}
