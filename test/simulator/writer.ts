/**
 * Writes a streamed body frame by frame, applying the byte-level fault modes:
 * per-frame delay, 1-byte writes, CRLF, BOM, splits inside UTF-8 sequences,
 * stall (stop without closing) and mid-stream disconnect.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StreamBehaviour } from './faults';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Resolves when the client went away or the response finished. */
export function whenClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (res.closed || res.destroyed) resolve();
    else res.once('close', () => resolve());
  });
}

function sleep(ms: number, closed: Promise<void>): Promise<void> {
  if (ms <= 0) return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void closed.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Splits a buffer right after the first byte of each multi-byte UTF-8 sequence. */
function splitInsideSequences(bytes: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte >= 0xc0 && i + 1 < bytes.length) {
      parts.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  parts.push(bytes.subarray(start));
  return parts.filter((p) => p.length > 0);
}

function piecesOf(bytes: Buffer, behaviour: StreamBehaviour): Buffer[] {
  if (behaviour.bytes) return Array.from(bytes, (b) => Buffer.from([b]));
  if (behaviour.multibyte) return splitInsideSequences(bytes);
  return [bytes];
}

/**
 * Sends `frames` (each a complete line or SSE event, LF-terminated) with the
 * response headers already set. Returns once the body ended, stalled until the
 * client left, or the socket was destroyed.
 */
export async function writeFrames(res: ServerResponse, allFrames: string[], behaviour: StreamBehaviour): Promise<void> {
  const frames = behaviour.truncateAfter !== undefined ? allFrames.slice(0, behaviour.truncateAfter) : allFrames;
  const closed = whenClosed(res);
  let isClosed = false;
  void closed.then(() => (isClosed = true));
  res.socket?.setNoDelay(true);
  res.flushHeaders();

  for (let index = 0; index < frames.length; index++) {
    if (isClosed) return;
    if (behaviour.stallAfter !== undefined && index === behaviour.stallAfter) {
      await closed; // keep the socket open and silent until the client gives up
      return;
    }
    if (behaviour.disconnectAfter !== undefined && index === behaviour.disconnectAfter) {
      res.socket?.destroy();
      return;
    }
    const text = behaviour.crlf ? (frames[index] ?? '').replace(/\n/g, '\r\n') : (frames[index] ?? '');
    let bytes = Buffer.from(text, 'utf8');
    if (index === 0 && behaviour.bom) bytes = Buffer.concat([BOM, bytes]);
    const pieces = piecesOf(bytes, behaviour);
    for (let p = 0; p < pieces.length; p++) {
      if (isClosed) return;
      res.write(pieces[p]);
      if (pieces.length > 1) await sleep(0, closed);
    }
    if (index < frames.length - 1) await sleep(behaviour.delayMs, closed);
  }
  if (!isClosed) res.end();
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** The kind of page a reverse proxy answers when the app behind it is down. */
export function sendHtmlError(res: ServerResponse, status: number): void {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  const page =
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
    `<center><h1>${title}</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n`;
  res.writeHead(status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(page) });
  res.end(page);
}

/** Reads the whole request body as text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
