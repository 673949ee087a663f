/** A profile's addresses: base URLs must be http(s); keys and presets are matched by origin. */

/** `https://Host:443/v1` → `https://host`; undefined for anything that is not an http(s) URL. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

export function isHttpUrl(value: string): boolean {
  return originOf(value) !== undefined;
}
