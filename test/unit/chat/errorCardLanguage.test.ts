/**
 * Error cards in the user's language: the chat controller with the real
 * providers against the simulator, and the texts a host in Italian passes
 * (the Italian bundle, looked up as vscode.l10n.t does). Before error texts
 * carried a message id, the card kept the provider's English message.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { ChatController } from '../../../src/chat/chatController';
import { DEFAULT_CHAT_TEXTS, type ChatTexts } from '../../../src/chat/chatTexts';
import { fillTemplate, formatErrorText, languageOf } from '../../../src/net/errorTexts';
import { createProvider } from '../../../src/providers';
import type { OpenAICompatibleProfile, ProviderProfile } from '../../../src/providers/types';
import { startSimulator, type Simulator } from '../../simulator/server';
import { FakeProviderSource, MemoryStore } from './fakes';

const italian: Record<string, string> = JSON.parse(readFileSync('l10n/bundle.l10n.it.json', 'utf8'));
const ITALIAN_TEXTS: ChatTexts = {
  ...DEFAULT_CHAT_TEXTS,
  errorText: (text) => formatErrorText(text, languageOf((template, params) => fillTemplate(italian[template] ?? template, params), 'it')),
};

/** A loopback port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('error cards in the user\'s language (Italian host, real providers, simulator)', function () {
  this.timeout(30_000);
  let sim: Simulator;
  before(async () => (sim = await startSimulator({ delayMs: 0 })));
  after(() => sim.close());

  function ask(profile: ProviderProfile, key: string | undefined, texts: ChatTexts = ITALIAN_TEXTS) {
    const source = new FakeProviderSource([profile]);
    source.deps = () => ({ getSecret: async () => key, network: { retry: { max: 0 } } });
    const store = new MemoryStore();
    const chat = new ChatController({ providers: source, createProvider, store, clock: Date, texts });
    return { chat, store };
  }
  const ecovai = (baseUrl = `${sim.url}/v1`): OpenAICompatibleProfile => ({ id: 'ecovai', kind: 'openai-compatible', label: 'ecovai', baseUrl, model: 'spark-v3' });

  it('a refused key (401) gets the Italian card, Set API Key unchanged; the saved conversation keeps that text', async () => {
    const { chat, store } = ask(ecovai(), 'wrong-key-0123456789');
    await chat.ask({ prompt: 'Ciao' });
    const error = chat.current().turns.at(-1)?.reply?.error;
    assert.deepEqual(error, {
      code: 'auth',
      message: 'ecovai: la chiave API manca o non è valida — esegui “Parley: Imposta chiave API”',
      action: 'setApiKey',
    });
    assert.deepEqual(store.saved.at(-1)?.turns.at(-1)?.reply?.error, error);
    assert.doesNotMatch(JSON.stringify(store.saved), /wrong-key-0123456789/);
  });

  it('the same failure with the English default texts reads as before (the text logs show)', async () => {
    const { chat } = ask(ecovai(), 'wrong-key-0123456789', DEFAULT_CHAT_TEXTS);
    await chat.ask({ prompt: 'Hi' });
    assert.equal(chat.current().turns.at(-1)?.reply?.error?.message, 'ecovai: the API key is missing or invalid — run “Parley: Set API Key”');
  });

  it('Emma out of credit (402): Italian text, Top Up Credit (openBilling) unchanged', async () => {
    const { chat } = ask({ id: 'emma', kind: 'emma', label: 'Emma', baseUrl: sim.url }, 'sim-emma-nocredit');
    await chat.ask({ prompt: 'Ciao' });
    const error = chat.current().turns.at(-1)?.reply?.error;
    assert.equal(error?.code, 'quota');
    assert.equal(error?.action, 'openBilling');
    assert.equal(error?.message, 'Emma: il credito è esaurito — ricaricalo in Billing');
  });

  it('a refused connection: the Italian text with its hint, the cause code kept as it is', async () => {
    const port = await closedPort();
    const { chat } = ask(ecovai(`http://127.0.0.1:${port}/v1`), undefined);
    await chat.ask({ prompt: 'Ciao' });
    const error = chat.current().turns.at(-1)?.reply?.error;
    assert.equal(error?.code, 'network');
    assert.equal(error?.action, 'retry');
    assert.equal(
      error?.message,
      `ecovai: impossibile raggiungere 127.0.0.1:${port} (ECONNREFUSED). Nessuno ha accettato la connessione: ` +
        'controlla l\'URL di base e la porta, e le impostazioni del proxy ("http.proxy" o HTTPS_PROXY).',
    );
  });

  it('what the server said stays verbatim (English) inside the Italian text', async () => {
    const { chat } = ask({ ...ecovai(), model: 'spark-v9' }, 'sim-openai-key');
    await chat.ask({ prompt: 'Ciao' });
    const error = chat.current().turns.at(-1)?.reply?.error;
    assert.equal(error?.code, 'not_found');
    assert.equal(
      error?.message,
      'ecovai: il modello “spark-v9” non è stato trovato — controlla il nome del modello. ' +
        'Il server ha risposto: “The model `spark-v9` does not exist or you do not have access to it.”',
    );
  });
});
