/**
 * Runtime validation of `parley.providers` and `parley.activeProvider`.
 * Each bad value yields a message naming the setting and the fix; a bad
 * profile is left out and the others keep working. Option names are those of
 * src/providers/types.ts so a valid profile goes straight to createProvider().
 */
import * as z from 'zod/mini';
import '../providers/zodMessages';
import { MIN_CONTEXT_WINDOW } from '../providers/profile';
import type { ProviderKind, ProviderProfile } from '../providers/types';

export const PROVIDER_KINDS = ['emma', 'secondme', 'openai-compatible'] as const satisfies readonly ProviderKind[];

export const KIND_NAMES: Record<ProviderKind, string> = {
  emma: 'Emma',
  secondme: 'SecondMe',
  'openai-compatible': 'OpenAI-compatible endpoints',
};

const int = (what: string, min: number) =>
  z
    .number({ error: `must be a number (${what})` })
    .check(z.int({ error: `must be a whole number (${what})` }), z.minimum(min, { error: `must be at least ${min}` }));
const bool = z.boolean({ error: 'must be true or false' });
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

function range(min: number, max: number, digits: number, kind: string) {
  const text = `must be between ${min.toFixed(digits)} and ${max.toFixed(digits)} for ${kind}`;
  return z
    .number({ error: `must be a number: ${text.replace('must be ', '')}` })
    .check(z.minimum(min, { error: text }), z.maximum(max, { error: text }));
}

export const EMMA_MODEL_KEYS: readonly string[] = ['emma-5', 'emma-4', 'emma-3'];

export const emmaOptionsSchema = z.strictObject({
  modelKey: z.optional(oneOf(['emma-5', 'emma-4', 'emma-3'])),
  useRag: z.optional(bool),
  useHistory: z.optional(bool),
  mode: z.optional(oneOf(['raw', 'assisted'])),
  preset: z.optional(oneOf(['adaptive', 'precise', 'balanced', 'creative'])),
  maxNewTokens: z.optional(int('at least 1', 1)),
  temperature: z.optional(range(0.1, 1.5, 2, 'Emma')),
});

export const secondMeOptionsSchema = z.strictObject({
  endpoint: z.optional(oneOf(['chat', 'chat-completions'])),
  enableL0Retrieval: z.optional(bool),
  roleId: z.optional(z.string({ error: 'must be a string' })),
  temperature: z.optional(range(0, 1, 1, 'SecondMe')),
  maxTokens: z.optional(int('at least 1, default 2000', 1)),
});

export const openAICompatibleOptionsSchema = z.strictObject({
  temperature: z.optional(z.number({ error: 'must be a number' }).check(z.minimum(0, { error: 'must be at least 0' }))),
  topK: z.optional(int('at least 1', 1)),
  maxTokens: z.optional(int('at least 1', 1)),
  stream: z.optional(bool),
  maxTemperature: z.optional(range(0, 2, 0, 'OpenAI-compatible endpoints')),
  includeUsage: z.optional(bool),
  toolCalling: z.optional(bool),
});

/** The provider layer's default: ecovai documents temperature 0–1, other endpoints (OpenAI) accept up to 2. */
export function defaultMaxTemperature(baseUrl: string | undefined): number {
  try {
    return baseUrl && new URL(baseUrl).hostname.toLowerCase() === 'api.ecovai.cn' ? 1 : 2;
  } catch {
    return 2;
  }
}

const OPTION_SCHEMAS = {
  emma: emmaOptionsSchema,
  secondme: secondMeOptionsSchema,
  'openai-compatible': openAICompatibleOptionsSchema,
} satisfies Record<ProviderKind, z.ZodMiniObject>;

const httpUrl = z
  .string({ error: 'must be a URL (a string)' })
  .check(
    z.refine(
      (value) => {
        try {
          const url = new URL(value);
          return url.protocol === 'http:' || url.protocol === 'https:';
        } catch {
          return false;
        }
      },
      { error: 'must be an http:// or https:// URL' },
    ),
  );

const profileBaseSchema = z.object({
  id: z
    .string({ error: 'is required: a short name such as "emma" or "work-ecovai"' })
    .check(z.regex(/^[A-Za-z0-9_.-]+$/, { error: 'may use only letters, digits, "_", "." and "-"' })),
  kind: oneOf(PROVIDER_KINDS),
  label: z.optional(z.string({ error: 'must be a string' })),
  baseUrl: z.optional(httpUrl),
  model: z.optional(z.string({ error: 'must be a string' }).check(z.trim(), z.minLength(1, { error: 'must not be empty' }))),
  instanceId: z.optional(z.string({ error: 'must be a string' })),
  systemPrompt: z.optional(z.string({ error: 'must be a string' })),
  contextWindow: z.optional(
    z
      .number({ error: `must be a number (tokens, at least ${MIN_CONTEXT_WINDOW})` })
      .check(
        z.int({ error: `must be a whole number (tokens, at least ${MIN_CONTEXT_WINDOW})` }),
        z.minimum(MIN_CONTEXT_WINDOW, { error: `must be at least ${MIN_CONTEXT_WINDOW} (tokens)` }),
      ),
  ),
  options: z.optional(z.record(z.string(), z.unknown(), { error: 'must be an object' })),
});

export interface SettingProblem {
  /** The setting path, e.g. `parley.providers[1].options.temperature`. */
  setting: string;
  message: string;
}

export function formatProblem(problem: SettingProblem): string {
  return `${problem.setting} ${problem.message}`;
}

function pathText(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${String(part)}`),
    base,
  );
}

const snakeToCamel = (name: string): string => name.replace(/[_-]([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function issuesToProblems(base: string, error: z.core.$ZodError, kind?: ProviderKind): SettingProblem[] {
  const problems: SettingProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys' && kind) {
      const known = Object.keys(OPTION_SCHEMAS[kind].shape ?? {});
      for (const key of issue.keys) {
        const camel = snakeToCamel(key);
        const hint = known.includes(camel) ? ` (did you mean ${camel}?)` : ` (known: ${known.join(', ')})`;
        problems.push({ setting: pathText(base, [...issue.path, key]), message: `is not an option for ${KIND_NAMES[kind]}${hint}` });
      }
      continue;
    }
    problems.push({ setting: pathText(base, issue.path), message: issue.message });
  }
  return problems;
}

export interface ValidatedProviders {
  profiles: ProviderProfile[];
  problems: SettingProblem[];
}

/** Validates the raw `parley.providers` value. */
export function validateProviders(raw: unknown): ValidatedProviders {
  const profiles: ProviderProfile[] = [];
  const problems: SettingProblem[] = [];
  if (raw === undefined || raw === null) return { profiles, problems };
  if (!Array.isArray(raw)) {
    problems.push({ setting: 'parley.providers', message: 'must be a list of provider profiles' });
    return { profiles, problems };
  }
  const seen = new Set<string>();
  raw.forEach((entry: unknown, index) => {
    const base = `parley.providers[${index}]`;
    const parsed = profileBaseSchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(...issuesToProblems(base, parsed.error));
      return;
    }
    const { options, ...profile } = parsed.data;
    const kind = profile.kind;
    const entryProblems: SettingProblem[] = [];
    let validOptions: ProviderProfile['options'];
    if (options !== undefined) {
      const parsedOptions = OPTION_SCHEMAS[kind].safeParse(options);
      if (parsedOptions.success) validOptions = parsedOptions.data;
      else entryProblems.push(...issuesToProblems(`${base}.options`, parsedOptions.error, kind));
    }
    if (kind === 'emma' && profile.model !== undefined && !EMMA_MODEL_KEYS.includes(profile.model)) {
      entryProblems.push({ setting: `${base}.model`, message: `must be one of ${EMMA_MODEL_KEYS.join(', ')} for Emma (or leave it out and use options.modelKey)` });
    }
    if (kind === 'emma' && profile.contextWindow !== undefined) {
      entryProblems.push({
        setting: `${base}.contextWindow`,
        message: 'is not used by Emma: its budget is fixed at 4,500 characters per message (remove it)',
      });
    }
    if (kind === 'openai-compatible') {
      const temperature = (validOptions as { temperature?: number; maxTemperature?: number } | undefined)?.temperature;
      const max = (validOptions as { maxTemperature?: number } | undefined)?.maxTemperature ?? defaultMaxTemperature(profile.baseUrl);
      if (temperature !== undefined && temperature > max) {
        entryProblems.push({
          setting: `${base}.options.temperature`,
          message: `must be between 0 and ${max} for this endpoint (set options.maxTemperature if it accepts more)`,
        });
      }
      if (!profile.baseUrl) entryProblems.push({ setting: `${base}.baseUrl`, message: 'is required for OpenAI-compatible profiles (e.g. "https://api.ecovai.cn/v1")' });
      if (!profile.model) entryProblems.push({ setting: `${base}.model`, message: 'is required for OpenAI-compatible profiles (e.g. "spark-v3")' });
    }
    if (seen.has(profile.id)) {
      entryProblems.push({ setting: `${base}.id`, message: `"${profile.id}" is used by an earlier profile; give each profile its own id` });
    }
    if (entryProblems.length > 0) {
      problems.push(...entryProblems);
      return;
    }
    seen.add(profile.id);
    profiles.push({ ...stripUndefined(profile), ...(validOptions ? { options: validOptions } : {}) });
  });
  return { profiles, problems };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export interface ResolvedActive {
  profile: ProviderProfile | undefined;
  problem?: SettingProblem;
}

/** The profile named by `parley.activeProvider`, else the first valid one. */
export function resolveActive(profiles: readonly ProviderProfile[], activeId: unknown): ResolvedActive {
  const first = profiles[0];
  if (activeId === undefined || activeId === null || activeId === '') return { profile: first };
  if (typeof activeId !== 'string') {
    return { profile: first, problem: { setting: 'parley.activeProvider', message: 'must be the id of a profile in parley.providers' } };
  }
  const found = profiles.find((p) => p.id === activeId);
  if (found) return { profile: found };
  const ids = profiles.map((p) => `"${p.id}"`).join(', ') || 'none is valid';
  return {
    profile: first,
    problem: { setting: 'parley.activeProvider', message: `is "${activeId}", which is not a valid profile in parley.providers (ids: ${ids})` },
  };
}
