/**
 * SecondMe: `POST /api/chat/{instance_id}` and `…/{instance_id}/chat/completions`,
 * no auth; the instance must exist (404) and be online (503). OpenAI-style SSE,
 * or one `chat.completion` JSON with `stream: false`.
 */
import type { Exchange } from './context';
import { lastUserContent, promptTokens } from './context';
import { sendGatewayFaultFastApi } from './emma';
import { stripMarkers } from './faults';
import { sendCompletionJson, sendCompletionStream, type CompletionPlan } from './openaiStyle';
import { fastApiDetail, FASTAPI_JSON_INVALID, secondMeBody } from './validation';
import { sendJson } from './writer';

const PATH = /^\/api\/chat\/([^/]+)(\/chat\/completions)?\/?$/;

export function isSecondMePath(path: string): boolean {
  return PATH.test(path) && path !== '/api/chat/stream';
}

export async function handleSecondMe(ex: Exchange): Promise<void> {
  const instanceId = decodeURIComponent(PATH.exec(ex.path)?.[1] ?? '');
  const { behaviour, gateway } = ex.faults(lastUserContent(ex.body));
  if (gateway) return sendGatewayFaultFastApi(ex, gateway, 'Service temporarily unavailable');

  if (ex.jsonInvalid) return sendJson(ex.res, 422, FASTAPI_JSON_INVALID);
  const parsed = secondMeBody.safeParse(ex.body);
  if (!parsed.success) return sendJson(ex.res, 422, fastApiDetail(parsed.error.issues));

  const status = ex.config.instances[instanceId];
  if (status === undefined) return sendJson(ex.res, 404, { detail: `Instance ${instanceId} not found` });
  if (status !== 'online')
    return sendJson(ex.res, 503, { detail: `Instance ${instanceId} is not connected. Please ensure the instance is online.` });

  const body = parsed.data;
  const plan: CompletionPlan = {
    model: 'lpm-registry-model',
    prompt: stripMarkers(lastUserContent(body)),
    promptTokens: promptTokens(body.messages.map((m) => m.content)),
    maxTokens: body.max_tokens,
    fingerprint: true,
    roleChunk: false,
    includeUsage: false,
    errorBody: { message: 'Model inference failed: upstream connection reset', type: 'server_error', code: 'inference_error' },
  };
  if (!body.stream || behaviour.ignoreStream) return sendCompletionJson(ex.res, plan, behaviour);
  return sendCompletionStream(ex.res, plan, behaviour);
}
