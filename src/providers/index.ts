/**
 * The provider layer's entry point: `createProvider(profile, deps)` validates the
 * profile against its schema (src/profiles) and builds the adapter of its kind.
 */
import { EmmaProvider } from './emma';
import { OpenAICompatibleProvider } from './openaiCompatible';
import { validateProfile } from './profile';
import { SecondMeProvider } from './secondme';
import type { ChatProvider, ProviderDeps, ProviderProfile } from './types';

/** Throws ProviderError('invalid_request', …naming the field) for a bad profile. */
export function createProvider(profile: ProviderProfile, deps: ProviderDeps): ChatProvider {
  const valid = validateProfile(profile);
  switch (valid.kind) {
    case 'emma':
      return new EmmaProvider(valid, deps);
    case 'secondme':
      return new SecondMeProvider(valid, deps);
    case 'openai-compatible':
      return new OpenAICompatibleProvider(valid, deps);
  }
}

export { validateProfile } from './profile';
export { EMMA_MODELS } from '../profiles/ranges';
export { PRESETS, findPreset, profileFromPreset, type ProviderPreset } from '../profiles/presets';
export { parseInstanceId } from './secondme';
export { keyDestination } from './keyDestination';
export { EMMA_MESSAGE_MAX_CHARS, EMMA_HISTORY_MAX_TURNS } from './emma.wire';
export type * from './types';
