/**
 * Turns an HTTP error response into a ProviderError with a message the user can
 * act on. The server's own words are quoted (shortened, tags stripped, keys
 * masked) where they help; the fix comes first.
 */
import { ProviderError, type ProviderErrorCode } from '../net/errors';
import { errorText, type ErrorText } from '../net/errorTexts';
import { redactText, retryAfterSeconds, type StreamResponse } from '../net/http';

export interface ErrorContext {
  /** "Emma", "SecondMe", or the profile's label for OpenAI-compatible endpoints. */
  label: string;
  kind: 'emma' | 'secondme' | 'openai-compatible';
  instanceId?: string;
  model?: string;
  /** The key sent with the request; masked in everything quoted. */
  key?: string;
}

const EXCERPT_CHARS = 160;

/** What the server said, in one short line: FastAPI `detail`, OpenAI `error.message`, or a cleaned text/HTML excerpt. */
export function serverMessage(text: string): { message: string; code?: string; html: boolean } {
  const trimmed = text.trim();
  try {
    const json: unknown = JSON.parse(trimmed);
    if (json && typeof json === 'object') {
      const o = json as { detail?: unknown; error?: unknown; message?: unknown };
      if (typeof o.detail === 'string') return { message: o.detail, html: false };
      if (Array.isArray(o.detail)) return { message: o.detail.map(describeDetail).join('; '), html: false };
      if (o.error && typeof o.error === 'object') {
        const e = o.error as { message?: unknown; code?: unknown; type?: unknown };
        const code = typeof e.code === 'string' ? e.code : typeof e.type === 'string' ? e.type : undefined;
        return { message: typeof e.message === 'string' ? e.message : '', ...(code ? { code } : {}), html: false };
      }
      if (typeof o.error === 'string') return { message: o.error, html: false };
      if (typeof o.message === 'string') return { message: o.message, html: false };
    }
  } catch {
    // not JSON: fall through to text
  }
  const html = /^<!doctype html|^<html|<\/(head|body|title|h1)>/i.test(trimmed);
  const title = html ? /<title>([^<]*)<\/title>/i.exec(trimmed)?.[1] : undefined;
  const plain = (title ?? trimmed.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { message: plain, html };
}

function describeDetail(item: unknown): string {
  if (!item || typeof item !== 'object') return String(item);
  const d = item as { loc?: unknown; msg?: unknown };
  const loc = Array.isArray(d.loc) ? d.loc.filter((p) => p !== 'body').join('.') : '';
  const msg = typeof d.msg === 'string' ? d.msg : JSON.stringify(item);
  return loc ? `${loc}: ${msg}` : msg;
}

function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

const QUOTA = /quota|credit|crediti|saldo|balance|余额|额度|insufficient/i;

/** The code for an error the server reported inside a stream or a 200 body, from its text alone. */
export function codeForServerText(text: string, code?: string): ProviderErrorCode {
  if (QUOTA.test(`${code ?? ''} ${text}`)) return 'quota';
  if (/rate.?limit|too many requests|troppe richieste/i.test(`${code ?? ''} ${text}`)) return 'rate_limited';
  return 'unavailable';
}

type ReportedClass = 'auth' | 'forbidden' | 'quota' | 'rate_limited' | 'model_not_found' | 'invalid_request';

/**
 * What an OpenAI-style error object reports, from its `code` / `type` (OpenAI,
 * Anthropic-style and one-api names) or an HTTP-like numeric `code`; undefined
 * when it names nothing the user can act on.
 */
export function classOfErrorObject(code: string | number | undefined, type: string | undefined): ReportedClass | undefined {
  const status = typeof code === 'number' ? code : typeof code === 'string' && /^\d{3}$/.test(code) ? Number(code) : undefined;
  const byStatus: Record<number, ReportedClass> = { 400: 'invalid_request', 401: 'auth', 402: 'quota', 403: 'forbidden', 404: 'model_not_found', 422: 'invalid_request', 429: 'rate_limited' };
  if (status !== undefined && byStatus[status]) return byStatus[status];
  const names = [code, type].filter((n): n is string => typeof n === 'string').map((n) => n.toLowerCase());
  const named = (pattern: RegExp) => names.some((n) => pattern.test(n));
  if (named(/quota|billing|credit|balance|payment/)) return 'quota';
  if (named(/invalid_api_key|missing_api_key|api_key|authentication|unauthori[sz]ed|invalid_token|token_expired/)) return 'auth';
  if (named(/permission|forbidden|access_denied/)) return 'forbidden';
  if (named(/rate_limit|too_many_requests/)) return 'rate_limited';
  if (named(/model_not_found/)) return 'model_not_found';
  if (named(/context_length|invalid_request|invalid_value|invalid_parameter|bad_request/)) return 'invalid_request';
  return undefined;
}

/** What the server said, redacted and on one line, shortened for quoting after the message; undefined when it said nothing. */
function quoted(text: string, secrets: readonly string[]): string | undefined {
  const said = redactText(text, secrets).replace(/\s+/g, ' ').trim();
  return said ? excerpt(said) : undefined;
}

/**
 * An error object the server sent with HTTP 200 (a stream's `data: {"error": …}`
 * or a JSON body): mapped as the same error would be with its HTTP status
 * (invalid_api_key → auth → "Set API Key"), else by its text. No status is
 * claimed: the reply itself was a 200.
 */
export function errorForReportedError(error: unknown, ctx: ErrorContext): ProviderError {
  let message = '';
  let code: string | number | undefined;
  let type: string | undefined;
  if (typeof error === 'string') message = error;
  else if (error && typeof error === 'object') {
    const e = error as { message?: unknown; code?: unknown; type?: unknown };
    if (typeof e.message === 'string') message = e.message;
    if (typeof e.code === 'string' || typeof e.code === 'number') code = e.code;
    if (typeof e.type === 'string') type = e.type;
  }
  const secrets = ctx.key ? [ctx.key] : [];
  const said = quoted(message, secrets);
  const provider = ctx.label;
  const make = (code: ProviderErrorCode, text: ErrorText) => new ProviderError(code, text, { secrets });
  switch (classOfErrorObject(code, type)) {
    case 'auth':
      return make('auth', errorText('auth.badKey', { provider }, said));
    case 'forbidden':
      return make('auth', errorText('auth.denied', { provider }, said));
    case 'quota':
      return make('quota', errorText('quota.exhausted', { provider }, said));
    case 'rate_limited':
      return make('rate_limited', errorText('rate.wait', { provider }, said));
    case 'model_not_found':
      return make('not_found', ctx.model ? errorText('notFound.model', { provider, model: ctx.model }, said) : errorText('notFound.anyModel', { provider }, said));
    case 'invalid_request':
      return make('invalid_request', errorText('request.rejected', { provider }, said));
    default: {
      const textCode = typeof code === 'string' ? code : type;
      const whole = redactText(message, secrets).replace(/\s+/g, ' ').trim();
      return make(
        codeForServerText(message, textCode),
        whole ? errorText('server.message', { provider, text: whole }) : errorText('server.reportedError', { provider }),
      );
    }
  }
}

export function errorForStatus(
  status: number,
  headers: Record<string, string>,
  bodyText: string,
  ctx: ErrorContext,
): ProviderError {
  const secrets = ctx.key ? [ctx.key] : [];
  const server = serverMessage(redactText(bodyText, secrets));
  const said = quoted(server.message, secrets);
  const provider = ctx.label;
  const make = (code: ProviderErrorCode, text: ErrorText, retryAfter?: number) =>
    new ProviderError(code, text, {
      status,
      secrets,
      ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    });

  if (status === 401) return make('auth', errorText('auth.badKey', { provider }));
  if (status === 402) {
    if (ctx.kind === 'emma') return make('quota', errorText('quota.emmaCredit', { provider: 'Emma' }));
    return make('quota', errorText('quota.credit', { provider }, said));
  }
  if (status === 403) {
    if (QUOTA.test(`${server.code ?? ''} ${server.message}`)) return make('quota', errorText('quota.exhausted', { provider }, said));
    return make('auth', errorText('auth.denied', { provider }, said));
  }
  if (status === 404) {
    if (ctx.kind === 'secondme')
      return make('not_found', errorText('notFound.instance', { provider: 'SecondMe', instance: ctx.instanceId ?? '' }));
    if (ctx.kind === 'openai-compatible' && ctx.model && /model/i.test(`${server.code ?? ''} ${server.message}`))
      return make('not_found', errorText('notFound.model', { provider, model: ctx.model }, said));
    return make('not_found', errorText('notFound.endpoint', { provider }, said));
  }
  if (status === 429) {
    if (server.code === 'insufficient_quota' || /quota|credit/i.test(server.message))
      return make('quota', errorText('quota.exhausted', { provider }, said));
    const wait = retryAfterSeconds(headers);
    if (wait === undefined) return make('rate_limited', errorText('rate.wait', { provider }));
    return make('rate_limited', errorText('rate.retryIn', { provider, seconds: Math.ceil(wait) }), wait);
  }
  if (status === 400 || status === 422) return make('invalid_request', errorText('request.rejectedStatus', { provider, status }, said));
  if (status === 503 && ctx.kind === 'secondme' && !server.html)
    return make('unavailable', errorText('unavailable.instanceOffline', { provider: 'SecondMe', instance: ctx.instanceId ?? '' }, said));
  if (status >= 500) return make('unavailable', errorText('unavailable.status', { provider, status }, said));
  if (status >= 400) return make('invalid_request', errorText('request.failedStatus', { provider, status }, said));
  return make('protocol', errorText('protocol.unexpectedStatus', { provider, status }, said));
}

/** Reads (a bounded part of) the error body and maps the response to a ProviderError. */
export async function errorFromResponse(response: StreamResponse, ctx: ErrorContext): Promise<ProviderError> {
  let text = '';
  try {
    text = await response.text(16 * 1024);
  } catch {
    // the status alone still tells what went wrong
  }
  return errorForStatus(response.status, response.headers, text, ctx);
}
