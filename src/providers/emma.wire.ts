/**
 * Emma's wire format (seed 000): the request body of `POST /api/chat/stream` and
 * the NDJSON events of its reply. Unknown fields are tolerated everywhere.
 */
import * as z from 'zod/mini';
// Schemas are z.lazy: each is built on its first parse, not while the bundle loads (that is activation time).
import { EMMA_MODELS, EMMA_TEMPERATURE } from '../profiles/ranges';

export const EMMA_MESSAGE_MAX_CHARS = 4500;
export const EMMA_HISTORY_MAX_TURNS = 6;

export const emmaRequestSchema = z.lazy(() =>
  z.object({
    /** 1–4500 characters counted as code points (as the Python server does); emma.ts checks the upper bound. */
    message: z.string().check(z.minLength(1)),
    model_key: z.optional(z.enum(EMMA_MODELS)),
    history: z.optional(z.array(z.object({ user: z.string(), assistant: z.string() })).check(z.maxLength(EMMA_HISTORY_MAX_TURNS))),
    use_history: z.optional(z.boolean()),
    use_rag: z.optional(z.boolean()),
    mode: z.optional(z.enum(['raw', 'assisted'])),
    preset: z.optional(z.enum(['adaptive', 'precise', 'balanced', 'creative'])),
    max_new_tokens: z.optional(z.number().check(z.int(), z.minimum(1))),
    temperature: z.optional(z.number().check(z.minimum(EMMA_TEMPERATURE.min), z.maximum(EMMA_TEMPERATURE.max))),
  }),
);
export type EmmaRequest = z.infer<typeof emmaRequestSchema>;

const count = z.number().check(z.nonnegative());

export const emmaEventSchema = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('meta'), prompt_tokens: z.optional(count) }),
    z.looseObject({ type: z.literal('update'), content: z.string() }),
    z.looseObject({
      type: z.literal('done'),
      response: z.string(),
      stats: z.optional(z.looseObject({ output_tokens: z.optional(count), prompt_tokens: z.optional(count) })),
    }),
    z.looseObject({ type: z.literal('error'), message: z.optional(z.string()), detail: z.optional(z.unknown()) }),
  ]),
);
export type EmmaEvent = z.infer<typeof emmaEventSchema>;

export const EMMA_EVENT_TYPES: readonly string[] = ['meta', 'update', 'done', 'error'];
