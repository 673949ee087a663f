/**
 * Validation of a ProviderProfile (it comes from user settings). A bad profile
 * is a ProviderError('invalid_request') whose message names the field.
 */
import { z } from 'zod';
import { ProviderError } from '../net/errors';
import type { ProviderProfile } from './types';

const httpUrl = z
  .string()
  .refine((value) => /^https?:\/\/[^\s/]+/i.test(value), { message: 'must be an http(s) URL' });
const positiveInt = (name: string) => z.number().int(`${name} must be a whole number`).min(1, `${name} must be at least 1`);
const range = (min: number, max: number) =>
  z.number().min(min, `must be between ${min} and ${max}`).max(max, `must be between ${min} and ${max}`);

export const EMMA_MODELS = ['emma-5', 'emma-4', 'emma-3'] as const;
export const EMMA_TEMPERATURE = { min: 0.1, max: 1.5 } as const;
export const SECONDME_TEMPERATURE = { min: 0, max: 1 } as const;

/** Smallest context window a profile may declare, in tokens. */
export const MIN_CONTEXT_WINDOW = 256;

const base = {
  id: z.string().min(1, 'must not be empty'),
  label: z.string().optional(),
  baseUrl: httpUrl.optional(),
  systemPrompt: z.string().optional(),
};
const contextWindow = positiveInt('contextWindow').min(MIN_CONTEXT_WINDOW, `contextWindow must be at least ${MIN_CONTEXT_WINDOW}`).optional();

const emmaProfile = z.object({
  ...base,
  kind: z.literal('emma'),
  model: z.enum(EMMA_MODELS).optional(),
  options: z
    .object({
      modelKey: z.enum(EMMA_MODELS).optional(),
      useRag: z.boolean().optional(),
      mode: z.enum(['raw', 'assisted']).optional(),
      preset: z.enum(['adaptive', 'precise', 'balanced', 'creative']).optional(),
      maxNewTokens: positiveInt('maxNewTokens').optional(),
      temperature: range(EMMA_TEMPERATURE.min, EMMA_TEMPERATURE.max).optional(),
    })
    .optional(),
});

const secondMeProfile = z.object({
  ...base,
  kind: z.literal('secondme'),
  instanceId: z.string().trim().min(1, 'is required: the instance id or its chat URL'),
  contextWindow,
  options: z
    .object({
      endpoint: z.enum(['chat', 'chat-completions']).optional(),
      enableL0Retrieval: z.boolean().optional(),
      roleId: z.string().optional(),
      temperature: range(SECONDME_TEMPERATURE.min, SECONDME_TEMPERATURE.max).optional(),
      maxTokens: positiveInt('maxTokens').optional(),
    })
    .optional(),
});

const openAiProfile = z.object({
  ...base,
  kind: z.literal('openai-compatible'),
  baseUrl: httpUrl.describe('e.g. https://api.ecovai.cn/v1'),
  model: z.string().trim().min(1, 'is required (e.g. spark-v3)'),
  contextWindow,
  options: z
    .object({
      temperature: z.number().min(0, 'must be at least 0').optional(),
      topK: positiveInt('topK').optional(),
      maxTokens: positiveInt('maxTokens').optional(),
      stream: z.boolean().optional(),
      maxTemperature: z.number().positive('must be positive').optional(),
      includeUsage: z.boolean().optional(),
      toolCalling: z.boolean().optional(),
    })
    .optional(),
});

const profileSchema = z.discriminatedUnion('kind', [emmaProfile, secondMeProfile, openAiProfile], {
  error: 'kind must be one of emma, secondme, openai-compatible',
});

export function validateProfile(profile: ProviderProfile): ProviderProfile {
  const parsed = profileSchema.safeParse(profile);
  if (parsed.success) return profile;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'profile';
  const name = typeof profile?.id === 'string' && profile.id ? `“${profile.id}”` : '(no id)';
  const message = issue?.code === 'invalid_type' && issue.input === undefined ? 'is required' : (issue?.message ?? 'is invalid');
  throw new ProviderError('invalid_request', `Provider profile ${name}: ${field} ${message}`);
}
