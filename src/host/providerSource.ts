/**
 * ProviderSource for the chat: profiles from settings, keys from
 * SecretStorage, network settings from VS Code. ensureReady() asks for what
 * a profile lacks (API key, SecondMe instance id) at first use.
 */
import * as vscode from 'vscode';
import type { ProviderSource, Unsubscribe } from '../chat/ports';
import { needsApiKey, needsInstanceId } from '../profiles/needs';
import { displayName } from '../profiles/models';
import { ModelCatalog } from '../chat/modelCatalog';
import { fetchModels } from '../providers/models';
import type { ProviderDeps, ProviderProfile } from '../providers/types';
import { KeyOriginGuard } from './keyOriginGuard';
import type { KeyStore } from './keyStore';
import type { ParleyLog } from './log';
import type { ParleySettings, ProviderSources } from './parleySettings';
import { promptForApiKey } from './keyPrompt';
import { fromWorkspace } from './settingSourceText';

export class HostProviderSource implements ProviderSource, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  /** Models listed by OpenAI-compatible endpoints (GET /models), cached per profile. */
  private readonly catalog: ModelCatalog;
  /** Hands a key only to the origin it was stored for, unless the user confirms. */
  readonly guard: KeyOriginGuard;

  constructor(
    private readonly settings: ParleySettings,
    private readonly keys: KeyStore,
    private readonly log: ParleyLog,
  ) {
    this.guard = new KeyOriginGuard(keys, settings, log);
    this.catalog = new ModelCatalog({
      // Discovery runs in the background: it never asks to send a key to a new address (the request goes without it).
      fetch: (profile, signal) =>
        fetchModels(profile, { ...this.deps(), getSecret: (id, destination) => this.guard.keyWithoutAsking(id, destination) }, signal),
      // Never in the background to an address the profile's key is not bound to (a workspace's redefinition): not even without the key.
      canQuery: async (profile) => (await this.isReady(profile)) && !(await this.guard.wouldAsk(profile.id)),
      log: (line) => this.log.info(line),
      changed: () => this.changed.fire(),
    });
    this.subscriptions = [
      settings.onDidChange(() => this.changed.fire()),
      keys.onDidChange((profileId) => {
        this.catalog.forget(profileId);
        this.changed.fire();
      }),
    ];
  }

  /** Whether a request could go out now without asking the user anything (key stored where needed, instance id set). */
  async isReady(profile: ProviderProfile): Promise<boolean> {
    if (needsInstanceId(profile)) return false;
    return !needsApiKey(profile) || (await this.keys.has(profile.id));
  }

  discoveredModels(profile: ProviderProfile): string[] | undefined {
    return this.catalog.peek(profile);
  }

  /** The endpoint's model list after discovery ran (cached); undefined when it has none. Never prompts, never throws. */
  loadModels(profile: ProviderProfile): Promise<string[] | undefined> {
    return this.catalog.load(profile);
  }

  /** Forgets the cached model lists and asks the endpoints again. */
  async refreshModels(): Promise<void> {
    await this.catalog.refresh(this.list().filter((p) => p.kind === 'openai-compatible'));
    this.changed.fire();
  }

  /** Where the profiles and the active profile come from (user, workspace, …), for the picker and status bar markers. */
  sources(): ProviderSources {
    return this.settings.providerSources();
  }

  profilesFromWorkspace(): boolean {
    return fromWorkspace(this.settings.providerSources().profiles);
  }

  list(): ProviderProfile[] {
    return this.settings.providers().profiles;
  }

  active(): ProviderProfile | undefined {
    return this.settings.providers().active;
  }

  async setActive(profileId: string): Promise<void> {
    await this.settings.writeActive(profileId);
    this.changed.fire();
  }

  deps(): ProviderDeps {
    return {
      getSecret: (profileId, destination) => this.guard.keyFor(profileId, destination),
      network: this.settings.network(),
      log: this.log.sink,
    };
  }

  async ensureReady(profile: ProviderProfile): Promise<boolean> {
    if (needsInstanceId(profile) && !(await this.askInstanceId(profile))) return false;
    if (needsApiKey(profile) && !(await this.keys.has(profile.id))) {
      const origin = this.guard.originFor(profile);
      const key = await promptForApiKey(profile, true, origin);
      if (!key) return false;
      await this.keys.set(profile.id, key, origin);
      this.log.info(`key stored for profile ${profile.id}`);
    }
    return true;
  }

  private async askInstanceId(profile: ProviderProfile): Promise<boolean> {
    const id = await vscode.window.showInputBox({
      title: vscode.l10n.t('SecondMe instance id for {0}', displayName(profile)),
      prompt: vscode.l10n.t('SecondMe needs your instance id (shown when you registered the instance; it must be "online").'),
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The instance id cannot be empty.')),
    });
    if (!id?.trim()) return false;
    const list = this.settings.editableProviders();
    const entry = list.find((p): p is Record<string, unknown> => !!p && typeof p === 'object' && (p as { id?: unknown }).id === profile.id);
    if (!entry) {
      vscode.window.showWarningMessage(
        vscode.l10n.t('Profile "{0}" is not in your user settings; add the instance id to it in settings.json.', profile.id),
      );
      return false;
    }
    entry.instanceId = id.trim();
    await this.settings.writeProviders(list);
    return true;
  }

  onDidChange(listener: () => void): Unsubscribe {
    return this.changed.event(listener);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.catalog.dispose();
    this.changed.dispose();
  }
}
