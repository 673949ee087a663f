/** Which settings scope a value comes from (pure: no vscode, so it can be unit-tested). */

/** Where a setting's value comes from: built-in default, user settings, or a workspace / folder (untrusted input). */
export type SettingSource = 'default' | 'user' | 'workspace' | 'folder';

/** Where `parley.providers` and `parley.activeProvider` come from. */
export interface ProviderSources {
  profiles: SettingSource;
  active: SettingSource;
}

interface Inspected {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/**
 * The scope whose value VS Code uses. In an untrusted workspace the restricted
 * settings (package.json `restrictedConfigurations`) ignore workspace values,
 * so those do not count there.
 */
export function sourceOf(inspected: Inspected | undefined, workspaceCounts: boolean): SettingSource {
  if (workspaceCounts && inspected?.workspaceFolderValue !== undefined) return 'folder';
  if (workspaceCounts && inspected?.workspaceValue !== undefined) return 'workspace';
  return inspected?.globalValue !== undefined ? 'user' : 'default';
}
