/**
 * The numbers the provider documents state (seeds 000–002), in one place:
 * models, temperature ranges per kind and per host, the smallest context
 * window. Plain constants — the zod schemas (schema.ts), the adapters and the
 * language-model layer all read them from here.
 */
import type { ProviderProfile } from './types';

export const PROVIDER_KINDS = ['emma', 'secondme', 'openai-compatible'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** How a kind is named in messages. */
export const KIND_NAMES: Record<ProviderKind, string> = {
  emma: 'Emma',
  secondme: 'SecondMe',
  'openai-compatible': 'OpenAI-compatible endpoints',
};

/** Emma's `model_key` values (seed 000); emma-5 is its default. */
export const EMMA_MODELS = ['emma-5', 'emma-4', 'emma-3'] as const;
export type EmmaModel = (typeof EMMA_MODELS)[number];
export const EMMA_DEFAULT_MODEL: EmmaModel = 'emma-5';

/** What a profile id may hold (it names the stored key too). */
export const PROFILE_ID = /^[A-Za-z0-9_.-]+$/;

export interface NumberRange {
  min: number;
  max: number;
  /** Digits shown in messages (Emma documents 0.10–1.50). */
  digits: number;
}

/** Seed 000: `temperature` 0.10–1.50. */
export const EMMA_TEMPERATURE: NumberRange = { min: 0.1, max: 1.5, digits: 2 };
/** Seed 001: `temperature` between 0 and 1 (default 0.7). */
export const SECONDME_TEMPERATURE: NumberRange = { min: 0, max: 1, digits: 0 };
/** OpenAI and most compatible servers accept 0–2; `maxTemperature` may lower it. */
export const OPENAI_TEMPERATURE: NumberRange = { min: 0, max: 2, digits: 0 };
/** Seed 002: ecovai documents `temperature` 0–1, on every ecovai.cn host. */
export const ECOVAI_TEMPERATURE: NumberRange = { min: 0, max: 1, digits: 0 };

/** Smallest context window a profile may declare, in tokens. */
export const MIN_CONTEXT_WINDOW = 256;

/** ecovai.cn and its subdomains (api.ecovai.cn, eu.ecovai.cn …). */
export function isEcovaiUrl(baseUrl: string | undefined): boolean {
  if (!baseUrl) return false;
  try {
    const host = new URL(baseUrl).hostname.toLowerCase();
    return host === 'ecovai.cn' || host.endsWith('.ecovai.cn');
  } catch {
    return false;
  }
}

/** The temperatures an OpenAI-compatible endpoint accepts: `maxTemperature` if set, else 0–1 on ecovai and 0–2 elsewhere. */
export function openAiTemperatureRange(baseUrl: string | undefined, maxTemperature: number | undefined): NumberRange {
  const byHost = isEcovaiUrl(baseUrl) ? ECOVAI_TEMPERATURE : OPENAI_TEMPERATURE;
  return maxTemperature === undefined ? byHost : { min: 0, max: maxTemperature, digits: 0 };
}

/** A range's bounds as messages show them ("0.10", "1.50" for Emma). */
export function rangeBounds(range: NumberRange): { min: string; max: string } {
  const digits = Math.max(range.digits, decimals(range.min), decimals(range.max));
  return { min: range.min.toFixed(digits), max: range.max.toFixed(digits) };
}

/** "between 0.10 and 1.50": the one wording of a range in messages. */
export function rangeText(range: NumberRange): string {
  const { min, max } = rangeBounds(range);
  return `between ${min} and ${max}`;
}

function decimals(value: number): number {
  return Number.isInteger(value) ? 0 : (String(value).split('.')[1]?.length ?? 0);
}

export function inRange(value: number, range: NumberRange): boolean {
  return value >= range.min && value <= range.max;
}

/** "must be between 0.10 and 1.50 for Emma": the one message for a value out of a range. */
export function outOfRangeMessage(range: NumberRange, forWhom: string): string {
  return `must be ${rangeText(range)} for ${forWhom}`;
}

/** An OpenAI-compatible endpoint's range depends on its host and maxTemperature, so its message says how to widen it. */
export const THIS_ENDPOINT = 'this endpoint (set options.maxTemperature if it accepts more)';

/** The temperatures this profile's API accepts (seeds 000–002, per kind and host). */
export function temperatureRange(profile: ProviderProfile): NumberRange {
  switch (profile.kind) {
    case 'emma':
      return EMMA_TEMPERATURE;
    case 'secondme':
      return SECONDME_TEMPERATURE;
    case 'openai-compatible':
      return openAiTemperatureRange(profile.baseUrl, profile.options?.maxTemperature);
  }
}

/** The message for a temperature this profile's API does not accept, else undefined. */
export function temperatureProblem(profile: ProviderProfile, temperature: number): string | undefined {
  const range = temperatureRange(profile);
  if (inRange(temperature, range)) return undefined;
  return outOfRangeMessage(range, profile.kind === 'openai-compatible' ? THIS_ENDPOINT : KIND_NAMES[profile.kind]);
}
