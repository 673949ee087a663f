/** What the commands are built from (constructed in extension.ts). */
import type { ChatApi } from '../chat/ports';
import type { KeyStore } from '../host/keyStore';
import type { ParleyLog } from '../host/log';
import type { ParleySettings } from '../host/parleySettings';
import type { HostProviderSource } from '../host/providerSource';
import type { ProviderFactory } from '../host/providerTester';

export interface CommandDeps {
  chat: ChatApi;
  source: HostProviderSource;
  settings: ParleySettings;
  keys: KeyStore;
  log: ParleyLog;
  /** createProvider() from the provider layer; Manage Providers → Test needs it. */
  createProvider?: ProviderFactory;
}
