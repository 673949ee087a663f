/**
 * Finds API keys that a user pasted into `parley.providers` (e.g. an `apiKey`
 * field copied from a provider's docs), so the host can offer to move them
 * into SecretStorage and delete them from the settings file.
 */

/** Field names that hold a secret, compared without case, `_` or `-`. */
const SECRET_FIELD_NAMES = new Set(['apikey', 'key', 'xapikey', 'token', 'apitoken', 'accesstoken', 'secret', 'password', 'authorization', 'bearer']);

export function isSecretFieldName(name: string): boolean {
  return SECRET_FIELD_NAMES.has(name.toLowerCase().replace(/[-_\s]/g, ''));
}

export interface KeyInSettings {
  /** Index of the profile in the `parley.providers` array. */
  index: number;
  /** The profile's id, when it has a string one. */
  profileId: string | undefined;
  /** Where the key sits inside the profile: `["apiKey"]` or `["options", "api_key"]`. */
  path: string[];
  /** The key, trimmed, with a leading `Bearer ` removed. */
  value: string;
}

function cleanKey(value: string): string {
  return value.trim().replace(/^bearer\s+/i, '').trim();
}

/** Every non-empty secret-looking string field at the top level or in `options` of each profile. */
export function findKeysInSettings(providers: unknown): KeyInSettings[] {
  if (!Array.isArray(providers)) return [];
  const found: KeyInSettings[] = [];
  providers.forEach((entry: unknown, index) => {
    if (!entry || typeof entry !== 'object') return;
    const record = entry as Record<string, unknown>;
    const profileId = typeof record.id === 'string' ? record.id : undefined;
    const scan = (object: Record<string, unknown>, prefix: string[]) => {
      for (const [name, value] of Object.entries(object)) {
        if (typeof value === 'string' && isSecretFieldName(name) && cleanKey(value) !== '') {
          found.push({ index, profileId, path: [...prefix, name], value: cleanKey(value) });
        }
      }
    };
    scan(record, []);
    if (record.options && typeof record.options === 'object' && !Array.isArray(record.options)) {
      scan(record.options as Record<string, unknown>, ['options']);
    }
  });
  return found;
}

/** A copy of `providers` without the given key fields (the input is not changed). */
export function withoutKeys(providers: readonly unknown[], keys: readonly KeyInSettings[]): unknown[] {
  const copy = structuredClone(providers) as unknown[];
  for (const key of keys) {
    let target = copy[key.index] as Record<string, unknown> | undefined;
    for (const part of key.path.slice(0, -1)) target = target?.[part] as Record<string, unknown> | undefined;
    const last = key.path[key.path.length - 1];
    if (target && last !== undefined) delete target[last];
  }
  return copy;
}
