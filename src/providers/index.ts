/**
 * The provider layer's entry point: `createProvider(profile, deps)` validates the
 * profile and builds the adapter registered for its kind.
 */
import { EmmaProvider } from './emma';
import { OpenAICompatibleProvider } from './openaiCompatible';
import { validateProfile } from './profile';
import { SecondMeProvider } from './secondme';
import type { ChatProvider, ProviderDeps, ProviderKind, ProviderProfile } from './types';

type ProviderFactory = (profile: ProviderProfile, deps: ProviderDeps) => ChatProvider;

const REGISTRY: Record<ProviderKind, ProviderFactory> = {
  emma: (profile, deps) => new EmmaProvider(profile, deps),
  secondme: (profile, deps) => new SecondMeProvider(profile, deps),
  'openai-compatible': (profile, deps) => new OpenAICompatibleProvider(profile, deps),
};

/** Throws ProviderError('invalid_request', …naming the field) for a bad profile. */
export function createProvider(profile: ProviderProfile, deps: ProviderDeps): ChatProvider {
  const valid = validateProfile(profile);
  return REGISTRY[valid.kind](valid, deps);
}

export { validateProfile, EMMA_MODELS } from './profile';
export { PRESETS, findPreset, profileFromPreset, type ProviderPreset } from './presets';
export { parseInstanceId } from './secondme';
export { keyDestination } from './keyDestination';
export { EMMA_MESSAGE_MAX_CHARS, EMMA_HISTORY_MAX_TURNS } from './emma.wire';
export type * from './types';
