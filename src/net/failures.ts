/**
 * Turns what undici and Node throw into a `ProviderError` a user can act on:
 * which provider, which host, which cause code, and what to check.
 */
import { ProviderError, isProviderError } from './errors';
import { redactText } from './redact';
import { timeoutError } from './timeouts';
import type { TimeoutSettings } from './settings';

export interface FailureContext {
  label: string;
  host: string;
  /** Proxy the request went through, if any (no credentials). */
  via?: string;
  timeouts: TimeoutSettings;
  signal: AbortSignal;
  /** Exact secret values to mask in messages. */
  secrets: readonly string[];
}

/** Where the failure happened: before the response headers, or while reading the body. */
export type FailurePhase = 'request' | 'body';

/** The first `code` found on the error, its cause chain or (AggregateError) its parts. */
export function errorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code) return code;
  if (error instanceof AggregateError) {
    for (const part of error.errors) {
      const inner = errorCode(part, depth + 1);
      if (inner) return inner;
    }
  }
  return errorCode((error as { cause?: unknown }).cause, depth + 1);
}

const CERT_CODES = /^(CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(VERIFY|GET)_|ERR_TLS_CERT_ALTNAME_INVALID|ERR_SSL_)/;

function hintFor(code: string | undefined, via: string | undefined): string {
  const proxyHint = via ? `the proxy ${via} ("http.proxy")` : 'your proxy settings ("http.proxy" or HTTPS_PROXY)';
  switch (code) {
    case 'ECONNREFUSED':
      return `Nothing accepted the connection: check the base URL and port, and ${proxyHint}.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host name could not be resolved: check the base URL, your internet connection and ${proxyHint}.`;
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return `The connection was closed by the server or a proxy: try again, and check ${proxyHint}.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return `The host is unreachable: check your internet connection and ${proxyHint}.`;
    default:
      if (code && CERT_CODES.test(code)) {
        return 'The TLS certificate could not be verified. If your network inspects TLS through a proxy, add its CA or set "http.proxyStrictSSL" to false.';
      }
      return `Check the base URL, your internet connection and ${proxyHint}.`;
  }
}

export function cancelledError(ctx: Pick<FailureContext, 'label'>, cause?: unknown): ProviderError {
  return new ProviderError('cancelled', `${ctx.label}: request cancelled.`, { cause });
}

/** Maps any failure of the request or of the body read to a `ProviderError`. */
export function toProviderError(error: unknown, ctx: FailureContext, phase: FailurePhase): ProviderError {
  if (isProviderError(error)) return error;
  if (ctx.signal.aborted) return cancelledError(ctx, error);

  const code = errorCode(error);
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return timeoutError('connectMs', ctx.label, ctx.via ? `${ctx.host} (via ${ctx.via})` : ctx.host, ctx.timeouts.connectMs, error);
    case 'UND_ERR_HEADERS_TIMEOUT':
      return timeoutError('firstByteMs', ctx.label, ctx.host, ctx.timeouts.firstByteMs, error);
    case 'UND_ERR_BODY_TIMEOUT':
      return timeoutError('idleMs', ctx.label, ctx.host, ctx.timeouts.idleMs, error);
    default:
      break;
  }

  const where = ctx.via ? `${ctx.host} via ${ctx.via}` : ctx.host;
  const shown = code ?? (error instanceof Error ? error.name : 'unknown error');
  let message: string;
  if (phase === 'body') {
    message = `${ctx.label}: the connection to ${where} broke off in the middle of the reply (${shown}). The part received so far is kept; try again.`;
  } else if (code === 'UND_ERR_ABORTED' && ctx.via) {
    // undici reports a refused CONNECT tunnel (e.g. 403/407 from the proxy) as an aborted request.
    const detail = error instanceof Error ? error.message : String(error);
    message = `${ctx.label}: the proxy ${ctx.via} refused to connect to ${ctx.host} (${detail}). Check "http.proxy" and its credentials.`;
  } else if (code === 'UND_ERR_INVALID_ARG' || code === 'ERR_INVALID_URL') {
    const detail = error instanceof Error ? error.message : String(error);
    message = `${ctx.label}: the request to ${where} could not be sent (${detail}). Check the base URL and proxy settings.`;
  } else if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED') {
    message = `${ctx.label}: the connection to ${where} was closed before a reply arrived (${shown}). ${hintFor(code, ctx.via)}`;
  } else {
    message = `${ctx.label}: cannot reach ${where} (${shown}). ${hintFor(code, ctx.via)}`;
  }
  return new ProviderError('network', redactText(message, ctx.secrets), { cause: error });
}
