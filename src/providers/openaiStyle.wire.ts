/**
 * OpenAI-style wire format shared by SecondMe (seed 001) and OpenAI-compatible
 * endpoints such as ecovai (seed 002): request messages, streamed
 * `chat.completion.chunk`s and the plain `chat.completion`. Unknown fields are tolerated.
 */
import * as z from 'zod/mini';
// Schemas are z.lazy: each is built on its first parse, not while the bundle loads (that is activation time).

const count = z.number().check(z.nonnegative());

export const usageSchema = z.lazy(() =>
  z.looseObject({
    prompt_tokens: z.nullish(count),
    completion_tokens: z.nullish(count),
    total_tokens: z.nullish(count),
  }),
);

export const errorObjectSchema = z.lazy(() =>
  z.looseObject({
    message: z.optional(z.string()),
    type: z.nullish(z.string()),
    code: z.nullish(z.union([z.string(), z.number()])),
  }),
);

/** One tool call, or (streamed) a piece of one: `index` says which call a piece belongs to. */
export const toolCallSchema = z.lazy(() =>
  z.looseObject({
    index: z.optional(z.int().check(z.nonnegative())),
    id: z.nullish(z.string()),
    type: z.nullish(z.string()),
    function: z.nullish(z.looseObject({ name: z.nullish(z.string()), arguments: z.nullish(z.string()) })),
  }),
);
export type WireToolCall = z.infer<typeof toolCallSchema>;

export const chunkSchema = z.lazy(() =>
  z.looseObject({
    choices: z.nullish(
      z.array(
        z.looseObject({
          index: z.optional(z.number()),
          delta: z.nullish(
            z.looseObject({ content: z.nullish(z.string()), role: z.nullish(z.string()), tool_calls: z.nullish(z.array(toolCallSchema)) }),
          ),
          finish_reason: z.nullish(z.string()),
        }),
      ),
    ),
    usage: z.nullish(usageSchema),
    error: z.optional(z.union([errorObjectSchema, z.string()])),
  }),
);
export type Chunk = z.infer<typeof chunkSchema>;

export const completionSchema = z.lazy(() =>
  z.looseObject({
    choices: z.nullish(
      z.array(
        z.looseObject({
          index: z.optional(z.number()),
          message: z.nullish(z.looseObject({ content: z.nullish(z.string()), tool_calls: z.nullish(z.array(toolCallSchema)) })),
          finish_reason: z.nullish(z.string()),
        }),
      ),
    ),
    usage: z.nullish(usageSchema),
    error: z.optional(z.union([errorObjectSchema, z.string()])),
  }),
);
export type Completion = z.infer<typeof completionSchema>;
