/**
 * The byte-level line splitter shared by the SSE and NDJSON decoders.
 *
 * - Lines end in LF, CR or CRLF; a CR at the end of one chunk followed by an LF at
 *   the start of the next is one line end (no phantom empty line).
 * - Line ends are found in the bytes (0x0A / 0x0D never occur inside a UTF-8
 *   multi-byte sequence), and UTF-8 is decoded only on whole lines, so a character
 *   split across chunks survives. All complete lines of a chunk are decoded with one
 *   call and then split as a string: cutting a byte stream at ASCII bytes and
 *   decoding the pieces gives exactly the concatenation of decoding each piece (an
 *   ASCII byte always ends a malformed sequence), so this equals decoding line by
 *   line, with far fewer native calls.
 * - Decoding uses Buffer#toString('utf8', start, end) (WHATWG replacement of
 *   malformed bytes, like a non-fatal TextDecoder, and no BOM stripping): unlike
 *   TextDecoder#decode it takes a byte range, so no view object is allocated per
 *   line. Chunks are scanned with Buffer#indexOf/lastIndexOf (memchr), no JS loop.
 * - One UTF-8 BOM at the very start of the stream is skipped.
 * - A line (bytes between two line ends) longer than `maxLineBytes` throws a
 *   `protocol` ProviderError, after every line before it was delivered. The bytes
 *   of a partial line are kept in one buffer that grows by doubling and never much
 *   beyond the cap, so memory stays bounded.
 *
 * The cost is O(n) in the stream length: each byte is searched a bounded number of
 * times and copied at most twice.
 */
import { Buffer } from 'node:buffer';
import { ProviderError } from './errors';
import { errorText } from './errorTexts';

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
/** Chunks up to this size are copied whole into the pending buffer (see push). */
const SMALL_CHUNK_BYTES = 4096;
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
  private pending: Buffer = Buffer.alloc(0);
  private pendingLength = 0;
  /** The previous chunk ended in CR: an LF starting the next chunk belongs to it. */
  private skipLeadingLf = false;
  private atStreamStart = true;

  /** `format` names the wire format in error messages ("event stream (SSE)", "NDJSON stream"). */
  constructor(
    readonly maxLineBytes: number,
    private readonly format: 'sse' | 'ndjson',
  ) {}

  push(input: Uint8Array, sink: LineSink): void {
    const length = input.length;
    let start = 0;
    if (this.skipLeadingLf && length > 0) {
      this.skipLeadingLf = false;
      if (input[0] === LF) start = 1;
    }
    // Native scans, no per-byte JS loop: Buffer's (memchr) for large chunks; for a
    // small plain Uint8Array its own, cheaper than making a Buffer view of it. Only a
    // CR after the last LF can be the last line end, so CR is searched there only.
    const scan = length > SMALL_CHUNK_BYTES ? asBuffer(input) : input;
    const lastLf = scan.lastIndexOf(LF);
    let lastCr = -1;
    for (let cr = scan.indexOf(CR, lastLf + 1); cr !== -1; cr = scan.indexOf(CR, cr + 1)) lastCr = cr;
    const last = lastLf > lastCr ? lastLf : lastCr;
    if (last < start) {
      // No line end: the chunk only extends the pending partial line.
      if (start < length) this.appendPending(input, start, length, this.maxLineBytes);
      return;
    }
    const held = this.pendingLength;
    const rest = length - (last + 1);
    const keepRest = rest > 0 && rest <= this.maxLineBytes;
    if (held + (last + 1 - start) > this.maxLineBytes) {
      const chunk = asBuffer(input);
      this.emitLinesCheckingEach(chunk, start, last, sink);
      if (keepRest) this.appendPending(chunk, last + 1, length, this.maxLineBytes);
    } else {
      // No line of the batch can exceed the cap: decode all complete lines at once.
      let text: string;
      if (length <= SMALL_CHUNK_BYTES) {
        // Copy the whole chunk after the pending bytes, decode up to the last line
        // end, move the rest to the front: no view object is allocated.
        // (When bytes are pending, start is 0: a chunk ending in CR leaves none.)
        this.appendPending(input, 0, length, this.maxLineBytes + SMALL_CHUNK_BYTES);
        text = this.pending.toString('utf8', start, held + last + 1);
        if (keepRest) this.pending.copyWithin(0, held + last + 1, held + length);
        this.pendingLength = keepRest ? rest : 0;
        if (this.pending.length > KEEP_PENDING_BYTES) this.shrinkPending();
      } else {
        const chunk = asBuffer(input);
        if (held > 0) {
          this.appendPending(chunk, 0, last + 1, this.maxLineBytes);
          text = this.takePending();
        } else {
          text = chunk.toString('utf8', start, last + 1);
        }
        if (keepRest) this.appendPending(chunk, last + 1, length, this.maxLineBytes);
      }
      if (last === length - 1 && input[last] === CR) this.skipLeadingLf = true;
      this.emitLines(text, sink);
    }
    // Every complete line before an over-long partial one is delivered first.
    if (rest > this.maxLineBytes) this.fail();
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
  private emitLinesCheckingEach(chunk: Buffer, start: number, last: number, sink: LineSink): void {
    let pos = start;
    let cr = chunk.indexOf(CR, start);
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
        text = chunk.toString('utf8', pos, next);
      }
      if (next === last + 1 && chunk[last] === CR && last === chunk.length - 1) this.skipLeadingLf = true;
      this.emitLines(text, sink);
      pos = next;
    }
  }

  /**
   * Copies chunk[from, to) after the pending bytes. `limit` is the most the pending
   * bytes may then hold: the cap for a partial line, the cap plus a CRLF when the
   * appended bytes end a line whose length was already checked.
   */
  private appendPending(chunk: Uint8Array, from: number, to: number, limit: number): void {
    const needed = this.pendingLength + (to - from);
    if (needed > limit) this.fail();
    if (needed > this.pending.length) {
      let capacity = Math.max(INITIAL_PENDING_BYTES, this.pending.length * 2);
      capacity = Math.max(needed, Math.min(capacity, this.maxLineBytes + 2));
      const grown = Buffer.allocUnsafe(capacity);
      this.pending.copy(grown, 0, 0, this.pendingLength);
      this.pending = grown;
    }
    if (from === 0 && to === chunk.length) this.pending.set(chunk, this.pendingLength);
    else asBuffer(chunk).copy(this.pending, this.pendingLength, from, to);
    this.pendingLength = needed;
  }

  private takePending(): string {
    const text = this.pending.toString('utf8', 0, this.pendingLength);
    this.pendingLength = 0;
    if (this.pending.length > KEEP_PENDING_BYTES) this.shrinkPending();
    return text;
  }

  /** Releases a buffer that grew for one long line once that line is done. */
  private shrinkPending(): void {
    if (this.pendingLength > KEEP_PENDING_BYTES / 2) return;
    const smaller = Buffer.allocUnsafe(Math.max(INITIAL_PENDING_BYTES, this.pendingLength));
    this.pending.copy(smaller, 0, 0, this.pendingLength);
    this.pending = smaller;
  }

  private fail(): never {
    this.pendingLength = 0;
    this.pending = Buffer.alloc(0);
    const format = errorText(this.format === 'sse' ? 'protocol.format.sse' : 'protocol.format.ndjson', {});
    throw new ProviderError('protocol', errorText('protocol.lineTooLong', { limit: formatBytes(this.maxLineBytes), format }));
  }
}

/** A Buffer view of the chunk (no copy): HTTP clients in Node already yield Buffers. */
function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
