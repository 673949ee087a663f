/**
 * A cheap estimate of tokens from text, used for the budgets of token-counted
 * providers (SecondMe, OpenAI-compatible) before anything is sent:
 *
 *   tokens ≈ ⌈ASCII characters ÷ 4⌉ + every other character (code point) × 1
 *
 * BPE tokenizers average about 4 characters per token on English text and
 * code; Chinese, Japanese and Korean characters are usually one token or more
 * each. Accented letters cost less than one token each, so the estimate errs
 * on the high side — a message it accepts fits.
 */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (const ch of text) {
    if ((ch.codePointAt(0) ?? 0) < 0x80) ascii++;
    else other++;
  }
  return Math.ceil(ascii / 4) + other;
}

/** Characters as the APIs count them: code points, so an emoji is one. */
export function countChars(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
