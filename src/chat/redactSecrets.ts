/**
 * Last line of defence for text leaving the host (log lines, exported
 * Markdown): known secrets are replaced wherever they appear, and common
 * key-carrying header shapes are masked even when the secret is unknown.
 */

const MASK = '[redacted]';

/** Secrets shorter than this are not searched for: they would mask ordinary words. */
const MIN_SECRET_LENGTH = 6;

const HEADER_PATTERNS: RegExp[] = [
  /(authorization\s*[:=]\s*"?bearer\s+)[^\s",}]+/gi,
  /(x-api-key\s*[:=]\s*"?)[^\s",}]+/gi,
  /("?api[_-]?key"?\s*[:=]\s*"?)[^\s",}]+/gi,
];

export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  const sorted = [...new Set(secrets)].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  for (const secret of sorted) out = out.split(secret).join(MASK);
  for (const pattern of HEADER_PATTERNS) out = out.replace(pattern, `$1${MASK}`);
  return out;
}
