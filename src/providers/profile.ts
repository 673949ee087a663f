/**
 * Validation of a ProviderProfile (it comes from user settings). A bad profile
 * is a ProviderError('invalid_request') whose message names the field.
 */
import * as z from 'zod/mini';
import './zodMessages';
import { ProviderError } from '../net/errors';
import { errorText } from '../net/errorTexts';
import type { ProviderProfile } from './types';

const httpUrl = z
  .string()
  .check(z.refine((value) => /^https?:\/\/[^\s/]+/i.test(value), { error: 'must be an http(s) URL' }));
const positiveInt = (name: string) =>
  z.number().check(z.int({ error: `${name} must be a whole number` }), z.minimum(1, { error: `${name} must be at least 1` }));
const range = (min: number, max: number) =>
  z.number().check(
    z.minimum(min, { error: `must be between ${min} and ${max}` }),
    z.maximum(max, { error: `must be between ${min} and ${max}` }),
  );

export const EMMA_MODELS = ['emma-5', 'emma-4', 'emma-3'] as const;
export const EMMA_TEMPERATURE = { min: 0.1, max: 1.5 } as const;
export const SECONDME_TEMPERATURE = { min: 0, max: 1 } as const;

/** Smallest context window a profile may declare, in tokens. */
export const MIN_CONTEXT_WINDOW = 256;

const base = {
  id: z.string().check(z.minLength(1, { error: 'must not be empty' })),
  label: z.optional(z.string()),
  baseUrl: z.optional(httpUrl),
  systemPrompt: z.optional(z.string()),
};
const contextWindow = z.optional(
  positiveInt('contextWindow').check(z.minimum(MIN_CONTEXT_WINDOW, { error: `contextWindow must be at least ${MIN_CONTEXT_WINDOW}` })),
);

const emmaProfile = z.object({
  ...base,
  kind: z.literal('emma'),
  model: z.optional(z.enum(EMMA_MODELS)),
  options: z.optional(
    z.object({
      modelKey: z.optional(z.enum(EMMA_MODELS)),
      useRag: z.optional(z.boolean()),
      useHistory: z.optional(z.boolean()),
      mode: z.optional(z.enum(['raw', 'assisted'])),
      preset: z.optional(z.enum(['adaptive', 'precise', 'balanced', 'creative'])),
      maxNewTokens: z.optional(positiveInt('maxNewTokens')),
      temperature: z.optional(range(EMMA_TEMPERATURE.min, EMMA_TEMPERATURE.max)),
    }),
  ),
});

const secondMeProfile = z.object({
  ...base,
  kind: z.literal('secondme'),
  instanceId: z.string().check(z.trim(), z.minLength(1, { error: 'is required: the instance id or its chat URL' })),
  contextWindow,
  options: z.optional(
    z.object({
      endpoint: z.optional(z.enum(['chat', 'chat-completions'])),
      enableL0Retrieval: z.optional(z.boolean()),
      roleId: z.optional(z.string()),
      temperature: z.optional(range(SECONDME_TEMPERATURE.min, SECONDME_TEMPERATURE.max)),
      maxTokens: z.optional(positiveInt('maxTokens')),
    }),
  ),
});

const openAiProfile = z.object({
  ...base,
  kind: z.literal('openai-compatible'),
  /** e.g. https://api.ecovai.cn/v1 */
  baseUrl: httpUrl,
  model: z.string().check(z.trim(), z.minLength(1, { error: 'is required (e.g. spark-v3)' })),
  contextWindow,
  options: z.optional(
    z.object({
      temperature: z.optional(z.number().check(z.minimum(0, { error: 'must be at least 0' }))),
      topK: z.optional(positiveInt('topK')),
      maxTokens: z.optional(positiveInt('maxTokens')),
      stream: z.optional(z.boolean()),
      maxTemperature: z.optional(z.number().check(z.positive({ error: 'must be positive' }))),
      includeUsage: z.optional(z.boolean()),
      toolCalling: z.optional(z.boolean()),
    }),
  ),
});

const profileSchema = z.discriminatedUnion('kind', [emmaProfile, secondMeProfile, openAiProfile], {
  error: 'kind must be one of emma, secondme, openai-compatible',
});

export function validateProfile(profile: ProviderProfile): ProviderProfile {
  const parsed = profileSchema.safeParse(profile);
  if (parsed.success) return profile;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'profile';
  // The problem is the schema's own (English) message, shown as it is, like settings validation.
  const problem = issue?.code === 'invalid_type' && issue.input === undefined ? 'is required' : (issue?.message ?? 'is invalid');
  const text =
    typeof profile?.id === 'string' && profile.id
      ? errorText('profile.invalid', { profile: profile.id, field, problem })
      : errorText('profile.invalidNoId', { field, problem });
  throw new ProviderError('invalid_request', text);
}
