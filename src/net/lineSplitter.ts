/**
 * The byte-level line splitter shared by the SSE and NDJSON decoders.
 *
 * - Lines end in LF, CR or CRLF; a CR at the end of one chunk followed by an LF at
 *   the start of the next is one line end (no phantom empty line).
 * - Line ends are found in the bytes (0x0A / 0x0D never occur inside a UTF-8
 *   multi-byte sequence), and UTF-8 is decoded only on whole lines, so a character
 *   split across chunks survives. All complete lines of a chunk are decoded with a
 *   single TextDecoder call and then split as a string: cutting a byte stream at
 *   ASCII bytes and decoding the pieces yields exactly the concatenation of decoding
 *   each piece (an ASCII byte always ends a malformed sequence), so this is the same
 *   as decoding line by line, only with far fewer native calls.
 * - One UTF-8 BOM at the very start of the stream is skipped.
 * - A line (bytes between two line ends) longer than `maxLineBytes` throws a
 *   `protocol` ProviderError; the bytes of a partial line are kept in one buffer that
 *   grows by doubling and never beyond the cap, so memory stays bounded.
 *
 * The cost is O(n) in the stream length: each byte is searched a bounded number of
 * times (indexOf / lastIndexOf on the chunk) and copied at most twice.
 */
import { ProviderError } from './errors';

export interface DecoderOptions {
  /** Largest line (and, for SSE, largest event data) accepted, in bytes. Default 1 MiB. */
  maxLineBytes?: number;
}

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

/**
 * Receives each complete line as the range [start, end) of `text` (no line end
 * included). Ranges avoid a substring per line when the caller only needs a part.
 */
export type LineSink = (text: string, start: number, end: number) => void;

const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;
const INITIAL_PENDING_BYTES = 4096;
/** A pending buffer grown past this for one long line is released after that line. */
const KEEP_PENDING_BYTES = 64 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

export function resolveMaxLineBytes(options: DecoderOptions | undefined): number {
  const max = options?.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  if (!Number.isInteger(max) || max < 1) {
    throw new RangeError(`maxLineBytes must be a positive integer, got ${String(max)}`);
  }
  return max;
}

export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private pending = new Uint8Array(0);
  private pendingLength = 0;
  /** The previous chunk ended in CR: an LF starting the next chunk belongs to it. */
  private skipLeadingLf = false;
  private atStreamStart = true;

  /** `format` names the wire format in error messages, e.g. "event stream (SSE)". */
  constructor(
    readonly maxLineBytes: number,
    private readonly format: string,
  ) {}

  push(chunk: Uint8Array, sink: LineSink): void {
    const length = chunk.length;
    let start = 0;
    if (this.skipLeadingLf && length > 0) {
      this.skipLeadingLf = false;
      if (chunk[0] === LF) start = 1;
    }
    // Buffer's own indexOf/lastIndexOf (memchr) is used when the chunk is a Buffer,
    // TypedArray's otherwise: both are native scans, no per-byte JS loop.
    const lastLf = chunk.lastIndexOf(LF);
    const lastCr = chunk.lastIndexOf(CR);
    const last = lastLf > lastCr ? lastLf : lastCr;
    if (last < start) {
      if (start < length) this.appendPending(chunk, start, length);
      return;
    }
    const batchBytes = this.pendingLength + (last + 1 - start);
    if (batchBytes <= this.maxLineBytes) {
      // No line in the batch can exceed the cap: decode every complete line at once.
      let text: string;
      if (this.pendingLength > 0) {
        this.appendPending(chunk, start, last + 1);
        text = this.takePending();
      } else {
        text = this.decoder.decode(chunk.subarray(start, last + 1));
      }
      this.emitLines(text, sink);
    } else {
      this.emitLinesCheckingEach(chunk, start, last, lastCr, sink);
    }
    if (chunk[last] === CR && last === length - 1) this.skipLeadingLf = true;
    if (last + 1 < length) this.appendPending(chunk, last + 1, length);
  }

  /**
   * Ends the stream: returns the decoded unterminated last line (`undefined` when
   * the stream ended with a line end) and resets the splitter for a new stream.
   */
  end(): string | undefined {
    let rest: string | undefined;
    if (this.pendingLength > 0) {
      rest = this.takePending();
      if (this.atStreamStart) {
        this.atStreamStart = false;
        if (rest.charCodeAt(0) === BOM) rest = rest.slice(1);
      }
    }
    this.skipLeadingLf = false;
    this.atStreamStart = true;
    return rest;
  }

  /** Splits decoded text that ends with a line end into lines. */
  private emitLines(text: string, sink: LineSink): void {
    let pos = 0;
    if (this.atStreamStart) {
      this.atStreamStart = false;
      if (text.charCodeAt(0) === BOM) pos = 1;
    }
    const length = text.length;
    let cr = text.indexOf('\r', pos);
    let lf = text.indexOf('\n', pos);
    if (cr === -1) {
      // The usual case (LF only): one indexOf per line.
      while (lf !== -1) {
        sink(text, pos, lf);
        pos = lf + 1;
        lf = text.indexOf('\n', pos);
      }
      return;
    }
    while (pos < length) {
      // Cached positions are reused until passed, so the text is scanned once.
      if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
      if (lf !== -1 && lf < pos) lf = text.indexOf('\n', pos);
      const end = cr === -1 ? lf : lf === -1 || cr < lf ? cr : lf;
      if (end === -1) return;
      sink(text, pos, end);
      pos = end + 1;
      if (end === cr && text.charCodeAt(pos) === LF) pos++;
    }
  }

  /**
   * The rare path where the batch is larger than the cap: decode line by line so the
   * byte length of each line can be checked (throws at the first line too long).
   */
  private emitLinesCheckingEach(chunk: Uint8Array, start: number, last: number, lastCr: number, sink: LineSink): void {
    let pos = start;
    let cr = lastCr >= start ? chunk.indexOf(CR, start) : -1;
    let lf = chunk.indexOf(LF, start);
    while (pos <= last) {
      if (cr !== -1 && cr < pos) cr = chunk.indexOf(CR, pos);
      if (lf !== -1 && lf < pos) lf = chunk.indexOf(LF, pos);
      const end = cr === -1 ? lf : lf === -1 || cr < lf ? cr : lf;
      let next = end + 1;
      if (end === cr && next <= last && chunk[next] === LF) next++;
      const lineBytes = this.pendingLength + (end - pos);
      if (lineBytes > this.maxLineBytes) this.fail();
      let text: string;
      if (this.pendingLength > 0) {
        this.appendPending(chunk, pos, next, this.maxLineBytes + 2);
        text = this.takePending();
      } else {
        text = this.decoder.decode(chunk.subarray(pos, next));
      }
      this.emitLines(text, sink);
      pos = next;
    }
  }

  /**
   * Copies chunk[from, to) after the pending bytes. `limit` is the most the pending
   * bytes may then hold: the cap for a partial line, the cap plus a CRLF when the
   * appended bytes end a line whose length was already checked.
   */
  private appendPending(chunk: Uint8Array, from: number, to: number, limit = this.maxLineBytes): void {
    const needed = this.pendingLength + (to - from);
    if (needed > limit) this.fail();
    if (needed > this.pending.length) {
      let capacity = Math.max(this.pending.length * 2, INITIAL_PENDING_BYTES);
      while (capacity < needed) capacity *= 2;
      const grown = new Uint8Array(Math.min(capacity, this.maxLineBytes + 2));
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(from === 0 && to === chunk.length ? chunk : chunk.subarray(from, to), this.pendingLength);
    this.pendingLength = needed;
  }

  private takePending(): string {
    const text = this.decoder.decode(this.pending.subarray(0, this.pendingLength));
    this.pendingLength = 0;
    if (this.pending.length > KEEP_PENDING_BYTES) this.pending = new Uint8Array(0);
    return text;
  }

  private fail(): never {
    this.pendingLength = 0;
    this.pending = new Uint8Array(0);
    throw new ProviderError(
      'protocol',
      `The server sent a line longer than ${formatBytes(this.maxLineBytes)} in its ${this.format}; ` +
        'the reply was stopped to keep memory bounded. Check that the endpoint is a streaming chat API.',
    );
  }
}
