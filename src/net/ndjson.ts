/**
 * Newline-delimited JSON line decoder on bytes (Emma's stream format).
 *
 * Shares `LineSplitter` with the SSE decoder: lines end in LF, CRLF or a lone CR,
 * one leading UTF-8 BOM is skipped, UTF-8 is decoded on whole lines only, and a line
 * over `maxLineBytes` (default 1 MiB) throws a `protocol` ProviderError. Blank lines
 * (empty or only whitespace) are skipped; a last line without a line end is emitted
 * at the end of the stream. Lines are returned as text: JSON parsing belongs to the
 * caller, which knows what to do with a malformed one.
 */
import { drainDecoder } from './decodeStream';
import { LineSplitter, resolveMaxLineBytes, type DecoderOptions } from './lineSplitter';

export type { DecoderOptions } from './lineSplitter';

export class NdjsonDecoder {
  private readonly lines: LineSplitter;
  private onLine: (line: string) => void = noop;

  constructor(options?: DecoderOptions) {
    this.lines = new LineSplitter(resolveMaxLineBytes(options), 'ndjson');
  }

  push(chunk: Uint8Array, onLine: (line: string) => void): void {
    this.onLine = onLine;
    try {
      this.lines.push(chunk, this.sink);
    } finally {
      this.onLine = noop;
    }
  }

  /** Ends the stream, emitting a last line that had no line end. */
  end(onLine: (line: string) => void): void {
    const rest = this.lines.end();
    if (rest !== undefined && !isBlank(rest, 0, rest.length)) onLine(rest);
  }

  private readonly sink = (text: string, start: number, end: number): void => {
    if (isBlank(text, start, end)) return;
    this.onLine(start === 0 && end === text.length ? text : text.slice(start, end));
  };
}

/** Decodes a byte stream (e.g. an HTTP response body) into its non-blank lines. */
export function decodeNdjsonLines(body: AsyncIterable<Uint8Array>, options?: DecoderOptions): AsyncIterable<string> {
  return drainDecoder(body, new NdjsonDecoder(options));
}

/** Whether text[start, end) is empty or only whitespace (as String.prototype.trim sees it). */
function isBlank(text: string, start: number, end: number): boolean {
  if (start === end) return true;
  const first = text.charCodeAt(start);
  // Every whitespace character is <= U+0020, U+00A0, >= U+1680 or the BOM: a line
  // starting with anything else is not blank (JSON lines start with "{").
  if (first > 0x20 && first !== 0xa0 && first < 0x1680) return false;
  return text.slice(start, end).trim() === '';
}

function noop(): void {}
