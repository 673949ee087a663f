/**
 * How much text one user message may carry, per provider kind. Emma documents
 * `message` as 1–4500 characters; the other two document no limit, so a
 * generous bound keeps a huge selection from becoming a huge bill.
 */
import { EMMA_MESSAGE_MAX_CHARS } from '../providers/emma.wire';
import type { ProviderKind } from '../providers/types';

export const MESSAGE_LIMITS: Record<ProviderKind, number> = {
  emma: EMMA_MESSAGE_MAX_CHARS,
  secondme: 60_000,
  'openai-compatible': 60_000,
};

export function messageLimit(kind: ProviderKind | undefined): number {
  return kind ? MESSAGE_LIMITS[kind] : MESSAGE_LIMITS.emma;
}
