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
import { logFailure, runInBackground } from '../net/background';

export interface Host {
  log: ParleyLog;
  settings: ParleySettings;
  keys: KeyStore;
  source: HostProviderSource;
  disposables: vscode.Disposable[];
}

export function createHost(context: vscode.ExtensionContext): Host {
  const log = new ParleyLog();
  const keys = new KeyStore(context.secrets, context.globalState, (line) => log.error(line));
  const settings = new ParleySettings(log);
  const source = new HostProviderSource(settings, keys, log);
  // A key that cannot be read or moved is said (log + notification), not swallowed.
  const failed = (what: string) => (error: unknown) => {
    logFailure(what, (line) => log.error(line))(error);
    vscode.window.showErrorMessage(vscode.l10n.t('Parley: that did not work. See the log for details.'));
  };
  const checkKeys = () => runInBackground(offerToMoveKeysFromSettings(keys, log), failed('moving API keys from settings into secret storage'));
  const startup = afterActivation(() => {
    checkKeys();
    runInBackground(keys.preload(source.list().map((p) => p.id)), failed('reading the stored API keys'));
  });
  return {
    log,
    settings,
    keys,
    source,
    disposables: [log, settings, keys, source, startup, createProviderStatusBar(source), settings.onDidChange(checkKeys)],
  };
}
