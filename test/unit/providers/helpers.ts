/** Shared helpers for the provider tests: run a stream to its end and fold its events. */
import assert from 'node:assert/strict';
import { isProviderError, type ProviderError, type ProviderErrorCode } from '../../../src/net/errors';
import type { ChatEvent, ChatProvider, ChatRequest, ProviderDeps } from '../../../src/providers/types';

export interface Outcome {
  events: ChatEvent[];
  error?: ProviderError;
}

/** Runs a stream to its end (or its error) and keeps everything it yielded. */
export async function run(provider: ChatProvider, request: ChatRequest, signal = new AbortController().signal): Promise<Outcome> {
  const events: ChatEvent[] = [];
  try {
    for await (const event of provider.streamChat(request, signal)) events.push(event);
    return { events };
  } catch (error) {
    if (!isProviderError(error)) throw error;
    return { events, error };
  }
}

/** The reply text the chat layer would show after these events. */
export function replyText(events: ChatEvent[]): string {
  let text = '';
  for (const event of events) {
    if (event.type === 'delta') text += event.text;
    if (event.type === 'replace') text = event.text;
  }
  return text;
}

export function types(events: ChatEvent[]): string[] {
  return events.map((e) => e.type);
}

export function expectError(outcome: Outcome, code: ProviderErrorCode, message?: RegExp): ProviderError {
  assert.ok(outcome.error, `expected a ProviderError(${code}), got events ${JSON.stringify(types(outcome.events))}`);
  assert.equal(outcome.error.code, code, `code of: ${outcome.error.message}`);
  if (message) assert.match(outcome.error.message, message);
  return outcome.error;
}

export function expectSuccess(outcome: Outcome): string {
  assert.equal(outcome.error, undefined, outcome.error?.message);
  assert.equal(outcome.events.at(-1)?.type, 'done');
  return replyText(outcome.events);
}

export function user(content: string): ChatRequest {
  return { messages: [{ role: 'user', content }] };
}

export interface TestDeps extends ProviderDeps {
  lines: string[];
  sleeps: number[];
}

/** Deps with a fixed key, a captured log, no real waiting between retries, and short timeouts. */
export function testDeps(key: string | undefined, idleMs = 2000): TestDeps {
  const lines: string[] = [];
  const sleeps: number[] = [];
  return {
    lines,
    sleeps,
    getSecret: async () => key,
    log: (line) => lines.push(line),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    network: { timeouts: { connectMs: 2000, firstByteMs: 5000, idleMs }, retry: { max: 2 } },
  };
}
