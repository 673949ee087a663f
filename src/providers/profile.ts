/**
 * A profile handed to createProvider() is checked against the one profile
 * schema (src/profiles); a bad one is a ProviderError('invalid_request') whose
 * message names the field and the profile. The parsed profile is returned, so
 * adapters get the type of their kind.
 */
import { ProviderError } from '../net/errors';
import { errorText } from '../net/errorTexts';
import { parseProfile } from '../profiles/settings';
import type { ProviderProfile } from './types';

function invalid(id: string | undefined, field: string, problem: string): ProviderError {
  // The problem is the schema's own (English) message, shown as it is, like settings validation.
  const text = id ? errorText('profile.invalid', { profile: id, field, problem }) : errorText('profile.invalidNoId', { field, problem });
  return new ProviderError('invalid_request', text);
}

export function validateProfile(profile: unknown): ProviderProfile {
  const parsed = parseProfile(profile, '');
  if (parsed.problems) {
    const problem = parsed.problems[0];
    throw invalid(problem?.profileId, problem?.setting.replace(/^\./, '') || 'profile', problem?.message ?? 'is invalid');
  }
  const valid = parsed.profile;
  // Settings may leave it out (Parley asks for it before the first request); a request cannot.
  if (valid.kind === 'secondme' && !valid.instanceId?.trim()) throw invalid(valid.id, 'instanceId', 'is required: the instance id or its chat URL');
  return valid;
}
