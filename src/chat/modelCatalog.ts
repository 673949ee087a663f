/**
 * The models each OpenAI-compatible profile's endpoint says it serves
 * (`GET {baseUrl}/models`), cached per profile. Discovery is silent: an
 * endpoint without `/models`, a missing key or any error just means "no list",
 * and the pickers fall back to the configured model and the preset's
 * suggestions. The cache is dropped for a profile when its base URL changes,
 * its key changes (forget) or the user asks for a refresh.
 */
import type { ProviderProfile } from '../providers/types';
import { logFailure, runInBackground } from '../net/background';

export type ModelFetcher = (profile: ProviderProfile, signal: AbortSignal) => Promise<string[]>;

export interface ModelCatalogDeps {
  fetch: ModelFetcher;
  /** Whether the profile may be asked now without bothering the user (e.g. its key is stored). */
  canQuery(profile: ProviderProfile): Promise<boolean>;
  log(line: string): void;
  /** Called when a profile's discovered list changed. */
  changed(): void;
}

interface Entry {
  /** What the list was fetched for; a different base URL means a new fetch. */
  baseUrl: string;
  /** undefined while loading; null when the endpoint gave no usable list. */
  models: string[] | null | undefined;
  loading?: Promise<void>;
}

function sameList(a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export class ModelCatalog {
  private readonly entries = new Map<string, Entry>();
  private readonly controller = new AbortController();

  constructor(private readonly deps: ModelCatalogDeps) {}

  /** The cached list, or undefined; starts a (silent, background) discovery when there is none yet. */
  peek(profile: ProviderProfile): string[] | undefined {
    if (profile.kind !== 'openai-compatible') return undefined;
    const entry = this.entry(profile);
    if (entry.models === undefined && !entry.loading) runInBackground(this.load(profile), logFailure(`models: discovery for ${profile.id}`, this.deps.log));
    return entry.models ?? undefined;
  }

  /** The list after discovery has run (cached after the first time); undefined when the endpoint has none. Never throws. */
  async load(profile: ProviderProfile): Promise<string[] | undefined> {
    if (profile.kind !== 'openai-compatible') return undefined;
    const entry = this.entry(profile);
    if (entry.models === undefined) {
      entry.loading ??= this.discover(profile, entry);
      await entry.loading;
    }
    return entry.models ?? undefined;
  }

  /** Forgets the cached list of one profile (or all) and fetches it again. */
  async refresh(profiles: readonly ProviderProfile[]): Promise<void> {
    for (const profile of profiles) this.entries.delete(profile.id);
    await Promise.all(profiles.map((profile) => this.load(profile)));
  }

  /** Drops a profile's list (its key changed); the next peek/load fetches again. */
  forget(profileId: string): void {
    this.entries.delete(profileId);
  }

  dispose(): void {
    this.controller.abort();
    this.entries.clear();
  }

  private entry(profile: ProviderProfile): Entry {
    const baseUrl = profile.baseUrl ?? '';
    let entry = this.entries.get(profile.id);
    if (!entry || entry.baseUrl !== baseUrl) {
      entry = { baseUrl, models: undefined };
      this.entries.set(profile.id, entry);
    }
    return entry;
  }

  private async discover(profile: ProviderProfile, entry: Entry): Promise<void> {
    const before = entry.models;
    let models: string[] | null = null;
    try {
      if (await this.deps.canQuery(profile)) {
        const found = await this.deps.fetch(profile, this.controller.signal);
        models = found.length > 0 ? found : null;
        this.deps.log(`models: ${profile.id} lists ${found.length} model(s)`);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.deps.log(`models: ${profile.id} has no model list (${message}); using the configured model and the preset's suggestions`);
    }
    entry.loading = undefined;
    if (this.entries.get(profile.id) !== entry) return; // forgotten meanwhile
    entry.models = models;
    if (!sameList(before ?? null, models) && models !== null) this.deps.changed();
  }
}
