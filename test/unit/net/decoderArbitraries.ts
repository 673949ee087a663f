/** fast-check generators of event-stream and NDJSON byte streams, and of chunkings. */
import fc from 'fast-check';
import { BOM_BYTES, concat, cut, utf8 } from './decoderHelpers';

export const lineEnd = fc.constantFrom('\n', '\r', '\r\n').map(utf8);

/** Short text without line ends: ASCII, any code point, and characters that matter to SSE. */
const textPiece = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.constantFrom(' ', ':', ': ', '\0', '\uFEFF', 'è', 'così', '你好', '🚀', '{"a":1}', '\t'),
).map((s) => s.replace(/[\r\n]/g, ' '));

/** Malformed UTF-8: a lone continuation byte, a truncated sequence, a byte never used. */
const malformed = fc.constantFrom([0x80], [0xe4, 0xbd], [0xc3], [0xff], [0xf0, 0x9f, 0x9a]).map((b) => Uint8Array.from(b));

/** A field value (or comment text) as bytes; mostly valid UTF-8, sometimes not. */
export const valueBytes = fc
  .array(fc.oneof({ weight: 6, arbitrary: textPiece.map(utf8) }, { weight: 1, arbitrary: malformed }), { maxLength: 4 })
  .map((parts) => concat(...parts));

const separator = fc.constantFrom('', ':', ': ', ':  ');

const knownField = fc
  .tuple(fc.constantFrom('data', 'data', 'data', 'event', 'id', 'retry'), separator, valueBytes)
  .map(([name, sep, value]) => (sep === '' ? utf8(name) : concat(utf8(name + sep), value)));

const retryField = fc
  .tuple(fc.stringMatching(/^[0-9]{1,5}$/), separator)
  .map(([digits, sep]) => utf8(`retry${sep === '' ? ':' : sep}${digits}`));

const unknownField = fc
  .tuple(fc.constantFrom('dat', 'datas', 'Data', 'data ', 'ev', 'events', 'foo', 'retr', 'ids', '\uFEFFdata'), separator, valueBytes)
  .map(([name, sep, value]) => concat(utf8(name + sep), value));

const sseLine = fc.oneof(
  { weight: 6, arbitrary: knownField },
  { weight: 4, arbitrary: fc.constant(new Uint8Array(0)) }, // dispatch
  { weight: 1, arbitrary: retryField },
  { weight: 1, arbitrary: valueBytes.map((v) => concat(utf8(':'), v)) }, // comment
  { weight: 1, arbitrary: unknownField },
);

/** An event stream: optional BOM, lines with mixed line ends, maybe an unterminated tail. */
export const sseStream = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(sseLine, lineEnd), { maxLength: 40 }), fc.option(sseLine, { nil: undefined }))
  .map(([bom, lines, tail]) => concat(bom ? BOM_BYTES : new Uint8Array(0), ...lines.flat(), tail ?? new Uint8Array(0)));

/** Any bytes, rich in line ends, BOMs, multi-byte characters and malformed UTF-8. */
export const lineBytes = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: textPiece.map(utf8) },
      { weight: 3, arbitrary: lineEnd },
      { weight: 1, arbitrary: fc.constant(BOM_BYTES) },
      { weight: 1, arbitrary: malformed },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 6 }) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => concat(...parts));

/** Cut positions as fractions of the stream length, so they spread over any stream. */
export const cutFractions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 24 });

export function chunkAt(bytes: Uint8Array, fractions: readonly number[]): Uint8Array[] {
  return cut(
    bytes,
    fractions.map((f) => Math.floor(f * bytes.length)),
  );
}
