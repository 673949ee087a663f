/**
 * Builds the host adapters (log, settings, keys, provider source, status bar).
 * What can wait — validating every profile, reading their keys, the
 * key-in-settings check, the status bar's text — runs right after activation.
 * Returned for extension.ts to wire.
 */
import * as vscode from 'vscode';
import { afterActivation } from './afterActivation';
import { KeyStore } from './keyStore';
import { offerToMoveKeysFromSettings } from './keyMigration';
import { ParleyLog } from './log';
import { ParleySettings } from './parleySettings';
import { HostProviderSource } from './providerSource';
import { createProviderStatusBar } from './statusBar';

export interface Host {
  log: ParleyLog;
  settings: ParleySettings;
  keys: KeyStore;
  source: HostProviderSource;
  disposables: vscode.Disposable[];
}

export function createHost(context: vscode.ExtensionContext): Host {
  const keys = new KeyStore(context.secrets, context.globalState);
  const log = new ParleyLog();
  const settings = new ParleySettings(log);
  const source = new HostProviderSource(settings, keys, log);
  const checkKeys = () => void offerToMoveKeysFromSettings(keys, log);
  const startup = afterActivation(() => {
    checkKeys();
    void keys.preload(source.list().map((p) => p.id));
  });
  return {
    log,
    settings,
    keys,
    source,
    disposables: [log, settings, keys, source, startup, createProviderStatusBar(source), settings.onDidChange(checkKeys)],
  };
}
