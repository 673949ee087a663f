/**
 * API keys in SecretStorage, one per profile, stored under the profile id, each
 * bound to the origin it was stored for (see keyOrigin.ts; the bindings live in
 * global state, which no workspace can write).
 * The ids that have a key are remembered in global state (ids only, never a
 * key) so "Remove All Stored Keys" can find them: SecretStorage cannot list.
 * Every key read or stored in this session is handed to the one redaction
 * (net/redact rememberSecret), also after it is cleared: a former key in a log
 * line is still a key.
 */
import * as vscode from 'vscode';
import { rememberSecret } from '../net/redact';
import { parseBindings, withAllowed, type KeyBinding } from './keyOrigin';
import { logFailure, runInBackground } from '../net/background';

const STORED_IDS = 'parley.profilesWithKeys';
const BINDINGS = 'parley.keyOrigins';

export class KeyStore implements vscode.Disposable {
  private readonly known = new Set<string>();
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    /** Where a failed read of a key changed in another window is logged. */
    private readonly log: (line: string) => void,
  ) {
    this.subscription = secrets.onDidChange((e) => {
      // Another window may have stored a key: learn it for redaction. A key deleted
      // elsewhere takes its binding along (a new key there is bound when it is stored).
      const learned = this.get(e.key).then(async (value) => {
        if (value === undefined && this.binding(e.key)) await this.writeBinding(e.key, undefined);
        this.changed.fire(e.key);
      });
      runInBackground(learned, logFailure(`reading the key of profile ${e.key} after it changed in another window`, this.log));
    });
  }

  async get(profileId: string): Promise<string | undefined> {
    const value = await this.secrets.get(profileId);
    if (value) this.learn(value);
    return value || undefined;
  }

  async has(profileId: string): Promise<boolean> {
    return (await this.get(profileId)) !== undefined;
  }

  /**
   * Stores the key and binds it to `origin`, the origin it is meant for
   * (undefined: unbound, so every destination asks first).
   */
  async set(profileId: string, key: string, origin: string | undefined): Promise<void> {
    const trimmed = key.trim();
    if (!trimmed) throw new Error('An API key cannot be empty.');
    await this.secrets.store(profileId, trimmed);
    this.learn(trimmed);
    await this.remember(profileId, true);
    await this.writeBinding(profileId, origin === undefined ? undefined : { origin, allowed: [] });
  }

  async clear(profileId: string): Promise<void> {
    await this.get(profileId);
    await this.secrets.delete(profileId);
    await this.remember(profileId, false);
    await this.writeBinding(profileId, undefined);
  }

  /** The origin the profile's key is bound to and the others the user confirmed; undefined for a key from before bindings. */
  binding(profileId: string): KeyBinding | undefined {
    return parseBindings(this.state.get<unknown>(BINDINGS))[profileId];
  }

  /** Binds an unbound key (migration) without changing the key. */
  async bind(profileId: string, binding: KeyBinding): Promise<void> {
    await this.writeBinding(profileId, binding);
  }

  /** Remembers that the user confirmed sending this profile's key to `origin`. */
  async allow(profileId: string, origin: string): Promise<void> {
    await this.writeBinding(profileId, withAllowed(this.binding(profileId), origin));
  }

  private async writeBinding(profileId: string, binding: KeyBinding | undefined): Promise<void> {
    const all = parseBindings(this.state.get<unknown>(BINDINGS));
    if (binding) all[profileId] = binding;
    else delete all[profileId];
    await this.state.update(BINDINGS, all);
  }

  /** Deletes the keys of the given ids and of every id remembered as having one. Returns how many ids were cleared. */
  async clearAll(alsoIds: Iterable<string>): Promise<number> {
    const ids = new Set([...this.storedIds(), ...alsoIds]);
    for (const id of ids) await this.clear(id);
    await this.state.update(BINDINGS, undefined);
    return ids.size;
  }

  storedIds(): string[] {
    return this.state.get<string[]>(STORED_IDS, []);
  }

  private learn(value: string): void {
    this.known.add(value);
    rememberSecret(value);
  }

  /** Keys seen in this session, for redaction only. */
  knownSecrets(): string[] {
    return [...this.known];
  }

  /** Loads the keys of these profiles into the redaction set. */
  async preload(profileIds: Iterable<string>): Promise<void> {
    for (const id of profileIds) await this.get(id);
  }

  private async remember(profileId: string, present: boolean): Promise<void> {
    const ids = new Set(this.storedIds());
    if (present) ids.add(profileId);
    else ids.delete(profileId);
    await this.state.update(STORED_IDS, [...ids]);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
