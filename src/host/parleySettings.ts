/**
 * Reads and validates Parley's settings, reports each new problem once (in
 * the log and as a warning with an "Open Settings" button), and writes
 * `parley.providers` / `parley.activeProvider` to the user's global settings.
 */
import * as vscode from 'vscode';
import { formatPromptProblem, loadPrompts, type PromptDefinition } from '../chat/prompts';
import { formatProblem, resolveActive, validateProviders } from '../profiles/settings';
import type { NetworkSettings } from '../net/settings';
import type { ProviderProfile } from '../providers/types';
import type { ParleyLog } from './log';
import { readNetworkSettings } from './networkSettings';
import { sourceOf, type ProviderSources } from './settingSource';
import { logFailure, runInBackground } from '../net/background';

export type { ProviderSources, SettingSource } from './settingSource';

export interface ProviderSettings {
  profiles: ProviderProfile[];
  active: ProviderProfile | undefined;
}

export class ParleySettings implements vscode.Disposable {
  private readonly reported = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private readonly trustSubscription: vscode.Disposable;

  constructor(private readonly log: ParleyLog) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('parley') || e.affectsConfiguration('http')) {
        this.reported.clear();
        this.changed.fire();
      }
    });
    // Granting trust makes workspace values of the restricted settings count.
    this.trustSubscription = vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire());
  }

  /** The raw (unvalidated) `parley.providers` value, as VS Code merges it. */
  rawProviders(): unknown {
    return vscode.workspace.getConfiguration('parley').get<unknown>('providers');
  }

  providers(): ProviderSettings {
    const config = vscode.workspace.getConfiguration('parley');
    const { profiles, problems } = validateProviders(config.get<unknown>('providers'));
    const { profile, problem } = resolveActive(profiles, config.get<unknown>('activeProvider'));
    this.report([...problems, ...(problem ? [problem] : [])].map(formatProblem));
    return { profiles, active: profile };
  }

  /** Where the profiles and the active profile come from (workspace values are marked in the picker and status bar). */
  providerSources(): ProviderSources {
    const config = vscode.workspace.getConfiguration('parley');
    const trusted = vscode.workspace.isTrusted;
    return {
      profiles: sourceOf(config.inspect<unknown>('providers'), trusted),
      active: sourceOf(config.inspect<unknown>('activeProvider'), trusted),
    };
  }

  /**
   * The valid profiles of the user's own settings (else the defaults), never a
   * workspace's: what a key stored before origin bindings is bound to.
   */
  userProfiles(): ProviderProfile[] {
    const inspected = vscode.workspace.getConfiguration('parley').inspect<unknown>('providers');
    return validateProviders(inspected?.globalValue ?? inspected?.defaultValue).profiles;
  }

  prompts(): PromptDefinition[] {
    const { prompts, problems } = loadPrompts(vscode.workspace.getConfiguration('parley').get<unknown>('prompts'));
    this.report(problems.map(formatPromptProblem));
    return prompts;
  }

  network(): NetworkSettings {
    return readNetworkSettings((section, key) => vscode.workspace.getConfiguration(section).get<unknown>(key));
  }

  async writeProviders(profiles: readonly unknown[]): Promise<void> {
    await vscode.workspace.getConfiguration('parley').update('providers', profiles, vscode.ConfigurationTarget.Global);
  }

  async writeActive(profileId: string): Promise<void> {
    await vscode.workspace.getConfiguration('parley').update('activeProvider', profileId, vscode.ConfigurationTarget.Global);
  }

  /**
   * The editable list: the user's global value if set, else the defaults.
   * Edits are made to this list and written back to global settings.
   */
  editableProviders(): unknown[] {
    const inspected = vscode.workspace.getConfiguration('parley').inspect<unknown>('providers');
    const value = inspected?.globalValue ?? inspected?.defaultValue;
    return Array.isArray(value) ? structuredClone(value) : [];
  }

  /** Problems found by the latest providers()/prompts() reads. */
  problems(): string[] {
    this.providers();
    this.prompts();
    return [...this.reported];
  }

  /** Each problem is shown once until the settings change again. */
  private report(messages: string[]): void {
    const fresh = messages.filter((m) => !this.reported.has(m));
    if (fresh.length === 0) return;
    for (const message of fresh) {
      this.reported.add(message);
      this.log.warn(`settings: ${message}`);
    }
    const openSettings = vscode.l10n.t('Open Settings');
    const text =
      fresh.length === 1
        ? vscode.l10n.t('Parley settings: {0}', fresh[0] ?? '')
        : vscode.l10n.t('Parley settings have {0} problems; the rest keeps working. First: {1}', fresh.length, fresh[0] ?? '');
    const opened = vscode.window.showWarningMessage(text, openSettings).then(async (choice) => {
      if (choice === openSettings) await vscode.commands.executeCommand('workbench.action.openSettingsJson');
    });
    runInBackground(opened, logFailure('settings: opening settings.json', (line) => this.log.warn(line)));
  }

  dispose(): void {
    this.subscription.dispose();
    this.trustSubscription.dispose();
    this.changed.dispose();
  }
}
