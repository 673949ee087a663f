/**
 * TEMPORARY — replaced at merge by the host layer's ProviderSource (issue 5).
 * Only here so the chat view can run before it lands. Reads `parley.providers` /
 * `parley.activeProvider` loosely and keys from SecretStorage `parley.apiKey.<id>`.
 */
import * as vscode from 'vscode';
import type { ProviderSource } from '../chat/ports';
import type { ProviderProfile } from '../providers/types';

const KINDS = new Set(['emma', 'secondme', 'openai-compatible']);

function isProfile(value: unknown): value is ProviderProfile {
  const v = value as Partial<ProviderProfile> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.kind === 'string' && KINDS.has(v.kind);
}

export function temporaryProviderSource(context: vscode.ExtensionContext): ProviderSource {
  const config = () => vscode.workspace.getConfiguration('parley');
  const list = () => (config().get<unknown[]>('providers') ?? []).filter(isProfile);
  return {
    list,
    active: () => {
      const profiles = list();
      const id = config().get<string>('activeProvider');
      return profiles.find((p) => p.id === id) ?? profiles[0];
    },
    setActive: (id) => Promise.resolve(config().update('activeProvider', id, vscode.ConfigurationTarget.Global)),
    deps: () => ({ getSecret: (id) => Promise.resolve(context.secrets.get(`parley.apiKey.${id}`)) }),
    ensureReady: () => Promise.resolve(true),
    onDidChange: (listener) =>
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('parley')) listener();
      }),
  };
}
