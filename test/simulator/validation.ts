/**
 * Request bodies of the three APIs as the seeds document them, and the error
 * bodies each server family answers with: FastAPI's `{"detail":[…]}` (Emma,
 * SecondMe) and OpenAI's `{"error":{message,type,param,code}}` (ecovai).
 */
import { z } from 'zod';

const role = z.enum(['system', 'user', 'assistant']);
const message = z.object({ role, content: z.string() });

export const emmaBody = z.object({
  // Python counts code points, not UTF-16 units.
  message: z
    .string()
    .min(1)
    .refine((text) => [...text].length <= 4500, { message: 'String should have at most 4500 characters' }),
  model_key: z.enum(['emma-5', 'emma-4', 'emma-3']).default('emma-5'),
  history: z.array(z.object({ user: z.string(), assistant: z.string() })).max(6).default([]),
  use_history: z.boolean().default(false),
  use_rag: z.boolean().default(true),
  mode: z.enum(['raw', 'assisted']).default('raw'),
  preset: z.enum(['adaptive', 'precise', 'balanced', 'creative']).default('adaptive'),
  max_new_tokens: z.number().int().min(1).nullish(),
  temperature: z.number().min(0.1).max(1.5).nullish(),
});
export type EmmaBody = z.output<typeof emmaBody>;

export const secondMeBody = z.object({
  messages: z.array(message).min(1),
  metadata: z
    .object({ enable_l0_retrieval: z.boolean().optional(), role_id: z.string().optional() })
    .nullish(),
  temperature: z.number().min(0).max(1).default(0.7),
  max_tokens: z.number().int().min(1).default(2000),
  stream: z.boolean().default(true),
});
export type SecondMeBody = z.output<typeof secondMeBody>;

const toolCall = z.object({
  id: z.string().min(1),
  type: z.literal('function'),
  function: z.object({ name: z.string().min(1), arguments: z.string() }),
});

/** OpenAI messages: plain ones, an assistant turn with `tool_calls` (content may be null), a `tool` result. */
const openAiMessage = z.discriminatedUnion('role', [
  z.object({ role: z.enum(['system', 'user']), content: z.string() }),
  z.object({ role: z.literal('assistant'), content: z.string().nullish(), tool_calls: z.array(toolCall).min(1).optional() }),
  z.object({ role: z.literal('tool'), tool_call_id: z.string().min(1), content: z.string() }),
]);

const tool = z.object({
  type: z.literal('function'),
  function: z.object({
    name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const openAiBody = z.object({
  model: z.string().min(1),
  messages: z.array(openAiMessage).min(1),
  tools: z.array(tool).min(1).optional(),
  tool_choice: z.union([z.enum(['none', 'auto', 'required']), z.object({ type: z.literal('function') }).loose()]).optional(),
  temperature: z.number().min(0).max(1).default(0.7),
  top_k: z.number().int().min(1).optional(),
  max_tokens: z.number().int().min(1).optional(),
  stream: z.boolean().default(false),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
});
export type OpenAiBody = z.output<typeof openAiBody>;

export interface FastApiErrorItem {
  type: string;
  loc: (string | number)[];
  msg: string;
  input?: unknown;
}

function describe(issue: z.core.$ZodIssue): { type: string; msg: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { type: 'missing', msg: 'Field required' };
      return { type: `${issue.expected}_type`, msg: `Input should be a valid ${issue.expected}` };
    case 'too_big':
      if (issue.origin === 'string')
        return { type: 'string_too_long', msg: `String should have at most ${issue.maximum} characters` };
      if (issue.origin === 'array') return { type: 'too_long', msg: `List should have at most ${issue.maximum} items` };
      return { type: 'less_than_equal', msg: `Input should be less than or equal to ${issue.maximum}` };
    case 'too_small':
      if (issue.origin === 'string')
        return { type: 'string_too_short', msg: `String should have at least ${issue.minimum} character` };
      if (issue.origin === 'array') return { type: 'too_short', msg: `List should have at least ${issue.minimum} item` };
      return { type: 'greater_than_equal', msg: `Input should be greater than or equal to ${issue.minimum}` };
    case 'invalid_value':
      return {
        type: 'literal_error',
        msg: `Input should be ${issue.values.map((v) => `'${String(v)}'`).join(', ')}`,
      };
    default:
      return { type: 'value_error', msg: issue.message };
  }
}

/** FastAPI / pydantic v2 style 422 body. */
export function fastApiDetail(issues: z.core.$ZodIssue[]): { detail: FastApiErrorItem[] } {
  return {
    detail: issues.map((issue) => {
      const { type, msg } = describe(issue);
      const item: FastApiErrorItem = { type, loc: ['body', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], msg };
      const input = issue.input;
      if (input !== undefined && (typeof input !== 'string' || input.length <= 200)) item.input = input;
      return item;
    }),
  };
}

export const FASTAPI_JSON_INVALID = {
  detail: [{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', ctx: { error: 'Expecting value' } }],
};

export interface OpenAiError {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export function openAiError(message: string, type: string, code: string | null, param: string | null = null): OpenAiError {
  return { error: { message, type, param, code } };
}

/** OpenAI style 400 for the first invalid field. */
export function openAiInvalid(issues: z.core.$ZodIssue[]): OpenAiError {
  const first = issues[0];
  const param = first ? first.path.map(String).join('.') : null;
  const { msg } = first ? describe(first) : { msg: 'Invalid request' };
  return openAiError(`Invalid value for '${param ?? 'body'}': ${msg}`, 'invalid_request_error', 'invalid_value', param);
}
