/**
 * Last line of defence for text leaving the host (log lines, exported
 * Markdown, test results): the net layer's redaction with the keys known in
 * this session, plus JSON-style `"apiKey": "…"` fields (a key pasted into
 * settings and echoed somewhere).
 */
import { REDACTED, redactText } from '../net/redact';

const JSON_KEY_FIELD = /("(?:api[_-]?key|apikey|x-api-key|token|secret)"\s*:\s*")[^"]+/gi;

export function redactSecrets(text: string, secrets: Iterable<string>): string {
  return redactText(text, [...secrets]).replace(JSON_KEY_FIELD, `$1${REDACTED}`);
}
