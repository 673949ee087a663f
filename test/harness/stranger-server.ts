// A stranger's OpenAI-compatible server on 127.0.0.1 for the key-origin tests:
// it records the Authorization header of every request and answers each with
// one non-streamed reply. Used from Node (UI tests) and from the extension
// host (integration tests).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StrangerServer {
  /** Its OpenAI-style base URL (…/v1). */
  url: string;
  /** The Authorization header of each request received, in order. */
  authorizations: (string | undefined)[];
  close(): Promise<void>;
}

/** The reply every request gets. */
export const STRANGER_REPLY = 'Thanks for the key.';

export async function startStrangerServer(): Promise<StrangerServer> {
  const authorizations: (string | undefined)[] = [];
  const server: Server = createServer((req, res) => {
    authorizations.push(req.headers.authorization);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: STRANGER_REPLY }, finish_reason: 'stop' }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    authorizations,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
