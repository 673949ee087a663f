/**
 * Any OpenAI-compatible endpoint (ecovai, OpenAI, DeepSeek, Ollama, LM Studio,
 * vLLM): `POST {baseUrl}/chat/completions` with `Authorization: Bearer <key>` when
 * a key is stored (local servers need none). Streams by default; a plain
 * `chat.completion` JSON is handled too.
 */
import { ProviderError } from '../net/errors';
import type { ErrorContext } from './httpErrors';
import { openAiReplyEvents } from './openaiStream';
import { guarded, postJson } from './transport';
import type { ChatEvent, ChatProvider, ChatRequest, OpenAICompatibleOptions, ProviderDeps, ProviderProfile } from './types';

function invalid(message: string): ProviderError {
  return new ProviderError('invalid_request', message);
}

/** ecovai documents 0–1; OpenAI and most others accept 0–2. */
export function maxTemperatureFor(baseUrl: string, options: OpenAICompatibleOptions): number {
  if (options.maxTemperature !== undefined) return options.maxTemperature;
  return /^https?:\/\/([^/]*\.)?ecovai\.cn(:\d+)?(\/|$)/i.test(baseUrl) ? 1 : 2;
}

export function chatCompletionsUrl(baseUrl: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}/chat/completions`;
}

export interface OpenAiRequest {
  model: string;
  messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
  temperature?: number;
  top_k?: number;
  max_tokens?: number;
  stream: boolean;
  stream_options?: { include_usage: boolean };
}

export function buildOpenAiRequest(profile: ProviderProfile, request: ChatRequest, label: string): OpenAiRequest {
  const options = (profile.options ?? {}) as OpenAICompatibleOptions;
  if (request.messages.length === 0) throw invalid(`${label}: there is no message to send`);
  const model = profile.model?.trim();
  if (!model) throw invalid(`${label}: no model is set — choose one in the provider settings`);
  const maxTemperature = maxTemperatureFor(profile.baseUrl ?? '', options);
  const temperature = request.temperature ?? options.temperature;
  if (temperature !== undefined && !(temperature >= 0 && temperature <= maxTemperature))
    throw invalid(`${label}: temperature must be between 0 and ${maxTemperature} (got ${temperature})`);
  const maxTokens = request.maxTokens ?? options.maxTokens;
  if (maxTokens !== undefined && !(Number.isInteger(maxTokens) && maxTokens >= 1))
    throw invalid(`${label}: max_tokens must be a whole number of at least 1 (got ${maxTokens})`);
  if (options.topK !== undefined && !(Number.isInteger(options.topK) && options.topK >= 1))
    throw invalid(`${label}: top_k must be a whole number of at least 1 (got ${options.topK})`);
  const stream = options.stream ?? true;
  return {
    model,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    ...(temperature !== undefined ? { temperature } : {}),
    ...(options.topK !== undefined ? { top_k: options.topK } : {}),
    ...(maxTokens !== undefined ? { max_tokens: maxTokens } : {}),
    stream,
    ...(stream && options.includeUsage ? { stream_options: { include_usage: true } } : {}),
  };
}

export class OpenAICompatibleProvider implements ChatProvider {
  private readonly label: string;

  constructor(
    readonly profile: ProviderProfile,
    private readonly deps: ProviderDeps,
  ) {
    this.label = profile.label?.trim() || hostLabel(profile.baseUrl ?? '');
  }

  streamChat(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatEvent> {
    const ctx: ErrorContext = { label: this.label, kind: 'openai-compatible', ...(this.profile.model ? { model: this.profile.model } : {}) };
    return guarded(this.run(request, signal, ctx), ctx, signal);
  }

  private async *run(request: ChatRequest, signal: AbortSignal, ctx: ErrorContext): AsyncGenerator<ChatEvent> {
    const body = buildOpenAiRequest(this.profile, request, this.label);
    const url = chatCompletionsUrl(this.profile.baseUrl ?? '');
    const key = await this.deps.getSecret(this.profile.id, url);
    if (key) ctx.key = key;
    const headers: Record<string, string> = {
      accept: body.stream ? 'text/event-stream, application/json' : 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    };
    const response = await postJson({ url, headers, body, ctx }, this.deps, signal);
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
