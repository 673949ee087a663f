/**
 * Hands a stored key only to the origin it was stored for. Any other origin —
 * typically a workspace's settings redefining a profile the user has a key
 * for — needs the user's explicit confirmation in a modal dialog, remembered
 * per origin. Refusing means no request: a ProviderError the chat shows as a card.
 */
import * as vscode from 'vscode';
import { displayName } from '../profiles/models';
import { ProviderError } from '../net/errors';
import { errorText } from '../net/errorTexts';
import { keyDestination } from '../providers';
import type { ProviderProfile } from '../providers/types';
import { decideKeyUse, migratedBinding, originOf } from './keyOrigin';
import type { KeyStore } from './keyStore';
import type { ParleyLog } from './log';
import type { ParleySettings, SettingSource } from './parleySettings';

export interface KeyConfirmationRequest {
  profileId: string;
  /** The profile's name as the picker shows it. */
  profileName: string;
  /** The origin the key would be sent to. */
  destination: string;
  /** The origin the key is bound to, when it is bound. */
  storedFor?: string;
  /** Where the profile list comes from. */
  source: SettingSource;
}

/** Resolves true only when the user explicitly chose to send the key. */
export type ConfirmKeyOrigin = (request: KeyConfirmationRequest) => Promise<boolean>;

/** The modal dialog: "Profile X now points at https://…; send your key there?" */
export const askUserToSendKey: ConfirmKeyOrigin = async (request) => {
  const send = vscode.l10n.t('Send Key');
  const stored = request.storedFor
    ? vscode.l10n.t('Your key for this profile was stored for {0}.', request.storedFor)
    : vscode.l10n.t('Your key for this profile is not bound to any address yet.');
  const from =
    request.source === 'workspace' || request.source === 'folder'
      ? ` ${vscode.l10n.t("This profile comes from this workspace's settings, not yours.")}`
      : '';
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Profile "{0}" now points at {1}; send your API key there?', request.profileName, request.destination),
    { modal: true, detail: `${stored}${from} ${vscode.l10n.t('Send it only if you trust this server. If you do, Parley remembers this address for this key.')}` },
    send,
  );
  return choice === send;
};

export class KeyOriginGuard {
  /** One dialog per profile and origin at a time; concurrent requests share the answer. */
  private readonly asking = new Map<string, Promise<boolean>>();

  constructor(
    private readonly keys: KeyStore,
    private readonly settings: ParleySettings,
    private readonly log: ParleyLog,
    public confirm: ConfirmKeyOrigin = askUserToSendKey,
  ) {}

  /**
   * The key of `profileId` if it may go to `destinationUrl` (the URL about to be
   * called; when a caller does not say, the profile's own base URL).
   * Throws a ProviderError when the user does not confirm a new origin.
   */
  async keyFor(profileId: string, destinationUrl: string | undefined): Promise<string | undefined> {
    const key = await this.keys.get(profileId);
    if (!key) return undefined;
    const profile = this.settings.providers().profiles.find((p) => p.id === profileId);
    const target = destinationUrl ?? (profile ? keyDestination(profile) : undefined);
    const destination = originOf(target);
    const binding = await this.migrate(profileId);
    if (decideKeyUse(binding, destination).kind === 'send') return key;
    const name = profile ? displayName(profile) : profileId;
    if (destination === undefined) {
      throw new ProviderError('invalid_request', errorText('key.noAddress', { profile: name }));
    }
    const confirmed = await this.confirmOnce({
      profileId,
      profileName: name,
      destination,
      ...(binding ? { storedFor: binding.origin } : {}),
      source: this.settings.providerSources().profiles,
    });
    if (!confirmed) {
      this.log.warn(`key of profile ${profileId} not sent to ${destination}: the user did not confirm (stored for ${binding?.origin ?? 'no address'})`);
      throw new ProviderError(
        'invalid_request',
        binding
          ? errorText('key.notConfirmedStored', { profile: name, storedFor: binding.origin, destination })
          : errorText('key.notConfirmed', { profile: name, destination }),
      );
    }
    await this.keys.allow(profileId, destination);
    this.log.info(`key of profile ${profileId} may now also go to ${destination} (confirmed by the user)`);
    return key;
  }

  /**
   * For background work that must never ask (model discovery): the key only when
   * it may go to `destinationUrl` without a confirmation, otherwise undefined.
   */
  async keyWithoutAsking(profileId: string, destinationUrl: string | undefined): Promise<string | undefined> {
    const key = await this.keys.get(profileId);
    if (!key) return undefined;
    return (await this.sendsWithoutAsking(profileId, destinationUrl)) ? key : undefined;
  }

  /** Whether a stored key of `profileId` would need the user's confirmation to go to `destinationUrl` (its profile's address when absent). */
  async wouldAsk(profileId: string, destinationUrl?: string): Promise<boolean> {
    if (!(await this.keys.get(profileId))) return false;
    return !(await this.sendsWithoutAsking(profileId, destinationUrl));
  }

  private async sendsWithoutAsking(profileId: string, destinationUrl: string | undefined): Promise<boolean> {
    const profile = this.settings.providers().profiles.find((p) => p.id === profileId);
    const destination = originOf(destinationUrl ?? (profile ? keyDestination(profile) : undefined));
    const binding = await this.migrate(profileId);
    return decideKeyUse(binding, destination).kind === 'send';
  }

  /** The origin a key is meant for when it is stored now: the profile's current address. */
  originFor(profile: ProviderProfile): string | undefined {
    return originOf(keyDestination(profile));
  }

  /** A key stored before bindings is bound at first use to its profile's origin in the user's own settings. */
  private async migrate(profileId: string) {
    const binding = this.keys.binding(profileId);
    if (binding) return binding;
    const own = this.settings.userProfiles().find((p) => p.id === profileId);
    const migrated = migratedBinding(undefined, originOf(own ? keyDestination(own) : undefined));
    if (migrated) {
      await this.keys.bind(profileId, migrated);
      this.log.info(`key of profile ${profileId} bound to ${migrated.origin} (the profile's address in user settings)`);
    }
    return migrated;
  }

  private confirmOnce(request: KeyConfirmationRequest): Promise<boolean> {
    const id = `${request.profileId}\u0000${request.destination}`;
    let pending = this.asking.get(id);
    if (!pending) {
      pending = this.confirm(request).finally(() => this.asking.delete(id));
      this.asking.set(id, pending);
    }
    return pending;
  }
}
