/** How pickers and the status bar mark profiles that a workspace (not the user) configured. */
import * as vscode from 'vscode';
import type { SettingSource } from './parleySettings';

/** "$(warning) from workspace settings" for workspace / folder values; undefined for the user's own and defaults. */
export function sourceMarker(source: SettingSource): string | undefined {
  if (source === 'workspace') return `$(warning) ${vscode.l10n.t('from workspace settings')}`;
  if (source === 'folder') return `$(warning) ${vscode.l10n.t('from folder settings')}`;
  return undefined;
}

export function fromWorkspace(source: SettingSource): boolean {
  return source === 'workspace' || source === 'folder';
}
