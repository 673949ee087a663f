// The user settings that point Parley at the provider simulator, written into
// code-server's settings.json by the integration runner, the UI suite and the
// sandbox. Keys only, never API keys: those go into SecretStorage (see
// seedSandbox in sandbox.ts).
import type { Settings } from './code-server';

export function parleySettings(simulatorUrl: string | undefined): Settings {
  if (!simulatorUrl) return {};
  // TODO(provider settings): once `parley.providers` / `parley.activeProvider`
  // are contributed, return profiles here whose base URLs are `simulatorUrl`
  // (e.g. { 'parley.providers': [...], 'parley.activeProvider': '...' }).
  return {};
}
