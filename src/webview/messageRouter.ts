/**
 * Typed dispatch of validated webview messages: one handler per message type,
 * checked by the compiler to be complete. No string switch over untyped data.
 */
import type { WebviewMessage } from '../protocol/messages';

export type WebviewMessageHandlers = {
  [K in WebviewMessage['type']]: (message: Extract<WebviewMessage, { type: K }>) => unknown;
};

export async function routeMessage(handlers: WebviewMessageHandlers, message: WebviewMessage): Promise<void> {
  const handler = handlers[message.type] as (message: WebviewMessage) => unknown;
  await handler(message);
}
