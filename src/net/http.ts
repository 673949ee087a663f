/**
 * The HTTP client every provider uses: one undici request with connect,
 * first-byte and idle timeouts, cancellation through an AbortSignal, retry
 * before the first body byte (429/502/503/504 only), proxy routing and log
 * lines with secrets masked. Bodies are streamed, never logged.
 */
import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { ProviderError } from './errors';
import { errorText } from './errorTexts';
import { cancelledError, toProviderError, type FailureContext } from './failures';
import { routeFor } from './proxy';
import { redactText, secretsFromHeaders } from './redact';
import { closedWhileIdle } from './staleSocket';
import { abortableSleep, isRetryableStatus, resolveMaxRetries, retryDelay } from './retry';
import type { NetworkSettings } from './settings';
import { loadUndici } from './undici';
import { formatDuration, resolveTimeouts } from './timeouts';
import { randomHex } from '../common/random';

export { retryAfterSeconds } from './retry';
export { redactHeaders, redactText } from './redact';
export { closeDispatchers } from './proxy';

export interface HttpRequestSpec {
  url: string;
  method?: 'POST' | 'GET';
  headers: Record<string, string>;
  body?: string;
  /** Provider name used in user-facing messages, e.g. "Emma". */
  label: string;
}

export interface SendOptions {
  signal: AbortSignal;
  network?: NetworkSettings;
  /** Receives redacted lines only. */
  log?: (line: string) => void;
  /** Test seam only: replaces the wait between retries. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /**
   * Whether a retryable status (429/502/503/504) is worth another try for this
   * API, judged from the status, headers and (up to 16 KiB of) the error body;
   * default yes. SecondMe's documented 503 "instance not online" is not transient.
   */
  transient?: (status: number, headers: Readonly<Record<string, string>>, bodyText: string) => boolean;
}

export interface StreamResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Generated per call (8 hex chars); appears in every log line of the call. */
  requestId: string;
  retries: number;
  /** Body chunks. The idle timeout applies between chunks; aborting the signal closes the socket. */
  body: AsyncIterable<Uint8Array>;
  /** At most `limitBytes` (default 64 KiB) of the body as text, secrets masked; the rest is discarded. */
  text(limitBytes?: number): Promise<string>;
}

export const DEFAULT_TEXT_LIMIT = 64 * 1024;

export function newRequestId(): string {
  return randomHex(4);
}

function normalizeHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

interface CallContext extends FailureContext {
  requestId: string;
  method: 'POST' | 'GET';
  /** origin + path, no query (queries may carry keys): what log lines show. */
  shown: string;
  started: number;
  log: (line: string) => void;
}

function elapsed(ctx: CallContext): string {
  return `${Math.round(performance.now() - ctx.started)} ms`;
}

/**
 * Resolves with undici's response, or rejects as soon as `signal` aborts even
 * if undici is still connecting; a response that arrives after that is discarded.
 */
function raceAbort(pending: Promise<Dispatcher.ResponseData>, signal: AbortSignal): Promise<Dispatcher.ResponseData> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      reject(signal.reason);
      pending.then((late) => late.body.destroy(), () => undefined);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (response) => {
        signal.removeEventListener('abort', onAbort);
        resolve(response);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export async function sendRequest(spec: HttpRequestSpec, options: SendOptions): Promise<StreamResponse> {
  const { signal } = options;
  const method = spec.method ?? 'POST';
  const secrets = secretsFromHeaders(spec.headers);
  const rawLog = options.log;
  const log = (line: string): void => {
    if (!rawLog) return;
    try {
      rawLog(redactText(line, secrets));
    } catch {
      // A failing log sink must not fail the request.
    }
  };

  let url: URL;
  try {
    url = new URL(spec.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`unsupported scheme ${url.protocol}`);
  } catch (cause) {
    throw new ProviderError(
      'invalid_request',
      errorText('network.badUrl', { provider: spec.label, url: spec.url }),
      { cause, secrets },
    );
  }

  const timeouts = resolveTimeouts(options.network);
  const maxRetries = resolveMaxRetries(options.network);
  const undici = loadUndici();
  const route = routeFor(undici, url, options.network, timeouts.connectMs, spec.label);
  const ctx: CallContext = {
    label: spec.label,
    host: url.host,
    via: route.via,
    timeouts,
    signal,
    secrets,
    requestId: newRequestId(),
    method,
    shown: `${url.origin}${url.pathname}`,
    started: performance.now(),
    log,
  };
  const prefix = `[${ctx.requestId}] ${method} ${ctx.shown}`;
  const sleep = options.sleep ?? abortableSleep;

  let retries = 0;
  let resentOnFreshConnection = false;
  for (;;) {
    if (signal.aborted) {
      log(`${prefix} cancelled after ${elapsed(ctx)} (retries ${retries})`);
      throw cancelledError(ctx, signal.reason);
    }
    let response: Dispatcher.ResponseData;
    try {
      response = await raceAbort(
        route.dispatcher.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method,
          headers: spec.headers,
          body: spec.body,
          signal,
          headersTimeout: timeouts.firstByteMs,
          bodyTimeout: timeouts.idleMs,
        }),
        signal,
      );
    } catch (error) {
      if (closedWhileIdle(error) && !resentOnFreshConnection && !signal.aborted) {
        resentOnFreshConnection = true;
        log(`${prefix} the kept-alive connection was closed by the server while idle; sending again on a new connection`);
        continue;
      }
      const failure = toProviderError(error, ctx, 'request');
      log(`${prefix} ✗ ${failure.code} after ${elapsed(ctx)} (retries ${retries}): ${failure.message}`);
      throw failure;
    }

    const status = response.statusCode;
    const headers = normalizeHeaders(response.headers);
    let body: Readable = response.body;
    let worthRetrying = isRetryableStatus(status) && retries < maxRetries;
    if (worthRetrying && options.transient) {
      const peeked = await peekErrorBody(response.body, ctx);
      body = Readable.from([peeked]);
      worthRetrying = options.transient(status, headers, new TextDecoder('utf-8').decode(peeked));
    }
    if (worthRetrying) {
      const delay = retryDelay(retries, headers);
      log(
        `${prefix} → ${status} in ${elapsed(ctx)}; retry ${retries + 1}/${maxRetries} in ${formatDuration(delay.ms)}` +
          (delay.source === 'retry-after' ? ' (Retry-After)' : ' (backoff)') +
          (ctx.via ? ` via ${ctx.via}` : ''),
      );
      discard(body);
      try {
        await sleep(delay.ms, signal);
      } catch (error) {
        if (!signal.aborted) throw error;
      }
      retries += 1;
      continue;
    }

    log(`${prefix} → ${status} in ${elapsed(ctx)} (retries ${retries})${ctx.via ? ` via ${ctx.via}` : ''}`);
    return streamResponse(body, status, headers, retries, ctx, prefix);
  }
}

/** Error bodies are small; this much is read to judge one (the rest is dropped). */
const PEEK_LIMIT = 16 * 1024;

/** Reads up to PEEK_LIMIT bytes of an error body; a body that fails midway keeps what arrived. */
async function peekErrorBody(body: Readable, ctx: CallContext): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let kept = 0;
  try {
    for await (const chunk of body) {
      const bytes = chunk as Buffer;
      parts.push(bytes.subarray(0, PEEK_LIMIT - kept));
      kept += Math.min(bytes.byteLength, PEEK_LIMIT - kept);
      if (kept >= PEEK_LIMIT) break;
    }
  } catch (error) {
    ctx.log(`[${ctx.requestId}] error body unreadable: ${toProviderError(error, ctx, 'body').message}`);
  } finally {
    discard(body);
  }
  return Buffer.concat(parts);
}

/** Drops a body we will not read; the connection is closed rather than drained (it may stall). */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

function streamResponse(
  body: Readable,
  status: number,
  headers: Record<string, string>,
  retries: number,
  ctx: CallContext,
  prefix: string,
): StreamResponse {
  let started = false;
  let bytes = 0;

  async function* chunks(): AsyncGenerator<Uint8Array, void, undefined> {
    if (started) throw new ProviderError('protocol', errorText('protocol.bodyAlreadyRead', { provider: ctx.label }));
    started = true;
    let complete = false;
    let failed = false;
    try {
      for await (const chunk of body) {
        const bytesChunk = chunk as Uint8Array;
        bytes += bytesChunk.byteLength;
        yield bytesChunk;
      }
      complete = true;
      ctx.log(`${prefix} body complete: ${bytes} bytes in ${elapsed(ctx)}`);
    } catch (error) {
      failed = true;
      const failure = toProviderError(error, ctx, 'body');
      ctx.log(`${prefix} ✗ body ${failure.code} after ${bytes} bytes, ${elapsed(ctx)}: ${failure.message}`);
      throw failure;
    } finally {
      // The caller stopped early (break/return): close the connection now.
      if (!complete && !failed) {
        ctx.log(`${prefix} body closed by the caller after ${bytes} bytes, ${elapsed(ctx)}`);
        body.on('error', () => undefined);
        if (!body.destroyed) body.destroy();
      }
    }
  }

  const iterable: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => chunks() };

  async function text(limitBytes: number = DEFAULT_TEXT_LIMIT): Promise<string> {
    const parts: Uint8Array[] = [];
    let kept = 0;
    for await (const chunk of iterable) {
      const room = limitBytes - kept;
      parts.push(chunk.byteLength > room ? chunk.subarray(0, room) : chunk);
      kept += Math.min(room, chunk.byteLength);
      if (kept >= limitBytes) break;
    }
    const all = new Uint8Array(kept);
    let offset = 0;
    for (const part of parts) {
      all.set(part, offset);
      offset += part.byteLength;
    }
    // A multi-byte character cut by the limit decodes to U+FFFD; fine for an error message.
    return redactText(new TextDecoder('utf-8').decode(all), ctx.secrets);
  }

  return { status, headers, requestId: ctx.requestId, retries, body: iterable, text };
}
