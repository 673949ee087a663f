/**
 * Starting points for provider profiles: the three seed APIs and common
 * OpenAI-compatible servers. `models` are suggestions for a free-text field; the
 * ecovai list beyond the seed's Spark models follows its menu (kimi, qwen, zhipu,
 * deepseek, openai) and is not verified against its catalogue.
 */
import { EMMA_DEFAULT_MODEL, EMMA_MODELS } from './ranges';
import { formatProblem, parseProfile } from './settings';
import { originOf } from './urls';
import type { ProviderKind, ProviderOptions, ProviderProfile } from './types';

export interface ProviderPreset {
  id: string;
  kind: ProviderKind;
  label: string;
  baseUrl: string;
  /** The model a new profile starts with. */
  model?: string;
  /** Suggestions shown for the model field. */
  models: readonly string[];
  /** Whether the API needs a key (local servers and SecondMe do not). */
  needsKey: boolean;
  /** SecondMe: the profile needs an instance id. */
  needsInstanceId?: boolean;
  /**
   * Default context window in tokens for profiles on this server (SecondMe and
   * OpenAI-compatible; Emma's budget is its 4,500 characters per message).
   * Conservative: the smallest window among the preset's usual models.
   */
  contextWindow?: number;
  options?: ProviderOptions;
}

export const PRESETS: readonly ProviderPreset[] = [
  {
    id: 'emma',
    kind: 'emma',
    label: 'Emma',
    baseUrl: 'https://emma.egomnia.com',
    model: EMMA_DEFAULT_MODEL,
    models: EMMA_MODELS,
    needsKey: true,
  },
  {
    id: 'secondme',
    contextWindow: 8_192,
    kind: 'secondme',
    label: 'SecondMe',
    baseUrl: 'https://app.secondme.io',
    models: [],
    needsKey: false,
    needsInstanceId: true,
    options: { endpoint: 'chat' },
  },
  {
    id: 'ecovai',
    contextWindow: 8_192,
    kind: 'openai-compatible',
    label: 'ecovai',
    baseUrl: 'https://api.ecovai.cn/v1',
    model: 'spark-v3',
    models: ['spark-v2', 'spark-v3', 'SparkDesk-v4.0', 'moonshot-v1-8k', 'qwen-plus', 'glm-4', 'deepseek-chat', 'gpt-4o-mini'],
    needsKey: true,
    options: { maxTemperature: 1, stream: true },
  },
  {
    id: 'openai',
    contextWindow: 128_000,
    kind: 'openai-compatible',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    model: 'gpt-4o-mini',
    models: ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini', 'gpt-4.1'],
    needsKey: true,
    options: { maxTemperature: 2, stream: true, includeUsage: true },
  },
  {
    id: 'deepseek',
    contextWindow: 64_000,
    kind: 'openai-compatible',
    label: 'DeepSeek',
    baseUrl: 'https://api.deepseek.com/v1',
    model: 'deepseek-chat',
    models: ['deepseek-chat', 'deepseek-reasoner'],
    needsKey: true,
    options: { maxTemperature: 2, stream: true, includeUsage: true },
  },
  {
    id: 'ollama',
    contextWindow: 4_096,
    kind: 'openai-compatible',
    label: 'Ollama',
    baseUrl: 'http://localhost:11434/v1',
    model: 'llama3.2',
    models: ['llama3.2', 'qwen2.5', 'mistral'],
    needsKey: false,
    options: { maxTemperature: 2, stream: true, includeUsage: false },
  },
  {
    id: 'lmstudio',
    contextWindow: 4_096,
    kind: 'openai-compatible',
    label: 'LM Studio',
    baseUrl: 'http://localhost:1234/v1',
    models: [],
    needsKey: false,
    options: { maxTemperature: 2, stream: true, includeUsage: false },
  },
  {
    id: 'vllm',
    contextWindow: 8_192,
    kind: 'openai-compatible',
    label: 'vLLM',
    baseUrl: 'http://localhost:8000/v1',
    models: [],
    needsKey: false,
    options: { maxTemperature: 2, stream: true, includeUsage: true },
  },
];

export function findPreset(id: string): ProviderPreset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

/**
 * The preset of the profile's server: same kind and origin, or — for a
 * profile without a base URL — its kind's own (SecondMe, Emma).
 */
export function presetOf(profile: Pick<ProviderProfile, 'kind' | 'baseUrl'>): ProviderPreset | undefined {
  const own = originOf(profile.baseUrl);
  return PRESETS.find((preset) => preset.kind === profile.kind && (own === undefined ? preset.kind !== 'openai-compatible' : originOf(preset.baseUrl) === own));
}

/**
 * A new profile from a preset; `overrides` (e.g. instanceId, model) win. An
 * OpenAI-compatible preset without a model (LM Studio, vLLM) gets the model
 * the user names; until then the profile is checked without one.
 */
export function profileFromPreset(presetId: string, profileId: string, overrides: Record<string, unknown> = {}): ProviderProfile {
  const preset = findPreset(presetId);
  if (!preset) throw new Error(`unknown provider preset "${presetId}"`);
  const entry = {
    id: profileId,
    kind: preset.kind,
    label: preset.label,
    baseUrl: preset.baseUrl,
    ...(preset.model !== undefined ? { model: preset.model } : {}),
    ...(preset.options !== undefined ? { options: { ...preset.options } } : {}),
    ...overrides,
  };
  const parsed = parseProfile(entry, 'profile');
  if (parsed.problems) throw new Error(`preset "${presetId}": ${parsed.problems.map(formatProblem).join('; ')}`);
  return parsed.profile;
}
