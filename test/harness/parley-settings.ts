// The user settings that point Parley at the provider simulator, written into
// code-server's settings.json by the integration runner, the UI suite and the
// sandbox: one profile per simulated API (routes and magic values from
// test/simulator/README.md). The active one needs no key (the simulator's
// no-auth OpenAI-compatible route), so a newcomer's sandbox answers at once.
// Keys never go into settings: SIMULATOR_KEYS are for SecretStorage (seedSandbox).
import type { ProviderProfile } from '../../src/providers/types';
import type { Settings } from './code-server';

export const SANDBOX_ACTIVE_PROFILE = 'sim-local';

export function simulatorProfiles(simulatorUrl: string): ProviderProfile[] {
  const base = simulatorUrl.replace(/\/+$/, '');
  return [
    // Asks for token counts in the stream (the default, spelled out): the sandbox's replies show them.
    {
      id: 'sim-local',
      label: 'Simulator (no key)',
      kind: 'openai-compatible',
      baseUrl: `${base}/local/v1`,
      model: 'sim-model',
      options: { includeUsage: true },
    },
    { id: 'sim-emma', label: 'Simulator: Emma', kind: 'emma', baseUrl: base },
    { id: 'sim-secondme', label: 'Simulator: SecondMe', kind: 'secondme', baseUrl: base, instanceId: 'sim-instance' },
    { id: 'sim-openai', label: 'Simulator: OpenAI-compatible', kind: 'openai-compatible', baseUrl: `${base}/v1`, model: 'sim-model' },
  ];
}

/** The simulator's accepted test keys per profile id (not secrets: see test/simulator/README.md). */
export const SIMULATOR_KEYS: Readonly<Record<string, string>> = {
  'sim-emma': 'sim-emma-key',
  'sim-openai': 'sim-openai-key',
};

export function parleySettings(simulatorUrl: string | undefined): Settings {
  if (!simulatorUrl) return {};
  return {
    'parley.providers': simulatorProfiles(simulatorUrl),
    'parley.activeProvider': SANDBOX_ACTIVE_PROFILE,
  };
}
