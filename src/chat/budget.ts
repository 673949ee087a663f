/**
 * Each profile's budget for one message. Emma: 4,500 characters per message
 * (its API's limit; the system prompt is put in front of the message and
 * counts), history separate and at most 6 turns. SecondMe and
 * OpenAI-compatible: the profile's context window in tokens (estimated, see
 * tokenEstimate.ts) less the room kept for the reply; the message comes
 * first and earlier turns fill what is left, newest first.
 */
import type { BudgetUnit } from '../protocol/model';
import { EMMA_HISTORY_MAX_TURNS, EMMA_MESSAGE_MAX_CHARS } from '../providers/emma.wire';
import { presetOf } from '../profiles/presets';
import type { ProviderProfile } from '../providers/types';
import { countChars, estimateTokens } from './tokenEstimate';

/** Context window of a token-counted profile with none set and no matching preset. */
export const DEFAULT_CONTEXT_WINDOW = 8_192;
/** Most earlier turns sent to a token-counted provider, however much room is left. */
export const TOKEN_HISTORY_MAX_TURNS = 20;
/** Room kept for the reply when the profile sets no maxTokens: a quarter of the window, at most this. */
export const DEFAULT_REPLY_RESERVE_MAX = 4_096;

export interface Budget {
  unit: BudgetUnit;
  /** Room for the new message: system prompt + attachments + question. */
  limit: number;
  /** Token windows: earlier turns share what the message leaves. Emma: history is separate. */
  historySharesLimit: boolean;
  maxHistoryTurns: number;
  /** Token windows: the window and the part kept for the reply. */
  contextWindow?: number;
  replyReserve?: number;
}

/** The preset's window for the profile's server (matched by origin and kind), else DEFAULT_CONTEXT_WINDOW. */
export function defaultContextWindow(profile: ProviderProfile): number {
  return presetOf(profile)?.contextWindow ?? DEFAULT_CONTEXT_WINDOW;
}

export function contextWindowOf(profile: ProviderProfile): number {
  return profile.contextWindow ?? defaultContextWindow(profile);
}

/** Tokens kept for the reply: the profile's maxTokens option, else a quarter of the window (at most 4,096); never all of it. */
export function replyReserve(profile: ProviderProfile, window: number): number {
  const maxTokens = profile.kind === 'emma' ? undefined : profile.options?.maxTokens;
  const reserve = maxTokens ?? Math.min(DEFAULT_REPLY_RESERVE_MAX, Math.floor(window / 4));
  return Math.min(reserve, Math.floor(window / 2));
}

export function budgetFor(profile: ProviderProfile): Budget {
  if (profile.kind === 'emma') {
    return { unit: 'characters', limit: EMMA_MESSAGE_MAX_CHARS, historySharesLimit: false, maxHistoryTurns: EMMA_HISTORY_MAX_TURNS };
  }
  const window = contextWindowOf(profile);
  const reserve = replyReserve(profile, window);
  return {
    unit: 'tokens',
    limit: window - reserve,
    historySharesLimit: true,
    maxHistoryTurns: TOKEN_HISTORY_MAX_TURNS,
    contextWindow: window,
    replyReserve: reserve,
  };
}

/** Size of a text in the budget's unit. */
export function measure(text: string, unit: BudgetUnit): number {
  return unit === 'characters' ? countChars(text) : estimateTokens(text);
}
