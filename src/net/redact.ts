/**
 * Masking of secrets in anything that may reach a log line, an error message or
 * a test report. Header values of the key-carrying headers are masked by name;
 * free text is scrubbed of `Bearer …`, `key=…`-style pairs, URL credentials and
 * any exact secret value the caller passes in (providers pass the API key).
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
  // URL credentials: scheme://user:password@host → scheme://user:***@host
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+):[^\s/@]+@/gi, `$1:${REDACTED}@`],
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
];

/**
 * `text` with secrets masked: every exact value in `secrets` (longest first, so a
 * token inside a longer secret cannot leave a tail), then the generic patterns.
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  const exact = [...new Set(secrets.map((s) => s.trim()).filter((s) => s.length >= MIN_SECRET_LENGTH))].sort(
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
