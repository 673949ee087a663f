/**
 * Model discovery for OpenAI-compatible profiles: `GET {baseUrl}/models` with
 * the profile's key, through the same network layer as chat requests (proxy,
 * timeouts, redaction). The reply is untrusted: only well-formed ids are kept,
 * and at most MAX_MODELS of them.
 */
import * as z from 'zod/mini';
// Schemas are z.lazy: each is built on its first parse, not while the bundle loads (that is activation time).
import { ProviderError } from '../net/errors';
import { errorText } from '../net/errorTexts';
import { sendRequest } from '../net/http';
import { errorFromResponse, type ErrorContext } from './httpErrors';
import { parseJson } from './transport';
import type { ProviderDeps, ProviderProfile } from './types';

/** A longer list is cut here: enough for every real catalogue we know, bounded for pickers. */
export const MAX_MODELS = 200;
const MAX_REPLY_BYTES = 2 * 1024 * 1024;
const MODEL_ID = /^[^\s\p{Cc}]{1,200}$/u;

const modelListSchema = z.lazy(() =>
  z.union([
    z.looseObject({ data: z.array(z.unknown()) }),
    z.looseObject({ models: z.array(z.unknown()) }),
    z.array(z.unknown()),
  ]),
);

export function modelsUrl(baseUrl: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}/models`;
}

function idOf(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object') {
    const { id, name } = entry as { id?: unknown; name?: unknown };
    if (typeof id === 'string') return id;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

/** The model ids of an OpenAI `{data:[{id}]}` list (also `{models:[…]}` or a bare array), deduplicated, in order. */
export function parseModelList(text: string, ctx: ErrorContext): string[] {
  const parsed = modelListSchema.safeParse(parseJson(text, ctx, 'protocol.what.modelList'));
  if (!parsed.success) throw new ProviderError('protocol', errorText('protocol.notModelList', { provider: ctx.label }));
  const list = parsed.data;
  const entries: unknown[] = Array.isArray(list) ? list : Array.isArray(list.data) ? list.data : Array.isArray(list.models) ? list.models : [];
  const ids = new Set<string>();
  for (const entry of entries) {
    const id = idOf(entry)?.trim();
    if (id && MODEL_ID.test(id)) ids.add(id);
    if (ids.size >= MAX_MODELS) break;
  }
  return [...ids];
}

/** Asks the endpoint which models it serves. Throws a ProviderError (e.g. not_found when there is no /models). */
export async function fetchModels(profile: ProviderProfile, deps: ProviderDeps, signal: AbortSignal): Promise<string[]> {
  if (profile.kind !== 'openai-compatible' || !profile.baseUrl)
    throw new ProviderError('invalid_request', errorText('request.onlyOpenAiModels', { profile: profile.id }));
  const label = profile.label?.trim() || profile.id;
  const ctx: ErrorContext = { label, kind: 'openai-compatible' };
  const key = await deps.getSecret(profile.id);
  if (key) ctx.key = key;
  const response = await sendRequest(
    {
      url: modelsUrl(profile.baseUrl),
      method: 'GET',
      headers: { accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      label,
    },
    {
      signal,
      ...(deps.network ? { network: deps.network } : {}),
      ...(deps.log ? { log: deps.log } : {}),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
    },
  );
  if (response.status < 200 || response.status >= 300) throw await errorFromResponse(response, ctx);
  return parseModelList(await response.text(MAX_REPLY_BYTES), ctx);
}
