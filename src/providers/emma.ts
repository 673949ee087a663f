/**
 * Emma (Egomnia): `POST {base}/api/chat/stream` with `X-API-Key`, NDJSON reply.
 *
 * Conversation mapping: Emma takes one `message` plus up to 6 `{user, assistant}`
 * turns. The last user message becomes `message`; earlier user/assistant pairs
 * become `history` (oldest dropped first) with `use_history: true` — none when the
 * profile sets `useHistory: false`. Emma has no
 * system role, so system messages are prepended to `message`, separated by a
 * blank line, on every request (they then count toward the 4,500-character limit).
 */
import { ProviderError } from '../net/errors';
import { errorText, type ErrorText } from '../net/errorTexts';
import { ndjsonLines } from './decoders';
import {
  EMMA_EVENT_TYPES,
  EMMA_HISTORY_MAX_TURNS,
  EMMA_MESSAGE_MAX_CHARS,
  emmaEventSchema,
  emmaRequestSchema,
  type EmmaRequest,
} from './emma.wire';
import { EmmaUpdateReader } from './emmaUpdates';
import { codeForServerText, type ErrorContext } from './httpErrors';
import { temperatureError } from './temperatureCheck';
import { cutOffError, guarded, htmlReplyError, parseJson, postJson, replyKind } from './transport';
import type { ChatEvent, ChatMessage, ChatProvider, ChatRequest, EmmaProfile, ProviderDeps } from './types';

export const EMMA_DEFAULT_BASE_URL = 'https://emma.egomnia.com';
export const EMMA_PATH = '/api/chat/stream';
/**
 * Where Emma's credit is topped up: its site's account pages (the document:
 * balance under Credits, movements under Billing; it gives no deeper URL).
 */
export const EMMA_BILLING_URL = 'https://emma.egomnia.com/';

/** The name in Emma's error messages (the document's own name for the service). */
const EMMA = 'Emma';

function invalid(text: ErrorText): ProviderError {
  return new ProviderError('invalid_request', text);
}

interface Turn {
  user: string;
  assistant: string;
}

/** Splits a conversation into Emma's `message` and `{user, assistant}` turns. */
export function mapConversation(messages: ChatMessage[]): { message: string; history: Turn[] } {
  const system = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content.trim())
    .filter(Boolean)
    .join('\n\n');
  const dialogue = messages.filter((m) => m.role !== 'system');
  const lastUser = dialogue.map((m) => m.role).lastIndexOf('user');
  const last = dialogue[lastUser];
  if (!last) throw invalid(errorText('request.noUserMessage', { provider: EMMA }));

  const turns: Turn[] = [];
  let pending: Turn | undefined;
  for (const m of dialogue.slice(0, lastUser)) {
    if (m.role === 'user') {
      if (pending) turns.push(pending);
      pending = { user: m.content, assistant: '' };
    } else if (pending) {
      pending.assistant = pending.assistant ? `${pending.assistant}\n\n${m.content}` : m.content;
    } else {
      pending = { user: '', assistant: m.content };
    }
  }
  if (pending) turns.push(pending);
  return {
    message: system ? `${system}\n\n${last.content}` : last.content,
    history: turns.slice(-EMMA_HISTORY_MAX_TURNS),
  };
}

/** The request body for a chat request, validated against the seed's limits. */
export function buildEmmaRequest(profile: EmmaProfile, request: ChatRequest): EmmaRequest {
  const options = profile.options ?? {};
  const mapped = mapConversation(request.messages);
  const { message } = mapped;
  // useHistory false: Emma answers the message alone (its API default), whatever the chat layer sent.
  const history = options.useHistory === false ? [] : mapped.history;
  const length = [...message].length;
  if (message.trim().length === 0) throw invalid(errorText('request.emptyMessage', { provider: EMMA }));
  if (length > EMMA_MESSAGE_MAX_CHARS)
    throw invalid(errorText('request.emmaTooLong', { provider: EMMA, length, max: EMMA_MESSAGE_MAX_CHARS }));

  const temperature = request.temperature ?? options.temperature;
  const temperatureWrong = temperature === undefined ? undefined : temperatureError(EMMA, profile, temperature);
  if (temperatureWrong) throw invalid(temperatureWrong);
  const maxNewTokens = request.maxTokens ?? options.maxNewTokens;
  if (maxNewTokens !== undefined && !(Number.isInteger(maxNewTokens) && maxNewTokens >= 1))
    throw invalid(errorText('request.wholeNumber', { provider: EMMA, option: 'max_new_tokens', value: maxNewTokens }));

  const modelKey = options.modelKey ?? profile.model;
  const body: EmmaRequest = {
    message,
    ...(modelKey !== undefined ? { model_key: modelKey } : {}),
    ...(history.length > 0 ? { history, use_history: true } : {}),
    ...(options.useRag !== undefined ? { use_rag: options.useRag } : {}),
    ...(options.mode !== undefined ? { mode: options.mode } : {}),
    ...(options.preset !== undefined ? { preset: options.preset } : {}),
    ...(maxNewTokens !== undefined ? { max_new_tokens: maxNewTokens } : {}),
    ...(temperature !== undefined ? { temperature } : {}),
  };
  const checked = emmaRequestSchema.safeParse(body);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw invalid(errorText('request.invalidField', { provider: EMMA, field: issue?.path.join('.') ?? 'request', problem: issue?.message ?? 'is invalid' }));
  }
  return body;
}

/** Maps Emma's NDJSON lines to ChatEvents (see the module comment of types.ts for the contract). */
export async function* emmaEvents(lines: AsyncIterable<string>, ctx: ErrorContext): AsyncGenerator<ChatEvent> {
  const updates = new EmmaUpdateReader();
  let promptTokens: number | undefined;
  for await (const raw of lines) {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (line === '') continue;
    const json = parseJson(line, ctx, 'protocol.what.eventLine');
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new ProviderError('protocol', errorText('protocol.eventNotObject', { provider: EMMA }));
    const type = (json as { type?: unknown }).type;
    if (typeof type !== 'string' || !EMMA_EVENT_TYPES.includes(type)) continue; // unknown events are ignored
    const parsed = emmaEventSchema.safeParse(json);
    if (!parsed.success) throw new ProviderError('protocol', errorText('protocol.malformedEvent', { provider: EMMA, type }));
    const event = parsed.data;
    switch (event.type) {
      case 'meta':
        if (event.prompt_tokens !== undefined) {
          promptTokens = event.prompt_tokens;
          yield { type: 'usage', promptTokens };
        }
        break;
      case 'update': {
        const change = updates.read(event.content);
        if (change) yield change;
        break;
      }
      case 'done': {
        if (event.response !== updates.text) yield { type: 'replace', text: event.response };
        const outputTokens = event.stats?.output_tokens;
        const prompt = promptTokens ?? event.stats?.prompt_tokens;
        yield {
          type: 'usage',
          ...(prompt !== undefined ? { promptTokens: prompt } : {}),
          ...(outputTokens !== undefined ? { outputTokens } : {}),
        };
        yield { type: 'done' };
        return;
      }
      case 'error': {
        const message = event.message ?? (typeof event.detail === 'string' ? event.detail : '');
        const text = message ? errorText('server.message', { provider: EMMA, text: message }) : errorText('server.reportedError', { provider: EMMA });
        throw new ProviderError(codeForServerText(message), text, { secrets: ctx.key ? [ctx.key] : [] });
      }
    }
  }
  throw cutOffError(ctx);
}

export class EmmaProvider implements ChatProvider {
  constructor(
    readonly profile: EmmaProfile,
    private readonly deps: ProviderDeps,
  ) {}

  streamChat(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatEvent> {
    const ctx: ErrorContext = { label: 'Emma', kind: 'emma' };
    return guarded(this.run(request, signal, ctx), ctx, signal);
  }

  private async *run(request: ChatRequest, signal: AbortSignal, ctx: ErrorContext): AsyncGenerator<ChatEvent> {
    const body = buildEmmaRequest(this.profile, request);
    const base = (this.profile.baseUrl ?? EMMA_DEFAULT_BASE_URL).replace(/\/+$/, '');
    const url = `${base}${EMMA_PATH}`;
    const key = await this.deps.getSecret(this.profile.id, url);
    if (!key) throw new ProviderError('auth', errorText('auth.noKey', { provider: EMMA }));
    ctx.key = key;
    const response = await postJson(
      { url, headers: { 'x-api-key': key, accept: 'application/x-ndjson' }, body, ctx },
      this.deps,
      signal,
    );
    if (replyKind(response.headers) === 'html') throw htmlReplyError(ctx);
    yield* emmaEvents(ndjsonLines(response.body, ctx.label), ctx);
  }
}
