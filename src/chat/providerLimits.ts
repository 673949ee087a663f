/**
 * How much history each provider kind accepts. Emma's limits come from its API
 * (history of at most 6 {user, assistant} turns, 1–4500 characters per
 * message). The other APIs document no limits; the values below keep requests
 * to a sensible size for their context windows.
 */
import { EMMA_HISTORY_MAX_TURNS, EMMA_MESSAGE_MAX_CHARS } from '../providers/emma.wire';
import type { ProviderKind } from '../providers/types';

export interface HistoryLimits {
  /** Earlier question/answer pairs sent along with the new question. */
  maxTurns: number;
  /** Characters per message (history and the new question alike). */
  maxCharsPerMessage: number;
}

const LIMITS: Record<ProviderKind, HistoryLimits> = {
  emma: { maxTurns: EMMA_HISTORY_MAX_TURNS, maxCharsPerMessage: EMMA_MESSAGE_MAX_CHARS },
  secondme: { maxTurns: 20, maxCharsPerMessage: 32_000 },
  'openai-compatible': { maxTurns: 20, maxCharsPerMessage: 32_000 },
};

export function historyLimits(kind: ProviderKind): HistoryLimits {
  return LIMITS[kind];
}
