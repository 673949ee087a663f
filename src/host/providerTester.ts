/**
 * "Test" in Manage Providers: sends a one-line prompt through the provider
 * layer and reports the reply and the latency. The factory is passed in so
 * this file does not depend on which module provides createProvider().
 */
import type { ChatProvider, ProviderDeps, ProviderProfile } from '../providers/types';
import { isProviderError } from '../net/errors';
import type { ErrorText } from '../net/errorTexts';

export type ProviderFactory = (profile: ProviderProfile, deps: ProviderDeps) => ChatProvider;

export interface TestResult {
  ok: boolean;
  /** The reply text (first 200 characters) or the error message (English). */
  text: string;
  /** A provider error's text as message id + parameters, for showing it in the user's language. */
  error?: ErrorText;
  firstTokenMs?: number;
  totalMs: number;
}

export const TEST_PROMPT = 'Reply with one short sentence: are you working?';

export async function testProfile(
  create: ProviderFactory,
  profile: ProviderProfile,
  deps: ProviderDeps,
  signal: AbortSignal,
  now: () => number = () => performance.now(),
): Promise<TestResult> {
  const start = now();
  let firstTokenMs: number | undefined;
  let text = '';
  try {
    const provider = create(profile, deps);
    for await (const event of provider.streamChat({ messages: [{ role: 'user', content: TEST_PROMPT }], maxTokens: 64 }, signal)) {
      if (event.type === 'delta') text += event.text;
      else if (event.type === 'replace') text = event.text;
      if ((event.type === 'delta' || event.type === 'replace') && firstTokenMs === undefined) firstTokenMs = Math.round(now() - start);
    }
    return { ok: true, text: text.trim().slice(0, 200), totalMs: Math.round(now() - start), ...(firstTokenMs !== undefined ? { firstTokenMs } : {}) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, text: message, ...(isProviderError(error) ? { error: error.text } : {}), totalMs: Math.round(now() - start) };
  }
}
