/**
 * Token counts in a streamed OpenAI-style reply come only when the request
 * asks (`stream_options: { include_usage: true }`), and some compatible
 * endpoints reject that unknown field with a 400. Parley asks by default; when
 * an endpoint's 400 names the field, the request is sent once more without it
 * and the answer is remembered for the profile (until VS Code restarts), so
 * the next request does not pay for the refusal again.
 */
import { isProviderError } from '../net/errors';
import type { OpenAICompatibleProfile, ProviderProfile } from './types';

const rejectedBy = new Set<string>();

function profileKey(profile: ProviderProfile): string {
  return `${profile.id}\n${profile.baseUrl ?? ''}`;
}

/** Whether this profile's requests ask for usage in the stream. */
export function asksUsageInStream(profile: OpenAICompatibleProfile): boolean {
  return profile.options?.includeUsage !== false && !rejectedBy.has(profileKey(profile));
}

export function rememberUsageRejected(profile: ProviderProfile): void {
  rejectedBy.add(profileKey(profile));
}

/** A 400 (or 422) whose message names `stream_options` / `include_usage`. */
export function isUsageFieldRejection(error: unknown): boolean {
  return (
    isProviderError(error) &&
    (error.status === 400 || error.status === 422) &&
    /stream_options|include_usage/i.test(error.message)
  );
}
