import assert from 'node:assert/strict';
import { decodeNdjsonLines, NdjsonDecoder } from '../../../src/net/ndjson';
import { ProviderError } from '../../../src/net/errors';
import { asyncChunks, BOM_BYTES, byteByByte, collect, concat, cut, ndjson, ndjsonOutcome, utf8 } from './decoderHelpers';

describe('NdjsonDecoder', () => {
  it('splits lines ending in LF, CRLF or a lone CR', () => {
    assert.deepEqual(ndjson('{"a":1}\n{"b":2}\r\n{"c":3}\r{"d":4}\n'), ['{"a":1}', '{"b":2}', '{"c":3}', '{"d":4}']);
  });

  it('treats a CRLF split across chunks as one line end', () => {
    assert.deepEqual(ndjson('{"a":1}\r', '\n{"b":2}\r', '', '\n'), ['{"a":1}', '{"b":2}']);
  });

  it('skips blank and whitespace-only lines', () => {
    assert.deepEqual(ndjson('\n\n  \n\t\r\n{"a":1}\n \u00a0\n\n'), ['{"a":1}']);
  });

  it('keeps the spaces around a non-blank line', () => {
    assert.deepEqual(ndjson('  {"a":1} \n'), ['  {"a":1} ']);
  });

  it('emits the last line at the end of the stream even without a line end', () => {
    assert.deepEqual(ndjson('{"a":1}\n{"type":"done"}'), ['{"a":1}', '{"type":"done"}']);
    assert.deepEqual(ndjson('{"a":1}\n   '), ['{"a":1}']);
  });

  it('joins a line delivered one byte at a time', () => {
    const stream = utf8('{"type":"update","content":"Ciao, è così: 你好 🚀"}\n');
    assert.deepEqual(ndjson(...byteByByte(stream)), ['{"type":"update","content":"Ciao, è così: 你好 🚀"}']);
  });

  it('decodes a multi-byte character split at every byte position', () => {
    const line = '{"content":"è你🚀"}';
    const stream = utf8(`${line}\n`);
    for (let i = 1; i < stream.length; i++) {
      assert.deepEqual(ndjson(...cut(stream, [i])), [line], `cut at byte ${i}`);
    }
    const unterminated = utf8(line);
    for (let i = 1; i < unterminated.length; i++) {
      assert.deepEqual(ndjson(...cut(unterminated, [i])), [line], `unterminated, cut at byte ${i}`);
    }
  });

  it('skips a BOM at the start of the stream only', () => {
    assert.deepEqual(ndjson(concat(BOM_BYTES, utf8('{"a":1}\n'), BOM_BYTES, utf8('{"b":2}\n'))), ['{"a":1}', '\uFEFF{"b":2}']);
    assert.deepEqual(ndjson(...byteByByte(concat(BOM_BYTES, utf8('{"a":1}')))), ['{"a":1}']);
    // A stream that is only a BOM has no line.
    assert.deepEqual(ndjson(BOM_BYTES), []);
  });

  it('throws a protocol ProviderError for a line longer than the cap, after the lines before it', () => {
    const outcome = ndjsonOutcome([utf8(`{"a":1}\n{"b":"${'x'.repeat(40)}"}\n{"c":3}\n`)], { maxLineBytes: 32 });
    assert.deepEqual(outcome, { items: ['{"a":1}'], error: 'protocol' });
  });

  it('applies the cap to an unterminated last line too', () => {
    assert.equal(ndjsonOutcome([utf8('x'.repeat(33))], { maxLineBytes: 32 }).error, 'protocol');
    assert.deepEqual(ndjsonOutcome([utf8('x'.repeat(32))], { maxLineBytes: 32 }), { items: ['x'.repeat(32)] });
  });

  it('names the format and the cap in its error message', () => {
    const decoder = new NdjsonDecoder({ maxLineBytes: 1024 * 1024 });
    assert.throws(
      () => decoder.push(new Uint8Array(1024 * 1024 + 1).fill(0x7b), () => {}),
      (error: unknown) => error instanceof ProviderError && /longer than 1 MiB in its NDJSON stream/.test(error.message),
    );
  });
});

describe('decodeNdjsonLines', () => {
  it('yields the lines of an async byte stream, including an unterminated last one', async () => {
    const lines = await collect(decodeNdjsonLines(asyncChunks(['{"type":"meta"}\n{"type":"upd', 'ate","content":"Ci', 'ao"}\n\n{"type":"done"}'])));
    assert.deepEqual(lines, ['{"type":"meta"}', '{"type":"update","content":"Ciao"}', '{"type":"done"}']);
  });

  it('closes the byte stream when the consumer stops early', async () => {
    let closed = false;
    const body = asyncChunks(['{"a":1}\n', '{"b":2}\n'], () => {
      closed = true;
    });
    for await (const line of decodeNdjsonLines(body)) {
      assert.equal(line, '{"a":1}');
      break;
    }
    assert.equal(closed, true);
  });

  it('rejects with the ProviderError of an over-long line', async () => {
    await assert.rejects(
      collect(decodeNdjsonLines(asyncChunks(['{"a":1}\n', 'x'.repeat(100)]), { maxLineBytes: 50 })),
      (error: unknown) => error instanceof ProviderError && error.code === 'protocol',
    );
  });
});
