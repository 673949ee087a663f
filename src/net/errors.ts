/**
 * The one error class every provider failure is thrown as. `code` comes from a
 * closed set so callers (chat view, commands) can offer the action that fixes it;
 * `text` is a message id with its parameters (errorTexts.ts), which the host
 * shows in the user's language; `message` is the same text in English, for
 * logs. Neither ever contains a key or a raw stack: every verbatim parameter
 * passes the one redaction when the error is made.
 */
import { formatErrorText, redactErrorText, type ErrorText } from './errorTexts';
import { redactText } from './redact';

export const PROVIDER_ERROR_CODES = [
  'auth',
  'quota',
  'invalid_request',
  'not_found',
  'unavailable',
  'rate_limited',
  'timeout',
  'protocol',
  'network',
  'cancelled',
] as const;

export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number];

export interface ProviderErrorOptions {
  /** HTTP status of the response that caused the failure, when there was one. */
  status?: number;
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  retryAfterSeconds?: number;
  /** The underlying error, kept for logs; never shown raw to the user. */
  cause?: unknown;
  /** Exact secret values (the key sent with the request) to mask in the text's parameters. */
  secrets?: readonly string[];
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly code: ProviderErrorCode;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** What went wrong, as a message id and parameters, redacted. */
  readonly text: ErrorText;

  constructor(code: ProviderErrorCode, text: ErrorText, options: ProviderErrorOptions = {}) {
    const redacted = redactErrorText(text, options.secrets);
    super(redactText(formatErrorText(redacted), options.secrets), options.cause === undefined ? undefined : { cause: options.cause });
    this.text = redacted;
    this.code = code;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError;
}
