/**
 * The one error class every provider failure is thrown as. `code` comes from a
 * closed set so callers (chat view, commands) can offer the action that fixes it;
 * `message` is written for the user and never contains a key or a raw stack.
 */
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
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly code: ProviderErrorCode;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ProviderErrorCode, message: string, options: ProviderErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError;
}
