/**
 * Fault modes of the provider simulator. A fault is switched on either for the
 * whole server (`setFault`, `POST /__sim/fault`) or for one request by a marker in
 * the last user message, e.g. `[[sim:stall]]` or `[[sim:rate-limit times=2 retry-after=1]]`.
 * Several faults combine (`[[sim:bytes]] [[sim:crlf]]`).
 */
import { z } from 'zod';

export const FAULT_KINDS = [
  /** Every byte of the body is written separately. */
  'bytes',
  /** Lines end with CRLF instead of LF. */
  'crlf',
  /** Stop sending after `after` frames (default 3) without closing the socket. */
  'stall',
  /** Wait `ms` (default 400) between frames. */
  'slow',
  /** Destroy the socket after `after` frames (default 3). */
  'disconnect',
  /** Send the API's error event after `after` frames (default 3), then end; SSE: `code` / `type` set the error object's fields. */
  'error-event',
  /** 429 with `Retry-After: retry-after` (default 1) for the first `times` requests (default 1). */
  'rate-limit',
  /** HTTP `status` (default 503; 500/502/503/504) with a JSON error for the first `times` requests (default 1). */
  'status',
  /** An nginx-like HTML error page with `status` (default 502) for the first `times` requests (default: always). */
  'html',
  /** One line / event larger than 1 MiB after 2 frames. */
  'oversize',
  /** Multi-byte reply (Chinese) with every frame split inside a UTF-8 sequence. */
  'multibyte',
  /** Emma: an `update` that rewrites earlier text (not a prefix extension). */
  'rewrite',
  /** Emma: each `update` carries only the new piece (the document's prose), not the text so far (its example). */
  'incremental',
  /** Emma: `done.response` differs from the last `update`. */
  'done-differs',
  /** Event types / chunks the client must ignore (Emma `heartbeat`/`sources`, blank lines; SSE `ping`, empty choices, role-only delta). */
  'unknown-events',
  /** SSE only: `: comment` lines, `event:`/`id:`/`retry:` fields, a `data` split over two lines. */
  'sse-extras',
  /** A UTF-8 byte-order mark before the body. */
  'bom',
  /** OpenAI-compatible: reject `stream_options` as an unknown field (400), like endpoints that do not support it. */
  'reject-stream-options',
  /** SecondMe/OpenAI: answer one JSON `chat.completion` even when `stream: true` was asked. */
  'ignore-stream',
  /** End the body cleanly after `after` frames (default 3), without the final event. */
  'truncate',
  /** A line / event that is not valid JSON after `after` frames (default 3). */
  'malformed',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

const count = z.coerce.number().int().min(0);

export const faultSchema = z.object({
  kind: z.enum(FAULT_KINDS),
  /** Frames sent before the stall / disconnect / error event. */
  after: count.optional(),
  /** Delay per frame for `slow`. */
  ms: count.optional(),
  /** How many requests fail before the server answers normally again. */
  times: count.optional(),
  status: z.coerce.number().int().min(100).max(599).optional(),
  /** `Retry-After` value: seconds or an HTTP date. */
  retryAfter: z.union([z.string(), z.number()]).transform(String).optional(),
  /** Message of the error event. */
  message: z.string().optional(),
  /** SSE error event: `error.code` (e.g. `invalid_api_key`, what a real OpenAI-compatible server sent with HTTP 200). */
  code: z.string().optional(),
  /** SSE error event: `error.type` (e.g. `invalid_request_error`). */
  type: z.string().optional(),
});

export type Fault = z.input<typeof faultSchema>;
export type ParsedFault = z.output<typeof faultSchema>;

const MARKER = /\[\[sim:([a-z-]+)((?:\s+[a-z-]+=[^\s\]]+)*)\s*\]\]/g;

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** Faults named by `[[sim:…]]` markers in a message; unknown markers are ignored. */
export function parseMarkers(text: string): ParsedFault[] {
  const faults: ParsedFault[] = [];
  for (const match of text.matchAll(MARKER)) {
    const raw: Record<string, string> = { kind: match[1] ?? '' };
    for (const pair of (match[2] ?? '').trim().split(/\s+/).filter(Boolean)) {
      const [key, value] = pair.split('=');
      if (key && value !== undefined) raw[camel(key)] = value;
    }
    const parsed = faultSchema.safeParse(raw);
    if (parsed.success) faults.push(parsed.data);
  }
  return faults;
}

export function stripMarkers(text: string): string {
  return text.replace(MARKER, '').replace(/\s{2,}/g, ' ').trim();
}

/** What a streamed answer looks like once all active faults are folded together. */
export interface StreamBehaviour {
  delayMs: number;
  bytes: boolean;
  crlf: boolean;
  bom: boolean;
  multibyte: boolean;
  oversize: boolean;
  rewrite: boolean;
  incremental: boolean;
  doneDiffers: boolean;
  unknownEvents: boolean;
  sseExtras: boolean;
  ignoreStream: boolean;
  rejectStreamOptions: boolean;
  stallAfter?: number;
  disconnectAfter?: number;
  errorEvent?: { after: number; message?: string; code?: string; type?: string };
  truncateAfter?: number;
  malformedAfter?: number;
}

export function streamBehaviour(faults: ParsedFault[], defaultDelayMs: number): StreamBehaviour {
  const has = (kind: FaultKind) => faults.find((f) => f.kind === kind);
  const slow = has('slow');
  const stall = has('stall');
  const disconnect = has('disconnect');
  const errorEvent = has('error-event');
  const truncate = has('truncate');
  const malformed = has('malformed');
  return {
    delayMs: slow ? (slow.ms ?? 400) : defaultDelayMs,
    bytes: !!has('bytes'),
    crlf: !!has('crlf'),
    bom: !!has('bom'),
    multibyte: !!has('multibyte'),
    oversize: !!has('oversize'),
    rewrite: !!has('rewrite'),
    incremental: !!has('incremental'),
    doneDiffers: !!has('done-differs'),
    unknownEvents: !!has('unknown-events'),
    sseExtras: !!has('sse-extras'),
    ignoreStream: !!has('ignore-stream'),
    rejectStreamOptions: !!has('reject-stream-options'),
    ...(stall ? { stallAfter: stall.after ?? 3 } : {}),
    ...(disconnect ? { disconnectAfter: disconnect.after ?? 3 } : {}),
    ...(errorEvent
      ? { errorEvent: { after: errorEvent.after ?? 3, message: errorEvent.message, code: errorEvent.code, type: errorEvent.type } }
      : {}),
    ...(truncate ? { truncateAfter: truncate.after ?? 3 } : {}),
    ...(malformed ? { malformedAfter: malformed.after ?? 3 } : {}),
  };
}

/** A fault answered before any streaming: 429, a JSON 5xx or an HTML page. */
export type GatewayFault =
  | { kind: 'rate-limit'; retryAfter: string }
  | { kind: 'status'; status: number }
  | { kind: 'html'; status: number };

const GATEWAY_KINDS: readonly FaultKind[] = ['rate-limit', 'status', 'html'];

/**
 * Counts requests per fault so "fail the first N, then succeed" works both for a
 * server-wide fault (counted since it was set) and for a marker (counted per
 * identical request; the count restarts once the request succeeded).
 */
export class GatewayFaultCounter {
  private readonly counts = new Map<string, number>();

  reset(): void {
    this.counts.clear();
  }

  /**
   * The gateway fault this request must get, if any. `key` identifies the request;
   * with `restart`, the count starts again after the first success.
   */
  next(faults: ParsedFault[], key: string, restart: boolean): GatewayFault | undefined {
    const fault = faults.find((f) => GATEWAY_KINDS.includes(f.kind));
    if (!fault) return undefined;
    const limit = fault.times ?? (fault.kind === 'html' ? Number.POSITIVE_INFINITY : 1);
    const counterKey = `${fault.kind}\n${key}`;
    const seen = (this.counts.get(counterKey) ?? 0) + 1;
    if (seen > limit) {
      if (restart) this.counts.delete(counterKey);
      return undefined;
    }
    this.counts.set(counterKey, seen);
    if (fault.kind === 'rate-limit') return { kind: 'rate-limit', retryAfter: fault.retryAfter ?? '1' };
    if (fault.kind === 'status') return { kind: 'status', status: fault.status ?? 503 };
    return { kind: 'html', status: fault.status ?? 502 };
  }
}
