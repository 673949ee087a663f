/**
 * Browser entry of the chat view (dist/webview.js). Posts `ready` first, then
 * waits for the host's `init`; every host message is validated and the
 * invalid ones are ignored (and logged to the webview console).
 */
import { parseHostMessage, type HostMessage } from '../protocol/messages';
import { App } from './app';
import { pageState, post, savePageState } from './vscodeApi';

let app: App | undefined;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = parseHostMessage(event.data);
  if (!parsed.ok) {
    console.warn(`Parley chat view: ${parsed.error}`);
    return;
  }
  const message = parsed.message;
  rememberConversation(message);
  if (message.type === 'init' && !app) {
    const root = document.getElementById('root') ?? document.body;
    app = new App(root, message.strings, message.state);
    return;
  }
  // Until init arrives there is nothing to update; the host sends the whole state with init.
  app?.handle(message);
});

/** Keeps the shown conversation's id in the page state, for the host to restore an editor tab after a reload. */
function rememberConversation(message: HostMessage): void {
  const id = message.type === 'init' ? message.state.conversation.id : message.type === 'conversation' ? message.conversation.id : undefined;
  if (id !== undefined && pageState().conversationId !== id) savePageState({ ...pageState(), conversationId: id });
}

// The page took the keyboard focus: the host sends editor commands (Explain Selection, …) to this chat from now on.
window.addEventListener('focus', () => post({ type: 'viewFocus' }));

post({ type: 'ready' });
