/** What the commands are built from (constructed in extension.ts). */
import type { FocusedChatApi } from '../chat/ports';
import type { KeyStore } from '../host/keyStore';
import type { ParleyLog } from '../host/log';
import type { ParleySettings } from '../host/parleySettings';
import type { HostProviderSource } from '../host/providerSource';
import type { ProviderFactory } from '../host/providerTester';

/** The chat sessions as the commands see them (the webview layer implements it; extension.ts wires it). */
export interface ChatSessionCommands {
  /** Open Chat in Editor: a new chat session in an editor tab. */
  openInEditor(): Promise<void>;
  /** Show Chat History: the history list of the last focused session. */
  showHistory(): Promise<void>;
}

export interface CommandDeps {
  /** The chat of the last focused session. */
  chat: FocusedChatApi;
  sessions: ChatSessionCommands;
  source: HostProviderSource;
  settings: ParleySettings;
  keys: KeyStore;
  log: ParleyLog;
  /** createProvider() from the provider layer; Manage Providers → Test needs it. */
  createProvider?: ProviderFactory;
}
