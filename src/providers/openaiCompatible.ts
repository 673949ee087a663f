/**
 * Any OpenAI-compatible endpoint (ecovai, OpenAI, DeepSeek, Ollama, LM Studio,
 * vLLM): `POST {baseUrl}/chat/completions` with `Authorization: Bearer <key>` when
 * a key is stored (local servers need none). Streams by default; a plain
 * `chat.completion` JSON is handled too.
 */
import { ProviderError } from '../net/errors';
import { errorText, type ErrorText } from '../net/errorTexts';
import { temperatureError } from './temperatureCheck';
import type { ErrorContext } from './httpErrors';
import { openAiReplyEvents } from './openaiStream';
import { guarded, postJson } from './transport';
import { asksUsageInStream, isUsageFieldRejection, rememberUsageRejected } from './usageInStream';
import type {
  ChatEvent,
  ChatMessage,
  ChatProvider,
  ChatRequest,
  OpenAICompatibleProfile,
  ProviderDeps,
  ToolDefinition,
} from './types';

function invalid(text: ErrorText): ProviderError {
  return new ProviderError('invalid_request', text);
}

export function chatCompletionsUrl(baseUrl: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}/chat/completions`;
}

export interface WireToolCallOut {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type OpenAiMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: WireToolCallOut[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface OpenAiTool {
  type: 'function';
  function: { name: string; description: string; parameters?: object };
}

export interface OpenAiRequest {
  model: string;
  messages: OpenAiMessage[];
  tools?: OpenAiTool[];
  tool_choice?: 'required';
  temperature?: number;
  top_k?: number;
  max_tokens?: number;
  stream: boolean;
  stream_options?: { include_usage: boolean };
}

/** Plain messages stay `{role, content}`; tool calls and results take OpenAI's tool shapes. */
export function toOpenAiMessage(message: ChatMessage): OpenAiMessage {
  if (message.toolCallId !== undefined) return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  if (message.role === 'assistant' && message.toolCalls?.length)
    return {
      role: 'assistant',
      content: message.content === '' ? null : message.content,
      tool_calls: message.toolCalls.map((call) => ({
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: JSON.stringify(call.input) },
      })),
    };
  return { role: message.role, content: message.content };
}

function toOpenAiTool(tool: ToolDefinition): OpenAiTool {
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description, ...(tool.parameters ? { parameters: tool.parameters } : {}) },
  };
}

export function buildOpenAiRequest(
  profile: OpenAICompatibleProfile,
  request: ChatRequest,
  label: string,
  usageInStream = asksUsageInStream(profile),
): OpenAiRequest {
  const options = profile.options ?? {};
  if (request.messages.length === 0) throw invalid(errorText('request.noMessage', { provider: label }));
  const model = profile.model?.trim();
  if (!model) throw invalid(errorText('request.noModel', { provider: label }));
  const temperature = request.temperature ?? options.temperature;
  const temperatureWrong = temperature === undefined ? undefined : temperatureError(label, profile, temperature);
  if (temperatureWrong) throw invalid(temperatureWrong);
  const maxTokens = request.maxTokens ?? options.maxTokens;
  if (maxTokens !== undefined && !(Number.isInteger(maxTokens) && maxTokens >= 1))
    throw invalid(errorText('request.wholeNumber', { provider: label, option: 'max_tokens', value: maxTokens }));
  if (options.topK !== undefined && !(Number.isInteger(options.topK) && options.topK >= 1))
    throw invalid(errorText('request.wholeNumber', { provider: label, option: 'top_k', value: options.topK }));
  const stream = options.stream ?? true;
  const tools = request.tools ?? [];
  const usesTools = tools.length > 0 || request.messages.some((m) => m.toolCallId !== undefined || m.toolCalls?.length);
  if (usesTools && options.toolCalling !== true)
    throw invalid(errorText('request.toolCallingOff', { provider: label }));
  return {
    model,
    messages: request.messages.map(toOpenAiMessage),
    ...(tools.length > 0 ? { tools: tools.map(toOpenAiTool) } : {}),
    ...(tools.length > 0 && request.toolChoice === 'required' ? { tool_choice: 'required' as const } : {}),
    ...(temperature !== undefined ? { temperature } : {}),
    ...(options.topK !== undefined ? { top_k: options.topK } : {}),
    ...(maxTokens !== undefined ? { max_tokens: maxTokens } : {}),
    stream,
    ...(stream && usageInStream ? { stream_options: { include_usage: true } } : {}),
  };
}

export class OpenAICompatibleProvider implements ChatProvider {
  private readonly label: string;

  constructor(
    readonly profile: OpenAICompatibleProfile,
    private readonly deps: ProviderDeps,
  ) {
    this.label = profile.label?.trim() || hostLabel(profile.baseUrl ?? '');
  }

  streamChat(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatEvent> {
    const ctx: ErrorContext = { label: this.label, kind: 'openai-compatible', ...(this.profile.model ? { model: this.profile.model } : {}) };
    return guarded(this.run(request, signal, ctx), ctx, signal);
  }

  private async *run(request: ChatRequest, signal: AbortSignal, ctx: ErrorContext): AsyncGenerator<ChatEvent> {
    let body = buildOpenAiRequest(this.profile, request, this.label);
    const url = chatCompletionsUrl(this.profile.baseUrl ?? '');
    const key = await this.deps.getSecret(this.profile.id, url);
    if (key) ctx.key = key;
    const headers: Record<string, string> = {
      accept: body.stream ? 'text/event-stream, application/json' : 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    };
    let response;
    try {
      response = await postJson({ url, headers, body, ctx }, this.deps, signal);
    } catch (error) {
      if (!body.stream_options || !isUsageFieldRejection(error)) throw error;
      rememberUsageRejected(this.profile);
      this.deps.log?.(`${this.label}: the endpoint rejected stream_options; asking again without token counts (remembered for profile ${this.profile.id})`);
      body = buildOpenAiRequest(this.profile, request, this.label, false);
      response = await postJson({ url, headers, body, ctx }, this.deps, signal);
    }
    yield* openAiReplyEvents(response, ctx, body.stream);
  }
}

function hostLabel(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'OpenAI-compatible endpoint';
  }
}
