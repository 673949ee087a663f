/**
 * Browser entry of the chat view (dist/webview.js). Posts `ready` first, then
 * waits for the host's `init`; every host message is validated and the
 * invalid ones are ignored (and logged to the webview console).
 */
import { parseHostMessage } from '../protocol/messages';
import { App } from './app';
import { post } from './vscodeApi';

let app: App | undefined;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = parseHostMessage(event.data);
  if (!parsed.ok) {
    console.warn(`Parley chat view: ${parsed.error}`);
    return;
  }
  const message = parsed.message;
  if (message.type === 'init' && !app) {
    const root = document.getElementById('root') ?? document.body;
    app = new App(root, message.strings, message.state);
    return;
  }
  // Until init arrives there is nothing to update; the host sends the whole state with init.
  app?.handle(message);
});

post({ type: 'ready' });
