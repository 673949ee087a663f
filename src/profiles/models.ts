/**
 * Names and models of a profile for pickers and the status bar. The presets
 * themselves live in presets.ts (one place); this file only reads them.
 */
import { presetOf } from './presets';
import { EMMA_DEFAULT_MODEL, EMMA_MODELS, type EmmaModel } from './ranges';
import type { ProviderProfile } from './types';

/** The model a profile uses, for display: Emma's modelKey (else model, else emma-5), otherwise `model`. */
export function modelOf(profile: ProviderProfile): string | undefined {
  if (profile.kind === 'emma') return profile.options?.modelKey ?? profile.model ?? EMMA_DEFAULT_MODEL;
  return profile.model;
}

function isEmmaModel(model: string): model is EmmaModel {
  return (EMMA_MODELS as readonly string[]).includes(model);
}

/** The same profile using another model (Emma: options.modelKey, which the adapter prefers — only one of its models; others: model). */
export function withModel(profile: ProviderProfile, model: string): ProviderProfile {
  if (profile.kind === 'emma') return isEmmaModel(model) ? { ...profile, options: { ...profile.options, modelKey: model } } : profile;
  return { ...profile, model };
}

/**
 * Models to offer for a profile: Emma's three; for OpenAI-compatible, the
 * models its endpoint listed (`discovered`, from GET /models) or else the
 * suggestions of the preset with the same origin (ecovai: the Spark models …);
 * always including the model in use.
 */
export function modelsFor(profile: ProviderProfile, discovered?: readonly string[]): string[] {
  const suggestions =
    profile.kind === 'emma'
      ? [...EMMA_MODELS]
      : profile.kind === 'openai-compatible'
        ? discovered?.length
          ? [...discovered]
          : [...(presetOf(profile)?.models ?? [])]
        : [];
  const current = modelOf(profile);
  return [...new Set([...suggestions, ...(current ? [current] : [])])];
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
