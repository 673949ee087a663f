/**
 * OpenAI-style replies shared by SecondMe and the OpenAI-compatible endpoint:
 * SSE `chat.completion.chunk` frames ending with `data: [DONE]`, or one
 * `chat.completion` JSON.
 */
import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { StreamBehaviour } from './faults';
import { replyFor, splitPieces, type Language } from './replies';
import { splitArguments, type PlannedToolCall } from './tools';
import { writeFrames } from './writer';

const OVERSIZE_BYTES = 1024 * 1024 + 4096;

export interface CompletionPlan {
  model: string;
  prompt: string;
  /** Answer with this text instead of the canned reply for `prompt` (tool-result round trips). */
  text?: string;
  /** Answer with these tool calls instead of text. */
  toolCalls?: PlannedToolCall[];
  promptTokens: number;
  maxTokens?: number;
  /** Add `system_fingerprint: null` like SecondMe's chunks. */
  fingerprint: boolean;
  /** Send a first chunk with `delta.role` like OpenAI does. */
  roleChunk: boolean;
  includeUsage: boolean;
  errorBody: { message: string; type: string; code: string };
}

function answer(plan: CompletionPlan, behaviour: StreamBehaviour) {
  const force: Language | undefined = behaviour.multibyte ? 'zh' : undefined;
  let pieces = plan.toolCalls ? [] : splitPieces(plan.text ?? replyFor(plan.prompt, force));
  let finishReason = plan.toolCalls ? 'tool_calls' : 'stop';
  if (plan.maxTokens !== undefined && pieces.length > plan.maxTokens) {
    pieces = pieces.slice(0, plan.maxTokens);
    finishReason = 'length';
  }
  const completion = pieces.length + (plan.toolCalls ?? []).reduce((n, call) => n + splitArguments(call.arguments).length, 0);
  const usage = {
    prompt_tokens: plan.promptTokens,
    completion_tokens: completion,
    total_tokens: plan.promptTokens + completion,
  };
  return { pieces, finishReason, usage, id: `chatcmpl-${randomBytes(12).toString('hex')}`, created: Math.floor(Date.now() / 1000) };
}

export function sendCompletionJson(res: ServerResponse, plan: CompletionPlan, behaviour: StreamBehaviour): Promise<void> {
  const a = answer(plan, behaviour);
  const body = {
    id: a.id,
    object: 'chat.completion',
    created: a.created,
    model: plan.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: plan.toolCalls ? null : a.pieces.join(''),
          ...(plan.toolCalls
            ? { tool_calls: plan.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })) }
            : {}),
        },
        finish_reason: a.finishReason,
      },
    ],
    usage: a.usage,
    ...(plan.fingerprint ? { system_fingerprint: null } : {}),
  };
  res.writeHead(200, { 'content-type': 'application/json' });
  return writeFrames(res, [JSON.stringify(body)], { ...behaviour, stallAfter: undefined, disconnectAfter: undefined });
}

function sseFrame(data: unknown, extras: string): string {
  return `${extras}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

export function completionFrames(plan: CompletionPlan, behaviour: StreamBehaviour): string[] {
  const a = answer(plan, behaviour);
  const chunk = (delta: Record<string, unknown>, finishReason: string | null, extra: object = {}) => ({
    id: a.id,
    object: 'chat.completion.chunk',
    created: a.created,
    model: plan.model,
    ...(plan.fingerprint ? { system_fingerprint: null } : {}),
    choices: [{ index: 0, delta, finish_reason: finishReason }],
    ...extra,
  });
  const events: unknown[] = [];
  if (plan.roleChunk) events.push(chunk({ role: 'assistant', content: '' }, null));
  for (const piece of a.pieces) events.push(chunk({ content: piece }, null));
  (plan.toolCalls ?? []).forEach((call, index) => {
    // The first piece names the call; the arguments follow in small pieces, matched by index.
    events.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }, null));
    for (const piece of splitArguments(call.arguments)) events.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }, null));
  });
  events.push(chunk({}, a.finishReason));
  if (plan.includeUsage) events.push({ ...chunk({}, null), choices: [], usage: a.usage });
  events.push('[DONE]');

  let frames: string[];
  if (behaviour.sseExtras) {
    frames = [': simulator stream start\n\n'];
    events.forEach((event, i) => {
      let frame = sseFrame(event, `event: message\nid: ${i + 1}\n${i === 0 ? 'retry: 3000\n' : ''}`);
      if (i === 2) frame = frame.replace(',"choices":', ',\ndata: "choices":'); // one `data` over two lines
      frames.push(frame);
      if (i % 3 === 2) frames.push(': keep-alive\n\n');
    });
  } else {
    frames = events.map((event) => sseFrame(event, ''));
  }

  if (behaviour.unknownEvents) {
    const filter = { ...chunk({}, null), choices: [], prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }] };
    frames.splice(0, 0, sseFrame(filter, ''));
    frames.splice(2, 0, sseFrame(chunk({ role: 'assistant' }, null), ''), sseFrame({ type: 'ping' }, 'event: ping\n'));
  }
  if (behaviour.oversize) frames.splice(2, 0, sseFrame(chunk({ content: 'x'.repeat(OVERSIZE_BYTES) }, null), ''));
  if (behaviour.malformedAfter !== undefined) frames.splice(behaviour.malformedAfter, 0, 'data: {"choices": [{"delta": \n\n');
  if (behaviour.errorEvent) {
    const { message, code, type } = behaviour.errorEvent;
    const error = { ...plan.errorBody, ...(message ? { message } : {}), ...(code ? { code } : {}), ...(type ? { type } : {}) };
    frames.splice(behaviour.errorEvent.after, frames.length, sseFrame({ error }, ''));
  }
  return frames;
}

export async function sendCompletionStream(res: ServerResponse, plan: CompletionPlan, behaviour: StreamBehaviour): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  await writeFrames(res, completionFrames(plan, behaviour), behaviour);
}
