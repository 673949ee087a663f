/**
 * The decoders on real HTTP bodies: a node:http server on 127.0.0.1 writes the
 * stream in small pieces (splitting a CRLF and multi-byte characters), read back
 * through undici's request() (Buffer chunks) and fetch() (Uint8Array chunks).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch, request } from 'undici';
import { decodeSse } from '../../../src/net/sse';
import { decodeNdjsonLines } from '../../../src/net/ndjson';
import { collect, utf8 } from './decoderHelpers';

const SSE_BODY = utf8(
  ': ok\r\n\r\ndata: {"choices":[{"delta":{"content":"Ciao, è così"}}]}\r\n\r\n' +
    'data: {"choices":[{"delta":{"content":"你好 🚀"}}]}\n\ndata: [DONE]\n\n',
);
const NDJSON_BODY = utf8('{"type":"meta"}\r\n{"type":"update","content":"Perché 你好"}\n{"type":"done","response":"Perché 你好"}');

/** Writes `body` in 3-byte pieces, one event-loop turn apart, so they leave as separate writes. */
function serve(body: Uint8Array, contentType: string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.socket?.setNoDelay(true);
    let offset = 0;
    const writeNext = (): void => {
      if (offset >= body.length) {
        res.end();
        return;
      }
      res.write(body.subarray(offset, offset + 3));
      offset += 3;
      setImmediate(writeNext);
    };
    writeNext();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const urlOf = (server: Server): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

describe('decoders over real HTTP', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  const expectedSse = [
    { event: 'message', data: '{"choices":[{"delta":{"content":"Ciao, è così"}}]}' },
    { event: 'message', data: '{"choices":[{"delta":{"content":"你好 🚀"}}]}' },
    { event: 'message', data: '[DONE]' },
  ];

  it('decodes SSE from an undici request() body', async () => {
    server = await serve(SSE_BODY, 'text/event-stream');
    const response = await request(urlOf(server));
    assert.deepEqual(await collect(decodeSse(response.body)), expectedSse);
  });

  it('decodes SSE from a fetch() body', async () => {
    server = await serve(SSE_BODY, 'text/event-stream');
    const response = await fetch(urlOf(server));
    assert.ok(response.body);
    assert.deepEqual(await collect(decodeSse(response.body)), expectedSse);
  });

  it('decodes NDJSON from an undici request() body, including the unterminated last line', async () => {
    server = await serve(NDJSON_BODY, 'application/x-ndjson');
    const response = await request(urlOf(server));
    const lines = await collect(decodeNdjsonLines(response.body));
    assert.deepEqual(lines.map((line) => JSON.parse(line) as unknown), [
      { type: 'meta' },
      { type: 'update', content: 'Perché 你好' },
      { type: 'done', response: 'Perché 你好' },
    ]);
  });
});
