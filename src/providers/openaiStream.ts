/**
 * Reads an OpenAI-style reply into ChatEvents, by Content-Type: an SSE stream of
 * `chat.completion.chunk`s ending with `data: [DONE]`, or one `chat.completion`
 * JSON (also when a server ignores `stream: true`). Used by SecondMe and the
 * OpenAI-compatible adapter.
 */
import { ProviderError } from '../net/errors';
import { errorText } from '../net/errorTexts';
import type { StreamResponse } from '../net/http';
import { sseMessages, type SseMessage } from './decoders';
import { errorForReportedError, type ErrorContext } from './httpErrors';
import { chunkSchema, completionSchema, type Chunk } from './openaiStyle.wire';
import { ToolCallAssembler } from './toolCalls';
import { cutOffError, htmlReplyError, parseJson, replyKind } from './transport';
import type { ChatEvent } from './types';

/** A plain JSON completion larger than this is not a chat reply. */
const MAX_JSON_BYTES = 8 * 1024 * 1024;

type Usage = NonNullable<Chunk['usage']>;

function usageEvent(usage: Usage): ChatEvent {
  return {
    type: 'usage',
    ...(usage.prompt_tokens != null ? { promptTokens: usage.prompt_tokens } : {}),
    ...(usage.completion_tokens != null ? { outputTokens: usage.completion_tokens } : {}),
    ...(usage.total_tokens != null ? { totalTokens: usage.total_tokens } : {}),
  };
}

export async function* chunkEvents(messages: AsyncIterable<SseMessage>, ctx: ErrorContext): AsyncGenerator<ChatEvent> {
  let finishReason: string | undefined;
  let sawDone = false;
  const toolCalls = new ToolCallAssembler(ctx);
  for await (const message of messages) {
    const data = message.data.trim();
    if (data === '') continue;
    if (data === '[DONE]') {
      sawDone = true;
      break;
    }
    const json = parseJson(data, ctx, 'protocol.what.streamEvent');
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new ProviderError('protocol', errorText('protocol.streamEventNotObject', { provider: ctx.label }));
    if ('error' in json || message.event === 'error') throw errorForReportedError((json as { error?: unknown }).error ?? json, ctx);
    const parsed = chunkSchema.safeParse(json);
    if (!parsed.success) throw new ProviderError('protocol', errorText('protocol.malformedChunk', { provider: ctx.label }));
    const chunk = parsed.data;
    const choice = chunk.choices?.find((c) => (c.index ?? 0) === 0);
    const text = choice?.delta?.content;
    if (text) yield { type: 'delta', text };
    if (choice?.delta?.tool_calls) toolCalls.add(choice.delta.tool_calls);
    if (choice?.finish_reason) {
      finishReason = choice.finish_reason;
      for (const call of toolCalls.finish()) yield { type: 'toolCall', ...call };
    }
    if (chunk.usage) yield usageEvent(chunk.usage);
  }
  if (!sawDone && finishReason === undefined) throw cutOffError(ctx);
  // A server that ends with [DONE] but no finish_reason: the calls are complete now.
  for (const call of toolCalls.finish()) yield { type: 'toolCall', ...call };
  yield { type: 'done', ...(finishReason !== undefined ? { finishReason } : {}) };
}

export function* completionEvents(text: string, ctx: ErrorContext): Generator<ChatEvent> {
  const json = parseJson(text, ctx, 'protocol.what.reply');
  if (json && typeof json === 'object' && 'error' in json) throw errorForReportedError((json as { error?: unknown }).error, ctx);
  const parsed = completionSchema.safeParse(json);
  if (!parsed.success || !parsed.data.choices)
    throw new ProviderError('protocol', errorText('protocol.notChatCompletion', { provider: ctx.label }));
  const choice = parsed.data.choices.find((c) => (c.index ?? 0) === 0);
  const content = choice?.message?.content;
  if (content) yield { type: 'delta', text: content };
  if (choice?.message?.tool_calls) {
    const toolCalls = new ToolCallAssembler(ctx);
    toolCalls.add(choice.message.tool_calls);
    for (const call of toolCalls.finish()) yield { type: 'toolCall', ...call };
  }
  if (parsed.data.usage) yield usageEvent(parsed.data.usage);
  yield { type: 'done', ...(choice?.finish_reason ? { finishReason: choice.finish_reason } : {}) };
}

/**
 * By Content-Type; a reply without a usable one is read as what was asked for
 * (`streamed`: SSE, otherwise JSON).
 */
export async function* openAiReplyEvents(response: StreamResponse, ctx: ErrorContext, streamed = true): AsyncGenerator<ChatEvent> {
  const kind = replyKind(response.headers);
  if (kind === 'html') throw htmlReplyError(ctx);
  if (kind === 'json' || (kind === 'other' && !streamed)) {
    yield* completionEvents(await response.text(MAX_JSON_BYTES), ctx);
    return;
  }
  yield* chunkEvents(sseMessages(response.body, ctx.label), ctx);
}
