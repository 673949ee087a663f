/** Where a profile's API key is sent: the base URL its requests go to (its origin is what a stored key is bound to). */
import { EMMA_DEFAULT_BASE_URL } from './emma';
import type { ProviderProfile } from './types';

/** The base URL that receives the profile's key; undefined for SecondMe, which sends none. */
export function keyDestination(profile: Pick<ProviderProfile, 'kind' | 'baseUrl'>): string | undefined {
  switch (profile.kind) {
    case 'emma':
      return profile.baseUrl ?? EMMA_DEFAULT_BASE_URL;
    case 'openai-compatible':
      return profile.baseUrl;
    case 'secondme':
      return undefined;
  }
}
