/**
 * OpenAI-compatible endpoint modelled on ecovai (a one-api style aggregator):
 * `POST /v1/chat/completions` with `Authorization: Bearer <key>`; `stream`
 * defaults to false. `POST /local/v1/chat/completions` is the same without auth,
 * and any model name, like Ollama or LM Studio.
 *
 * Errors, OpenAI-shaped: 401 `invalid_api_key` (the message deliberately echoes
 * the presented key in full, so clients are tested for redaction), 403
 * `insufficient_user_quota` for a no-credit key (what one-api based aggregators
 * answer), 400 `invalid_value` for a bad body, 404 `model_not_found`.
 */
import type { Exchange } from './context';
import { lastUserContent, promptTokens } from './context';
import { stripMarkers, type GatewayFault } from './faults';
import { sendCompletionJson, sendCompletionStream, type CompletionPlan } from './openaiStyle';
import { plannedToolCalls, toolResultsReply, unansweredToolResult } from './tools';
import { openAiBody, openAiError, openAiInvalid } from './validation';
import { sendHtmlError, sendJson } from './writer';

/** Models the simulated aggregator serves: the seed's Spark models and some of its menu. */
export const OPENAI_MODELS = [
  'spark-v2',
  'spark-v3',
  'SparkDesk-v4.0',
  'moonshot-v1-8k',
  'qwen-plus',
  'glm-4',
  'deepseek-chat',
  'gpt-4o-mini',
];

export const OPENAI_PATHS = ['/v1/chat/completions', '/local/v1/chat/completions'];

function sendGatewayFault(ex: Exchange, fault: GatewayFault): void {
  if (fault.kind === 'html') return sendHtmlError(ex.res, fault.status);
  if (fault.kind === 'rate-limit')
    return sendJson(
      ex.res,
      429,
      openAiError('Rate limit reached for requests. Please try again later.', 'rate_limit_exceeded', 'rate_limit_exceeded'),
      { 'retry-after': fault.retryAfter },
    );
  sendJson(ex.res, fault.status, openAiError('The server is overloaded or not ready yet.', 'server_error', null));
}

function checkAuth(ex: Exchange): boolean {
  if (ex.path.startsWith('/local/')) return true;
  const header = ex.req.headers.authorization;
  const key = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header.trim())?.[1] : undefined;
  if (!key) {
    sendJson(
      ex.res,
      401,
      openAiError(
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        'invalid_request_error',
        'missing_api_key',
      ),
    );
    return false;
  }
  if (ex.config.keys.openaiNoCredit.includes(key)) {
    sendJson(ex.res, 403, openAiError('user quota is not enough', 'new_api_error', 'insufficient_user_quota'));
    return false;
  }
  if (!ex.config.keys.openai.includes(key)) {
    sendJson(
      ex.res,
      401,
      openAiError(`Incorrect API key provided: ${key}. You can find your API key in the console.`, 'invalid_request_error', 'invalid_api_key'),
    );
    return false;
  }
  return true;
}

export async function handleOpenAi(ex: Exchange): Promise<void> {
  const { behaviour, gateway } = ex.faults(lastUserContent(ex.body));
  if (gateway) return sendGatewayFault(ex, gateway);
  if (!checkAuth(ex)) return;

  if (ex.jsonInvalid)
    return sendJson(ex.res, 400, openAiError('We could not parse the JSON body of your request.', 'invalid_request_error', null));
  const parsed = openAiBody.safeParse(ex.body);
  if (!parsed.success) return sendJson(ex.res, 400, openAiInvalid(parsed.error.issues));
  const body = parsed.data;
  if (behaviour.rejectStreamOptions && body.stream_options != null)
    return sendJson(ex.res, 400, openAiError('Unrecognized request argument supplied: stream_options', 'invalid_request_error', null));
  if (!ex.path.startsWith('/local/') && !OPENAI_MODELS.includes(body.model) && !body.model.startsWith('sim-'))
    return sendJson(
      ex.res,
      404,
      openAiError(`The model \`${body.model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found'),
    );

  const orphan = unansweredToolResult(body.messages);
  if (orphan !== undefined)
    return sendJson(
      ex.res,
      400,
      openAiError(`Invalid parameter: messages with role 'tool' must be a response to a preceding message with 'tool_calls' (${orphan}).`, 'invalid_request_error', null, 'messages'),
    );

  const prompt = stripMarkers(lastUserContent(body));
  const toolCalls = plannedToolCalls(body, prompt);
  const text = toolResultsReply(body.messages);
  const plan: CompletionPlan = {
    model: body.model,
    prompt,
    ...(toolCalls ? { toolCalls } : {}),
    ...(text !== undefined ? { text } : {}),
    promptTokens: promptTokens(body.messages.map((m) => m.content ?? '')),
    maxTokens: body.max_tokens,
    fingerprint: false,
    roleChunk: true,
    includeUsage: body.stream_options?.include_usage === true,
    errorBody: { message: 'The server had an error while processing your request.', type: 'server_error', code: 'internal_error' },
  };
  if (!body.stream || behaviour.ignoreStream) return sendCompletionJson(ex.res, plan, behaviour);
  return sendCompletionStream(ex.res, plan, behaviour);
}
