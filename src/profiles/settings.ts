/**
 * Runtime validation of `parley.providers` and `parley.activeProvider` with
 * the profile schema (schema.ts). Each problem names the setting, the profile
 * and the fix; a bad profile is left out and the others keep working.
 */
import type * as z from 'zod/mini';
import './zodMessages';
import { KIND_NAMES, PROVIDER_KINDS, type ProviderKind } from './ranges';
import { profileSchemas } from './schema';
import type { ProviderProfile } from './types';

export interface SettingProblem {
  /** The setting path, e.g. `parley.providers[1].options.temperature`. */
  setting: string;
  /** The id of the profile it is about, when the entry has one. */
  profileId?: string;
  message: string;
}

/** `parley.providers[1].options.temperature (profile "work") must be …` */
export function formatProblem(problem: SettingProblem): string {
  const profile = problem.profileId !== undefined ? ` (profile "${problem.profileId}")` : '';
  return `${problem.setting}${profile} ${problem.message}`;
}

function pathText(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${String(part)}`), base);
}

const snakeToCamel = (name: string): string => name.replace(/[_-]([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function isKind(value: unknown): value is ProviderKind {
  return (PROVIDER_KINDS as readonly unknown[]).includes(value);
}

/** The problems of one profile entry, each with its setting path under `base`. */
function issuesToProblems(base: string, error: z.core.$ZodError, entry: unknown): SettingProblem[] {
  const record = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
  const id = typeof record.id === 'string' && record.id !== '' ? record.id : undefined;
  const named = (setting: string, message: string): SettingProblem => ({ setting, ...(id !== undefined ? { profileId: id } : {}), message });
  const problems: SettingProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys' && isKind(record.kind)) {
      const known = Object.keys(profileSchemas().kinds[record.kind].options.shape);
      for (const key of issue.keys) {
        const camel = snakeToCamel(key);
        const hint = known.includes(camel) ? ` (did you mean ${camel}?)` : ` (known: ${known.join(', ')})`;
        problems.push(named(pathText(base, [...issue.path, key]), `is not an option for ${KIND_NAMES[record.kind]}${hint}`));
      }
      continue;
    }
    problems.push(named(pathText(base, issue.path), issue.message));
  }
  return problems;
}

export type ParsedProfile = { profile: ProviderProfile; problems?: undefined } | { profile?: undefined; problems: SettingProblem[] };

/** One profile checked against the schema; `setting` is where it sits (for messages). */
export function parseProfile(entry: unknown, setting: string): ParsedProfile {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return { problems: [{ setting, message: 'must be a provider profile: an object with "id" and "kind"' }] };
  const parsed = profileSchemas().profile.safeParse(entry);
  if (parsed.success) return { profile: stripUndefined(parsed.data) };
  return { problems: issuesToProblems(setting, parsed.error, entry) };
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
    const setting = `parley.providers[${index}]`;
    const parsed = parseProfile(entry, setting);
    if (parsed.problems) {
      problems.push(...parsed.problems);
      return;
    }
    const { profile } = parsed;
    if (seen.has(profile.id)) {
      problems.push({ setting: `${setting}.id`, profileId: profile.id, message: `is used by an earlier profile; give each profile its own id` });
      return;
    }
    seen.add(profile.id);
    profiles.push(profile);
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
