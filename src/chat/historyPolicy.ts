/**
 * Whether a question goes out with the conversation's earlier turns. Chat
 * questions do, unless the profile turns it off (Emma's `useHistory`, whose
 * API default is off but whose users expect a conversation); one-shot editor
 * commands do not, unless their prompt asks for it (`useHistory` in parley.prompts).
 */
import type { ProviderProfile } from '../providers/types';

export function profileSendsHistory(profile: ProviderProfile): boolean {
  if (profile.kind !== 'emma') return true;
  return profile.options?.useHistory !== false;
}
