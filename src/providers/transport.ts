/**
 * What every adapter does around its own wire format: send the JSON body through
 * net/http, turn an error status into a ProviderError, classify the reply by
 * Content-Type, and make sure whatever escapes a stream is a ProviderError.
 */
import { isProviderError, ProviderError } from '../net/errors';
import { errorText } from '../net/errorTexts';
import { redactText, sendRequest, type StreamResponse } from '../net/http';
import { errorFromResponse, type ErrorContext } from './httpErrors';
import type { ProviderDeps } from './types';

export interface PostSpec {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  ctx: ErrorContext;
  /** See SendOptions.transient: which retryable statuses this API means as "try again". */
  transient?: (status: number, headers: Readonly<Record<string, string>>, bodyText: string) => boolean;
}

/** POSTs `body` as JSON; resolves with a 2xx response, throws a ProviderError otherwise. */
export async function postJson(spec: PostSpec, deps: ProviderDeps, signal: AbortSignal): Promise<StreamResponse> {
  const response = await sendRequest(
    {
      url: spec.url,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...spec.headers },
      body: JSON.stringify(spec.body),
      label: spec.ctx.label,
    },
    {
      signal,
      ...(deps.network ? { network: deps.network } : {}),
      ...(deps.log ? { log: deps.log } : {}),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(spec.transient ? { transient: spec.transient } : {}),
    },
  );
  if (response.status < 200 || response.status >= 300) throw await errorFromResponse(response, spec.ctx);
  return response;
}

export type ReplyKind = 'sse' | 'json' | 'ndjson' | 'html' | 'other';

export function replyKind(headers: Record<string, string>): ReplyKind {
  const type = (headers['content-type'] ?? '').toLowerCase();
  if (type.includes('text/event-stream')) return 'sse';
  if (type.includes('ndjson') || type.includes('jsonl') || type.includes('json-seq')) return 'ndjson';
  if (type.includes('json')) return 'json';
  if (type.includes('html')) return 'html';
  return 'other';
}

export function htmlReplyError(ctx: ErrorContext): ProviderError {
  return new ProviderError('protocol', errorText('protocol.webPage', { provider: ctx.label }));
}

/** The message for a stream that ended before its final event. */
export function cutOffError(ctx: ErrorContext): ProviderError {
  return new ProviderError('protocol', errorText('protocol.cutOff', { provider: ctx.label }));
}

/**
 * Passes events through; every failure leaves as a ProviderError: `cancelled`
 * when the signal was aborted, the key masked in any message.
 */
export async function* guarded<T>(events: AsyncIterable<T>, ctx: ErrorContext, signal: AbortSignal): AsyncGenerator<T> {
  try {
    yield* events;
  } catch (error: unknown) {
    const secrets = ctx.key ? [ctx.key] : [];
    if (signal.aborted) {
      if (isProviderError(error) && error.code === 'cancelled') throw error;
      throw new ProviderError('cancelled', errorText('network.stopped', { provider: ctx.label }), { cause: error });
    }
    if (isProviderError(error)) {
      if (redactText(error.message, secrets) === error.message) throw error;
      throw new ProviderError(error.code, error.text, {
        secrets,
        ...(error.status !== undefined ? { status: error.status } : {}),
        ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
        cause: error,
      });
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new ProviderError('network', errorText('network.failed', { provider: ctx.label, detail }), { cause: error, secrets });
  }
}

/** What a malformed JSON text was meant to be, for the error message. */
export type MalformedWhat = 'protocol.what.streamEvent' | 'protocol.what.reply' | 'protocol.what.modelList' | 'protocol.what.eventLine';

/** Parses one JSON text; malformed input is a `protocol` error naming the provider. */
export function parseJson(text: string, ctx: ErrorContext, what: MalformedWhat): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    const shown = text.length > 80 ? `${text.slice(0, 79)}…` : text;
    throw new ProviderError('protocol', errorText('protocol.malformedJson', { provider: ctx.label, what: errorText(what, {}), excerpt: shown }), {
      cause,
      secrets: ctx.key ? [ctx.key] : [],
    });
  }
}
