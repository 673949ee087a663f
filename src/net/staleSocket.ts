/**
 * A kept-alive connection the server closed while it sat idle: the request is
 * written to it just as the close arrives, and undici fails with "other side
 * closed" before any reply. The server never handled that request (it had
 * already given up the connection), so sending it again on a fresh connection
 * is safe. It is told apart from a server that drops a fresh connection (which
 * may have seen the request, and is not retried) by the socket having carried
 * earlier replies: undici's SocketError reports the bytes read on that socket.
 */
import { errorCode } from './failures';

export function closedWhileIdle(error: unknown): boolean {
  if (errorCode(error) !== 'UND_ERR_SOCKET') return false;
  const socket = (error as { socket?: { bytesRead?: unknown } }).socket;
  return typeof socket?.bytesRead === 'number' && socket.bytesRead > 0;
}
