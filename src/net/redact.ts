/**
 * The one redaction of Parley: every error text that is shown, saved, exported
 * or logged (error cards, conversation files, Markdown exports, the log,
 * notifications) passes through `redactText`. It masks
 * - every stored key seen in this session (`rememberSecret`, fed by the key
 *   store) and any exact secret value the caller passes in;
 * - URL userinfo, with or without a scheme (`user:pass@host:port`);
 * - the values of credential headers (`Authorization`, `Proxy-Authorization`,
 *   `X-API-Key`, `api-key`), `Bearer …` / `Basic …` tokens;
 * - `key=…`-style pairs, JSON `"apiKey": "…"` fields and OpenAI-style `sk-…` keys.
 * It lives in net/ (a leaf below every layer) so all of them can use it.
 */

export const REDACTED = '***';

/** Header names whose values are credentials (compared lower-case). */
export const SECRET_HEADER_NAMES: readonly string[] = ['authorization', 'x-api-key', 'api-key', 'proxy-authorization'];

/** Secrets shorter than this are not masked verbatim: they would mangle ordinary words. */
const MIN_SECRET_LENGTH = 4;

function isSecretHeader(name: string): boolean {
  return SECRET_HEADER_NAMES.includes(name.toLowerCase());
}

/** `Bearer abc` → `Bearer ***`; any other value → `***`. */
function maskHeaderValue(value: string): string {
  const scheme = /^\s*(bearer|basic|token)\s+\S/i.exec(value);
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}

/** A copy of `headers` with the values of credential headers masked. Names are kept as given. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = isSecretHeader(name) ? maskHeaderValue(value) : value;
  }
  return out;
}

/**
 * The secret values carried by credential headers: the whole value and, for
 * `Bearer x` / `Basic x`, the token alone. Used to mask them verbatim anywhere.
 */
export function secretsFromHeaders(headers: Readonly<Record<string, string>>): string[] {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!isSecretHeader(name)) continue;
    const trimmed = value.trim();
    secrets.push(trimmed);
    const token = /^\S+\s+(\S.*)$/.exec(trimmed)?.[1];
    if (token) secrets.push(token);
  }
  return secrets;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const HEADER_NAME_PATTERN = SECRET_HEADER_NAMES.map(escapeRegExp).join('|');

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // URL credentials: scheme://user:password@host → scheme://user:***@host. The password
  // runs to the last "@" before the host (an unencoded "@" in it leaves nothing behind).
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*):[^\s/]*@/gi, `$1:${REDACTED}@`],
  // The same without a scheme (`"http.proxy": "user:PASSWORD@127.0.0.1:99999"`):
  // user:password@host, at the start of a word (not inside a longer token such as a path).
  [/(^|[\s"'`(<[{=,;])([^\s"'`()<>[\]{}=,;/:@]+):[^\s/]*@(?=[^\s@]*[A-Za-z0-9\]])/g, `$1$2:${REDACTED}@`],
  // Header-like `Authorization: …`, `"x-api-key": "…"` (the whole value up to the line end or quote).
  [
    new RegExp(`((["']?)\\b(?:${HEADER_NAME_PATTERN})\\2\\s*[:=]\\s*(["']?))(?:(?:bearer|basic|token)\\s+)?[^"'\\r\\n,;}]+`, 'gi'),
    `$1${REDACTED}`,
  ],
  // Bearer / Basic tokens anywhere.
  [/\b(bearer|basic)\s+[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${REDACTED}`],
  // key=value pairs in query strings, form bodies and prose.
  [
    /\b((?:api[_-]?key|apikey|key|access[_-]?token|refresh[_-]?token|token|secret|client[_-]?secret|password|passwd)\s*=\s*)[^&\s"'#,;]+/gi,
    `$1${REDACTED}`,
  ],
  // OpenAI-style keys (sk-…, sk-proj-…).
  [/\bsk-[A-Za-z0-9_-]{12,}/g, `sk-${REDACTED}`],
  // JSON-style fields holding a key (a key pasted into settings and echoed somewhere).
  [/("(?:api[_-]?key|apikey|x-api-key|token|secret|password)"\s*:\s*")[^"]+/gi, `$1${REDACTED}`],
];

/** Every key the key store read or stored in this session (also after it was cleared: a former key is still a key). */
const rememberedSecrets = new Set<string>();

/** Adds a stored key to what `redactText` always masks. */
export function rememberSecret(value: string): void {
  const trimmed = value.trim();
  if (trimmed.length >= MIN_SECRET_LENGTH) rememberedSecrets.add(trimmed);
}

/**
 * `text` with secrets masked: every remembered key and every exact value in
 * `secrets` (longest first, so a token inside a longer secret cannot leave a
 * tail), then the generic patterns.
 */
export function redactText(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  const exact = [...new Set([...rememberedSecrets, ...secrets].map((s) => s.trim()).filter((s) => s.length >= MIN_SECRET_LENGTH))].sort(
    (a, b) => b.length - a.length,
  );
  for (const secret of exact) {
    out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) {
    out = out.replace(pattern, replacement);
  }
  return out;
}
