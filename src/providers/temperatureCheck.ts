/**
 * The request-time temperature check of every adapter: the range comes from the
 * one profile schema's numbers (src/profiles/ranges), the message from the error
 * catalog (so it is shown in the user's language).
 */
import { errorText, type ErrorText } from '../net/errorTexts';
import { inRange, rangeBounds, temperatureRange } from '../profiles/ranges';
import type { ProviderProfile } from './types';

/** The error for a temperature this profile's API does not accept, else undefined. */
export function temperatureError(provider: string, profile: ProviderProfile, temperature: number): ErrorText | undefined {
  const range = temperatureRange(profile);
  if (inRange(temperature, range)) return undefined;
  return errorText('request.temperatureRange', { provider, ...rangeBounds(range), value: temperature });
}
