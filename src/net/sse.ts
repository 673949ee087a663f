/**
 * Server-sent events (text/event-stream) decoder on bytes, per the WHATWG HTML
 * "parsing an event stream" rules:
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream
 *
 * Line splitting, UTF-8 decoding on whole lines, the BOM and the line cap live in
 * `LineSplitter`; this module interprets the lines. Where the API differs from a
 * browser's EventSource:
 * - `id` is the last event ID in force when the event is dispatched (it persists
 *   across events, as the spec says); an empty last event ID is reported as absent.
 * - `retry` (the reconnection time, digits only) is reported on the next event
 *   dispatched after the field, since this decoder has no connection of its own.
 * - At the end of the stream an unterminated event is not dispatched (spec).
 * The data of one event is capped like a line (`maxLineBytes`, counted in UTF-16
 * code units of the decoded text, which never exceeds its UTF-8 byte count).
 */
import { ProviderError } from './errors';
import { errorText } from './errorTexts';
import { drainDecoder } from './decodeStream';
import { formatBytes, LineSplitter, resolveMaxLineBytes, type DecoderOptions } from './lineSplitter';

export type { DecoderOptions } from './lineSplitter';

export interface SseEvent {
  /** The event type; "message" when the stream did not name one. */
  event: string;
  /** The data lines of the event joined with "\n". */
  data: string;
  /** The last event ID in force (omitted while none, or an empty one, was set). */
  id?: string;
  /** A reconnection time (ms) the server sent since the previous event. */
  retry?: number;
}

const SPACE = 0x20;
const COLON = 0x3a;
const LOWER_D = 0x64;
const NUL = '\0';

export class SseDecoder {
  private readonly lines: LineSplitter;
  private readonly maxDataLength: number;
  private onEvent: (e: SseEvent) => void = noop;
  private data = '';
  private dataLength = 0;
  private hasData = false;
  private eventType = '';
  private lastEventId = '';
  private retry: number | undefined;

  constructor(options?: DecoderOptions) {
    this.maxDataLength = resolveMaxLineBytes(options);
    this.lines = new LineSplitter(this.maxDataLength, 'sse');
  }

  push(chunk: Uint8Array, onEvent: (e: SseEvent) => void): void {
    this.onEvent = onEvent;
    try {
      this.lines.push(chunk, this.onLine);
    } finally {
      this.onEvent = noop;
    }
  }

  /** Ends the stream. An event without its closing empty line is discarded (spec). */
  end(_onEvent: (e: SseEvent) => void): void {
    this.lines.end();
    this.data = '';
    this.dataLength = 0;
    this.hasData = false;
    this.eventType = '';
    this.lastEventId = '';
    this.retry = undefined;
  }

  private readonly onLine = (text: string, start: number, end: number): void => {
    if (start === end) {
      this.dispatch();
      return;
    }
    const first = text.charCodeAt(start);
    if (
      first === LOWER_D &&
      text.charCodeAt(start + 4) === COLON &&
      text.charCodeAt(start + 1) === 0x61 && // a
      text.charCodeAt(start + 2) === 0x74 && // t
      text.charCodeAt(start + 3) === 0x61 // a
    ) {
      // `data:` — by far the most common line.
      const valueStart = text.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5;
      this.appendData(text.slice(valueStart, end));
      return;
    }
    if (first === COLON) return; // comment
    const line = text.slice(start, end);
    const colon = line.indexOf(':');
    let field = line;
    let value = '';
    if (colon !== -1) {
      field = line.slice(0, colon);
      value = line.slice(line.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1);
    }
    switch (field) {
      case 'data':
        this.appendData(value);
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (!value.includes(NUL)) this.lastEventId = value;
        break;
      case 'retry':
        if (/^[0-9]+$/.test(value)) this.retry = Number.parseInt(value, 10);
        break;
      default:
        break; // unknown fields are ignored
    }
  };

  private appendData(value: string): void {
    if (this.hasData) {
      this.dataLength += value.length + 1;
      this.checkDataLength();
      this.data = `${this.data}\n${value}`;
    } else {
      this.dataLength = value.length;
      this.checkDataLength();
      this.data = value;
      this.hasData = true;
    }
  }

  private checkDataLength(): void {
    if (this.dataLength > this.maxDataLength) {
      this.data = '';
      this.hasData = false;
      throw new ProviderError('protocol', errorText('protocol.eventTooLarge', { limit: formatBytes(this.maxDataLength) }));
    }
  }

  private dispatch(): void {
    if (!this.hasData) {
      this.eventType = '';
      return;
    }
    const event: SseEvent = { event: this.eventType === '' ? 'message' : this.eventType, data: this.data };
    if (this.lastEventId !== '') event.id = this.lastEventId;
    if (this.retry !== undefined) {
      event.retry = this.retry;
      this.retry = undefined;
    }
    this.data = '';
    this.dataLength = 0;
    this.hasData = false;
    this.eventType = '';
    this.onEvent(event);
  }
}

/** Decodes a byte stream (e.g. an HTTP response body) into events. */
export function decodeSse(body: AsyncIterable<Uint8Array>, options?: DecoderOptions): AsyncIterable<SseEvent> {
  const decoder = new SseDecoder(options);
  return drainDecoder(body, decoder);
}

function noop(): void {}
