/**
 * SecondMe: `POST {base}/api/chat/{instance_id}` (or `…/chat/completions`, option
 * `endpoint`), no key, OpenAI-style SSE. `instanceId` may be a bare id or a pasted
 * chat URL; the id is extracted, and the URL's origin is used when the profile
 * has no `baseUrl`.
 */
import { ProviderError } from '../net/errors';
import { errorText, type ErrorText } from '../net/errorTexts';
import type { ErrorContext } from './httpErrors';
import { openAiReplyEvents } from './openaiStream';
import { temperatureError } from './temperatureCheck';
import { guarded, postJson } from './transport';
import type { ChatEvent, ChatProvider, ChatRequest, ProviderDeps, SecondMeProfile } from './types';

/** How SecondMe says an instance is not online (the simulator and the real API: "is not connected … ensure the instance is online"). */
const NOT_ONLINE = /not (connected|online)|offline/i;

export const SECONDME_DEFAULT_BASE_URL = 'https://app.secondme.io';

/** The name in SecondMe's error messages. */
const SECONDME = 'SecondMe';

const BARE_ID = /^[A-Za-z0-9._~-]+$/;
const CHAT_PATH = /\/api\/chat\/([^/?#]+)(?:\/chat\/completions)?\/?$/;

function invalid(text: ErrorText): ProviderError {
  return new ProviderError('invalid_request', text);
}

/** The instance id from a bare id or a SecondMe chat URL, plus that URL's origin. */
export function parseInstanceId(value: string): { id: string; origin?: string } {
  const text = value.trim();
  const notAnId = () =>
    invalid(errorText('request.badInstanceId', { provider: SECONDME, value: text }));
  if (BARE_ID.test(text)) return { id: text };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw notAnId();
  }
  const match = CHAT_PATH.exec(url.pathname);
  const id = match?.[1] ? decodeURIComponent(match[1]) : '';
  if (!BARE_ID.test(id)) throw notAnId();
  return { id, origin: url.origin };
}

export interface SecondMeRequest {
  messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
  metadata?: { enable_l0_retrieval?: boolean; role_id?: string };
  temperature?: number;
  max_tokens?: number;
  stream: boolean;
}

export function buildSecondMeRequest(profile: SecondMeProfile, request: ChatRequest): SecondMeRequest {
  const options = profile.options ?? {};
  if (request.messages.length === 0) throw invalid(errorText('request.noMessage', { provider: SECONDME }));
  const temperature = request.temperature ?? options.temperature;
  const temperatureWrong = temperature === undefined ? undefined : temperatureError(SECONDME, profile, temperature);
  if (temperatureWrong) throw invalid(temperatureWrong);
  const maxTokens = request.maxTokens ?? options.maxTokens;
  if (maxTokens !== undefined && !(Number.isInteger(maxTokens) && maxTokens >= 1))
    throw invalid(errorText('request.wholeNumber', { provider: SECONDME, option: 'max_tokens', value: maxTokens }));
  const metadata = {
    ...(options.enableL0Retrieval !== undefined ? { enable_l0_retrieval: options.enableL0Retrieval } : {}),
    ...(options.roleId !== undefined && options.roleId !== '' ? { role_id: options.roleId } : {}),
  };
  return {
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
    ...(temperature !== undefined ? { temperature } : {}),
    ...(maxTokens !== undefined ? { max_tokens: maxTokens } : {}),
    stream: true,
  };
}

/**
 * SecondMe answers 503 "Instance … is not connected" when the instance is not
 * online (seed 001): that lasts until the user starts it, so it is not retried.
 * Any other 503 (a gateway page, an overloaded server) still is.
 */
function instanceMayComeBack(status: number, _headers: Readonly<Record<string, string>>, bodyText: string): boolean {
  return !(status === 503 && NOT_ONLINE.test(bodyText));
}

export class SecondMeProvider implements ChatProvider {
  private readonly instanceId: string;
  private readonly url: string;

  constructor(
    readonly profile: SecondMeProfile,
    private readonly deps: ProviderDeps,
  ) {
    const { id, origin } = parseInstanceId(profile.instanceId ?? '');
    const options = profile.options ?? {};
    const base = (profile.baseUrl ?? origin ?? SECONDME_DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.instanceId = id;
    this.url = `${base}/api/chat/${encodeURIComponent(id)}${options.endpoint === 'chat-completions' ? '/chat/completions' : ''}`;
  }

  streamChat(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatEvent> {
    const ctx: ErrorContext = { label: 'SecondMe', kind: 'secondme', instanceId: this.instanceId };
    return guarded(this.run(request, signal, ctx), ctx, signal);
  }

  private async *run(request: ChatRequest, signal: AbortSignal, ctx: ErrorContext): AsyncGenerator<ChatEvent> {
    const body = buildSecondMeRequest(this.profile, request);
    const response = await postJson(
      { url: this.url, headers: { accept: 'text/event-stream, application/json' }, body, ctx, transient: instanceMayComeBack },
      this.deps,
      signal,
    );
    yield* openAiReplyEvents(response, ctx);
  }
}
