/**
 * Token figures Parley's language models report to VS Code
 * (LanguageModelChatInformation.maxInputTokens / maxOutputTokens) and the
 * token estimate behind provideTokenCount. No vscode import: unit-tested.
 *
 * The estimate: every CJK character counts as one token, every other run of
 * text as one token per 4 characters (rounded up). That is the usual rule of
 * thumb for BPE tokenizers (English averages about 4 characters per token; CJK
 * characters are mostly 1–2 tokens each). No tokenizer ships in the bundle: the
 * providers use different ones (Emma's, Spark's, whatever an OpenAI-compatible
 * endpoint serves), so an exact count for one would be wrong for the others,
 * and a tokenizer's vocabulary would cost megabytes for a figure callers only
 * use to budget prompts. The estimate never counts fewer tokens than
 * characters / 4, which the Emma limit below relies on.
 */
import { EMMA_MESSAGE_MAX_CHARS } from '../providers';
import type { ProviderProfile } from '../providers/types';

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/gu;

/** Estimated tokens of a text (see the module comment). */
export function estimateTokens(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const other = [...text].length - cjk;
  return cjk + Math.ceil(other / 4);
}

/** Per-message overhead (role markers) most chat formats add; keeps budgets on the safe side. */
export const MESSAGE_OVERHEAD_TOKENS = 4;

export interface TokenLimits {
  maxInputTokens: number;
  maxOutputTokens: number;
}

/**
 * Emma takes one `message` of at most 4,500 characters (system prompt included,
 * since Emma has no system role) plus up to 6 earlier turns. A caller that keeps
 * its whole prompt within maxInputTokens, counted with estimateTokens (≥ 1 token
 * per 4 characters), sends at most 4 × 1,125 = 4,500 characters in total, so the
 * last message always fits — whatever part of it is history. Conservative for
 * CJK text (1 token per character), which is the safe direction.
 */
export const EMMA_MAX_INPUT_TOKENS = Math.floor(EMMA_MESSAGE_MAX_CHARS / 4);

/** Emma documents no default for max_new_tokens; 2,048 is a conservative figure unless the profile sets one. */
export const EMMA_DEFAULT_OUTPUT_TOKENS = 2048;

/** SecondMe documents max_tokens default 2,000 and no context size; 4,096 input tokens is a conservative figure. */
export const SECONDME_DEFAULT_OUTPUT_TOKENS = 2000;
export const SECONDME_MAX_INPUT_TOKENS = 4096;

/**
 * OpenAI-compatible endpoints serve models whose context window Parley cannot
 * know (ecovai does not publish it). 8,192 is the smallest window among the
 * models its presets suggest (Spark v2/v3, moonshot-v1-8k), so callers never
 * overflow those; output defaults to 4,096 unless the profile sets maxTokens.
 */
export const OPENAI_MAX_INPUT_TOKENS = 8192;
export const OPENAI_DEFAULT_OUTPUT_TOKENS = 4096;

export function tokenLimits(profile: ProviderProfile): TokenLimits {
  switch (profile.kind) {
    case 'emma':
      return {
        maxInputTokens: EMMA_MAX_INPUT_TOKENS,
        maxOutputTokens: profile.options?.maxNewTokens ?? EMMA_DEFAULT_OUTPUT_TOKENS,
      };
    case 'secondme':
      return {
        maxInputTokens: SECONDME_MAX_INPUT_TOKENS,
        maxOutputTokens: profile.options?.maxTokens ?? SECONDME_DEFAULT_OUTPUT_TOKENS,
      };
    case 'openai-compatible':
      return {
        maxInputTokens: OPENAI_MAX_INPUT_TOKENS,
        maxOutputTokens: profile.options?.maxTokens ?? OPENAI_DEFAULT_OUTPUT_TOKENS,
      };
  }
}
