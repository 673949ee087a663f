import assert from 'node:assert/strict';
import { decodeSse, SseDecoder, type SseEvent } from '../../../src/net/sse';
import { ProviderError } from '../../../src/net/errors';
import { asyncChunks, BOM_BYTES, byteByByte, collect, concat, cut, sse, sseOutcome, utf8 } from './decoderHelpers';

const message = (data: string, extra: Partial<SseEvent> = {}): SseEvent => ({ event: 'message', data, ...extra });

describe('SseDecoder', () => {
  describe('line ends', () => {
    it('accepts LF, CR and CRLF line ends, also mixed in one stream', () => {
      assert.deepEqual(sse('data: a\n\ndata: b\r\rdata: c\r\n\r\ndata: d\r\n\n'), [
        message('a'),
        message('b'),
        message('c'),
        message('d'),
      ]);
    });

    it('treats a CR ending one chunk and an LF starting the next as one line end', () => {
      // Were the LF seen as a second line end, the empty line would dispatch "a"
      // alone and "b" would become a second event.
      assert.deepEqual(sse('data: a\r', '\ndata: b\r', '\n\r', '\n'), [message('a\nb')]);
    });

    it('keeps a CRLF split across chunks as one line end when the next chunk is large', () => {
      const filler = ': padding\n'.repeat(1000); // > 4 KiB: the splitter's path for large chunks
      assert.deepEqual(sse('data: a\r', `\ndata: b\n${filler}\n`), [message('a\nb')]);
      assert.deepEqual(sse(Buffer.from('data: a\r'), Buffer.from(`\ndata: b\n${filler}\n`)), [message('a\nb')]);
    });

    it('treats a CR at the end of a chunk followed by other bytes as a line end of its own', () => {
      assert.deepEqual(sse('data: a\r', 'data: b\r', '\r'), [message('a\nb')]);
    });

    it('keeps a CRLF split across chunks as one line end even with empty chunks between', () => {
      assert.deepEqual(sse('data: a\r', '', '', '\n', '\r', '', '\n'), [message('a')]);
    });

    it('ends a data line at CRLF without taking the LF for an empty line', () => {
      assert.deepEqual(sse('data: a\r\ndata: b\r\n\r\n'), [message('a\nb')]);
    });

    it('dispatches on an empty line made of a lone CR after a CRLF', () => {
      assert.deepEqual(sse('data: x\r\n\r'), [message('x')]);
    });
  });

  describe('fields', () => {
    it('ignores comment lines, also between data lines', () => {
      assert.deepEqual(sse(': keep-alive\n\ndata: a\n: comment: with colon\ndata: b\n\n:\n\n'), [message('a\nb')]);
    });

    it('joins multi-line data with \\n and keeps empty data lines', () => {
      assert.deepEqual(sse('data: one\ndata:\ndata:  three\n\n'), [message('one\n\n three')]);
    });

    it('strips exactly one space after the colon, and only a space', () => {
      assert.deepEqual(sse('data:no space\n\ndata:  two spaces\n\ndata:\ttab\n\n'), [
        message('no space'),
        message(' two spaces'),
        message('\ttab'),
      ]);
    });

    it('reads a line without a colon as a field name with an empty value', () => {
      assert.deepEqual(sse('data\n\ndata\ndata\n\n'), [message(''), message('\n')]);
    });

    it('sets the event type from event, defaulting to "message" and resetting after each event', () => {
      assert.deepEqual(sse('event: delta\ndata: a\n\ndata: b\n\nevent:\ndata: c\n\nevent: x\nevent: y\ndata: d\n\n'), [
        { event: 'delta', data: 'a' },
        message('b'),
        message('c'),
        { event: 'y', data: 'd' },
      ]);
    });

    it('keeps the last event id for later events, ignores ids containing NUL, and clears it with an empty id', () => {
      assert.deepEqual(sse('id: 1\ndata: a\n\ndata: b\n\nid: 2\u0000x\ndata: c\n\nid\ndata: d\n\nid: 3\n\ndata: e\n\n'), [
        message('a', { id: '1' }),
        message('b', { id: '1' }),
        message('c', { id: '1' }),
        message('d'),
        message('e', { id: '3' }),
      ]);
    });

    it('accepts retry with ASCII digits only and reports it on the next event', () => {
      assert.deepEqual(sse('retry: 2500\n\ndata: a\n\nretry: 1e3\ndata: b\n\nretry: -5\nretry: 12 \nretry:\ndata: c\n\nretry: 007\ndata: d\n\n'), [
        message('a', { retry: 2500 }),
        message('b'),
        message('c'),
        message('d', { retry: 7 }),
      ]);
    });

    it('ignores unknown fields and field names that differ in case or spacing', () => {
      assert.deepEqual(sse('foo: bar\nDATA: x\ndata : y\nEvent: z\ndata: kept\n\n'), [message('kept')]);
    });

    it('does not dispatch when no data line was seen, and forgets that block’s event type', () => {
      assert.deepEqual(sse('event: ping\n\n\n\ndata: a\n\n'), [message('a')]);
    });

    it('keeps a colon inside the value', () => {
      assert.deepEqual(sse('data: {"a":"b: c"}\n\n'), [message('{"a":"b: c"}')]);
    });
  });

  describe('encoding', () => {
    it('skips a UTF-8 BOM at the start of the stream, even split across chunks', () => {
      const stream = concat(BOM_BYTES, utf8('data: a\n\n'));
      assert.deepEqual(sse(stream), [message('a')]);
      assert.deepEqual(sse(...byteByByte(stream)), [message('a')]);
    });

    it('skips only one BOM, and none later in the stream', () => {
      const stream = concat(BOM_BYTES, BOM_BYTES, utf8('data: a\n\n'), BOM_BYTES, utf8('data: b\n\ndata: \uFEFFc\n\n'));
      // The second BOM makes the first field name "\uFEFFdata", unknown; a BOM
      // starting a later line likewise.
      assert.deepEqual(sse(stream), [message('\uFEFFc')]);
    });

    it('decodes a multi-byte character split at every byte position', () => {
      const stream = utf8('data: è 你好 🚀 ok\n\n');
      for (let i = 1; i < stream.length; i++) {
        assert.deepEqual(sse(...cut(stream, [i])), [message('è 你好 🚀 ok')], `cut at byte ${i}`);
        for (let j = i + 1; j < stream.length; j++) {
          assert.deepEqual(sse(...cut(stream, [i, j])), [message('è 你好 🚀 ok')], `cut at bytes ${i} and ${j}`);
        }
      }
      assert.deepEqual(sse(...byteByByte(stream)), [message('è 你好 🚀 ok')]);
    });

    it('replaces malformed UTF-8 with U+FFFD, as a TextDecoder does', () => {
      const stream = concat(utf8('data: a'), Uint8Array.of(0xe4, 0xbd), utf8('\ndata: '), Uint8Array.of(0xff), utf8('b\n\n'));
      assert.deepEqual(sse(stream), [message('a\uFFFD\n\uFFFDb')]);
      assert.deepEqual(sse(...byteByByte(stream)), [message('a\uFFFD\n\uFFFDb')]);
    });

    it('accepts plain Uint8Array chunks as well as Buffers', () => {
      const stream = 'data: è\n\ndata: 你\r\n\r\n';
      assert.deepEqual(sse(Buffer.from(stream)), sse(utf8(stream)));
      assert.deepEqual(sse(new Uint8Array(utf8(stream).buffer, 0, 4), utf8(stream).subarray(4)), [message('è'), message('你')]);
    });
  });

  describe('end of stream', () => {
    it('does not dispatch an event whose closing empty line never came', () => {
      assert.deepEqual(sse('data: a\n\ndata: b\n'), [message('a')]);
      assert.deepEqual(sse('data: a\n\ndata: b'), [message('a')]);
    });

    it('starts afresh after end()', () => {
      const decoder = new SseDecoder();
      const events: SseEvent[] = [];
      decoder.push(utf8('id: 9\nevent: x\ndata: lost'), (e) => events.push(e));
      decoder.end((e) => events.push(e));
      decoder.push(concat(BOM_BYTES, utf8('data: b\n\n')), (e) => events.push(e));
      assert.deepEqual(events, [message('b')]);
    });
  });

  describe('size cap', () => {
    it('throws a protocol ProviderError for a line longer than the cap', () => {
      const outcome = sseOutcome([utf8(`data: ok\n\ndata: ${'x'.repeat(20)}\n\n`)], { maxLineBytes: 16 });
      assert.deepEqual(outcome, { items: [message('ok')], error: 'protocol' });
    });

    it('throws as soon as a partial line passes the cap, before its end arrives', () => {
      const decoder = new SseDecoder({ maxLineBytes: 1024 });
      decoder.push(utf8('data: '), () => {});
      decoder.push(new Uint8Array(1000).fill(0x61), () => {});
      assert.throws(
        () => decoder.push(new Uint8Array(100).fill(0x61), () => {}),
        (error: unknown) => error instanceof ProviderError && error.code === 'protocol' && /line longer than 1 KiB/.test(error.message),
      );
    });

    it('accepts a line of exactly the cap, with any line end, in any chunking', () => {
      const line = `data: ${'y'.repeat(10)}`; // 16 bytes
      for (const end of ['\n', '\r', '\r\n']) {
        const stream = utf8(`${line}${end}${end}`);
        assert.deepEqual(sseOutcome([stream], { maxLineBytes: 16 }).items, [message('y'.repeat(10))]);
        assert.deepEqual(sseOutcome(byteByByte(stream), { maxLineBytes: 16 }).items, [message('y'.repeat(10))]);
      }
      assert.equal(sseOutcome([utf8(`${line}z\n\n`)], { maxLineBytes: 16 }).error, 'protocol');
    });

    it('throws a protocol ProviderError when one event’s data grows past the cap', () => {
      const line = `data: ${'z'.repeat(10)}\n`; // each line well under the cap
      const outcome = sseOutcome([utf8(`data: small\n\n${line.repeat(3)}\n`)], { maxLineBytes: 24 });
      assert.equal(outcome.error, 'protocol');
      assert.deepEqual(outcome.items, [message('small')]);
      assert.throws(
        () => new SseDecoder({ maxLineBytes: 24 }).push(utf8(line.repeat(3)), () => {}),
        /more than 24 bytes of data/,
      );
    });

    it('defaults the cap to 1 MiB', () => {
      const big = 'q'.repeat(1024 * 1024 - 6);
      assert.deepEqual(sse(`data: ${big}\n\n`), [message(big)]);
      assert.equal(sseOutcome([utf8(`data: ${big}q\n\n`)]).error, 'protocol');
    });

    it('keeps memory bounded: an endless line fails after about the cap, not at its end', () => {
      const decoder = new SseDecoder({ maxLineBytes: 64 * 1024 });
      const chunk = new Uint8Array(16 * 1024).fill(0x61);
      let fed = 0;
      assert.throws(() => {
        for (let i = 0; i < 1000; i++) {
          decoder.push(chunk, () => {});
          fed += chunk.length;
        }
      }, ProviderError);
      assert.ok(fed <= 64 * 1024, `fed ${fed} bytes before the error`);
    });

    it('rejects a cap that is not a positive integer', () => {
      assert.throws(() => new SseDecoder({ maxLineBytes: 0 }), RangeError);
      assert.throws(() => new SseDecoder({ maxLineBytes: 1.5 }), RangeError);
    });
  });
});

describe('decodeSse', () => {
  it('yields the events of an async byte stream', async () => {
    const events = await collect(decodeSse(asyncChunks(['data: {"a"', ':1}\n', '\nevent: done\ndata: [DONE]\n\n'])));
    assert.deepEqual(events, [message('{"a":1}'), { event: 'done', data: '[DONE]' }]);
  });

  it('rejects with the ProviderError of an over-long line, after the events before it', async () => {
    const seen: SseEvent[] = [];
    await assert.rejects(async () => {
      for await (const event of decodeSse(asyncChunks(['data: ok\n\n', `data: ${'x'.repeat(64)}\n\n`]), { maxLineBytes: 32 })) {
        seen.push(event);
      }
    }, (error: unknown) => error instanceof ProviderError && error.code === 'protocol');
    assert.deepEqual(seen, [message('ok')]);
  });

  it('closes the byte stream when the consumer stops early', async () => {
    let closed = false;
    const body = asyncChunks(['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n'], () => {
      closed = true;
    });
    for await (const event of decodeSse(body)) {
      assert.equal(event.data, '1');
      break;
    }
    assert.equal(closed, true);
  });
});
