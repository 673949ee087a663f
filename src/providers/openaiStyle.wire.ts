/**
 * OpenAI-style wire format shared by SecondMe (seed 001) and OpenAI-compatible
 * endpoints such as ecovai (seed 002): request messages, streamed
 * `chat.completion.chunk`s and the plain `chat.completion`. Unknown fields are tolerated.
 */
import { z } from 'zod';

const count = z.number().nonnegative();

export const usageSchema = z.looseObject({
  prompt_tokens: count.nullish(),
  completion_tokens: count.nullish(),
  total_tokens: count.nullish(),
});

export const errorObjectSchema = z.looseObject({
  message: z.string().optional(),
  type: z.string().nullish(),
  code: z.union([z.string(), z.number()]).nullish(),
});

/** One tool call, or (streamed) a piece of one: `index` says which call a piece belongs to. */
export const toolCallSchema = z.looseObject({
  index: z.number().int().nonnegative().optional(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});
export type WireToolCall = z.infer<typeof toolCallSchema>;

export const chunkSchema = z.looseObject({
  choices: z
    .array(
      z.looseObject({
        index: z.number().optional(),
        delta: z
          .looseObject({ content: z.string().nullish(), role: z.string().nullish(), tool_calls: z.array(toolCallSchema).nullish() })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: usageSchema.nullish(),
  error: z.union([errorObjectSchema, z.string()]).optional(),
});
export type Chunk = z.infer<typeof chunkSchema>;

export const completionSchema = z.looseObject({
  choices: z
    .array(
      z.looseObject({
        index: z.number().optional(),
        message: z.looseObject({ content: z.string().nullish(), tool_calls: z.array(toolCallSchema).nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: usageSchema.nullish(),
  error: z.union([errorObjectSchema, z.string()]).optional(),
});
export type Completion = z.infer<typeof completionSchema>;
