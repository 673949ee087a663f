/**
 * Starting points for new profiles (Manage Providers → Add) and the models a
 * profile can switch between. Temporary home: when src/providers/presets.ts
 * lands on main, the presets move there and this file only re-exports them.
 */
import type { ProviderKind, ProviderProfile } from '../providers/types';

export interface ProfilePreset {
  /** Also the suggested profile id. */
  id: string;
  label: string;
  description: string;
  profile: ProviderProfile;
}

export const PROFILE_PRESETS: readonly ProfilePreset[] = [
  {
    id: 'emma',
    label: 'Emma',
    description: 'emma.egomnia.com · Italian LLM · API key',
    profile: { id: 'emma', kind: 'emma', label: 'Emma', baseUrl: 'https://emma.egomnia.com', options: { modelKey: 'emma-5' } },
  },
  {
    id: 'secondme',
    label: 'SecondMe',
    description: 'app.secondme.io · needs your instance id',
    profile: { id: 'secondme', kind: 'secondme', label: 'SecondMe', baseUrl: 'https://app.secondme.io', options: { endpoint: 'chat' } },
  },
  {
    id: 'ecovai',
    label: 'ecovai',
    description: 'api.ecovai.cn · OpenAI-compatible aggregator · API key',
    profile: {
      id: 'ecovai',
      kind: 'openai-compatible',
      label: 'ecovai',
      baseUrl: 'https://api.ecovai.cn/v1',
      model: 'spark-v3',
      options: { stream: true, maxTemperature: 1 },
    },
  },
  {
    id: 'openai-compatible',
    label: 'OpenAI-compatible',
    description: 'any /v1/chat/completions endpoint (local servers need no key)',
    profile: { id: 'openai', kind: 'openai-compatible', label: 'OpenAI-compatible', baseUrl: 'http://localhost:11434/v1', model: 'llama3.1', options: { stream: true } },
  },
];

/** Models offered by Switch Provider/Model; a free-text entry is always possible for OpenAI-compatible. */
export const KNOWN_MODELS: Record<ProviderKind, readonly string[]> = {
  emma: ['emma-5', 'emma-4', 'emma-3'],
  secondme: [],
  'openai-compatible': ['spark-v2', 'spark-v3', 'SparkDesk-v4.0'],
};

/** The model a profile uses, for display: Emma's modelKey (default emma-5), else `model`. */
export function modelOf(profile: ProviderProfile): string | undefined {
  if (profile.kind === 'emma') {
    const key = (profile.options as { modelKey?: string } | undefined)?.modelKey;
    return key ?? profile.model ?? 'emma-5';
  }
  return profile.model;
}

/** The same profile using another model (Emma: options.modelKey; others: model). */
export function withModel(profile: ProviderProfile, model: string): ProviderProfile {
  if (profile.kind === 'emma') {
    return { ...profile, options: { ...(profile.options ?? {}), modelKey: model as 'emma-5' | 'emma-4' | 'emma-3' } };
  }
  return { ...profile, model };
}

export function displayName(profile: ProviderProfile): string {
  return profile.label?.trim() || profile.id;
}

/** A new id based on `base` that no existing profile uses (`emma`, `emma-2`, …). */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
