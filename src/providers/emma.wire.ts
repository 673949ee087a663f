/**
 * Emma's wire format (seed 000): the request body of `POST /api/chat/stream` and
 * the NDJSON events of its reply. Unknown fields are tolerated everywhere.
 */
import { z } from 'zod';
import { EMMA_MODELS } from './profile';

export const EMMA_MESSAGE_MAX_CHARS = 4500;
export const EMMA_HISTORY_MAX_TURNS = 6;

export const emmaRequestSchema = z.object({
  /** 1–4500 characters counted as code points (as the Python server does); emma.ts checks the upper bound. */
  message: z.string().min(1),
  model_key: z.enum(EMMA_MODELS).optional(),
  history: z.array(z.object({ user: z.string(), assistant: z.string() })).max(EMMA_HISTORY_MAX_TURNS).optional(),
  use_history: z.boolean().optional(),
  use_rag: z.boolean().optional(),
  mode: z.enum(['raw', 'assisted']).optional(),
  preset: z.enum(['adaptive', 'precise', 'balanced', 'creative']).optional(),
  max_new_tokens: z.number().int().min(1).optional(),
  temperature: z.number().min(0.1).max(1.5).optional(),
});
export type EmmaRequest = z.infer<typeof emmaRequestSchema>;

const count = z.number().nonnegative();

export const emmaEventSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('meta'), prompt_tokens: count.optional() }),
  z.looseObject({ type: z.literal('update'), content: z.string() }),
  z.looseObject({
    type: z.literal('done'),
    response: z.string(),
    stats: z.looseObject({ output_tokens: count.optional(), prompt_tokens: count.optional() }).optional(),
  }),
  z.looseObject({ type: z.literal('error'), message: z.string().optional(), detail: z.unknown().optional() }),
]);
export type EmmaEvent = z.infer<typeof emmaEventSchema>;

export const EMMA_EVENT_TYPES: readonly string[] = ['meta', 'update', 'done', 'error'];
