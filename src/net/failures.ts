/**
 * Turns what undici and Node throw into a `ProviderError` a user can act on:
 * which provider, which host, which cause code, and what to check.
 */
import { ProviderError, isProviderError } from './errors';
import { errorText, type ErrorText } from './errorTexts';
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

function hintFor(code: string | undefined, via: string | undefined): ErrorText {
  const proxyHint = via ? errorText('hint.theProxy', { proxy: via }) : errorText('hint.proxySettings', {});
  switch (code) {
    case 'ECONNREFUSED':
      return errorText('hint.refused', { proxyHint });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return errorText('hint.unresolved', { proxyHint });
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return errorText('hint.closed', { proxyHint });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return errorText('hint.unreachable', { proxyHint });
    default:
      if (code && CERT_CODES.test(code)) return errorText('hint.certificate', {});
      return errorText('hint.general', { proxyHint });
  }
}

export function cancelledError(ctx: Pick<FailureContext, 'label'>, cause?: unknown): ProviderError {
  return new ProviderError('cancelled', errorText('network.cancelled', { provider: ctx.label }), { cause });
}

/** Maps any failure of the request or of the body read to a `ProviderError`. */
export function toProviderError(error: unknown, ctx: FailureContext, phase: FailurePhase): ProviderError {
  if (isProviderError(error)) return error;
  if (ctx.signal.aborted) return cancelledError(ctx, error);

  const code = errorCode(error);
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return timeoutError('connectMs', ctx.label, ctx.via ? errorText('timeout.hostViaProxy', { host: ctx.host, proxy: ctx.via }) : ctx.host, ctx.timeouts.connectMs, error);
    case 'UND_ERR_HEADERS_TIMEOUT':
      return timeoutError('firstByteMs', ctx.label, ctx.host, ctx.timeouts.firstByteMs, error);
    case 'UND_ERR_BODY_TIMEOUT':
      return timeoutError('idleMs', ctx.label, ctx.host, ctx.timeouts.idleMs, error);
    default:
      break;
  }

  const provider = ctx.label;
  const where = ctx.via ? errorText('network.hostViaProxy', { host: ctx.host, proxy: ctx.via }) : ctx.host;
  const cause = code ?? (error instanceof Error ? error.name : errorText('network.unknownCause', {}));
  const detail = error instanceof Error ? error.message : String(error);
  let text: ErrorText;
  if (phase === 'body') {
    text = errorText('network.brokeOff', { provider, where, cause });
  } else if (code === 'UND_ERR_ABORTED' && ctx.via) {
    // undici reports a refused CONNECT tunnel (e.g. 403/407 from the proxy) as an aborted request.
    text = errorText('network.proxyRefused', { provider, proxy: ctx.via, host: ctx.host, detail });
  } else if (code === 'UND_ERR_INVALID_ARG' || code === 'ERR_INVALID_URL') {
    text = errorText('network.notSent', { provider, where, detail });
  } else if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED') {
    text = errorText('network.closed', { provider, where, cause, hint: hintFor(code, ctx.via) });
  } else {
    text = errorText('network.unreachable', { provider, where, cause, hint: hintFor(code, ctx.via) });
  }
  return new ProviderError('network', text, { cause: error, secrets: ctx.secrets });
}
