/**
 * One LanguageModelChatInformation per usable profile × model. Ids are
 * `<profile id>/<model>` (profile ids cannot contain "/"), so they stay stable
 * across restarts and name changes; names read "Emma · emma-5".
 */
import * as vscode from 'vscode';
import { KIND_NAMES } from '../profiles/ranges';
import { displayName, modelOf, modelsFor } from '../profiles/models';
import { EMMA_DEFAULT_BASE_URL } from '../providers/emma';
import { SECONDME_DEFAULT_BASE_URL } from '../providers/secondme';
import type { ProviderProfile } from '../providers/types';
import { tokenLimits } from './limits';

export interface ParleyModelInformation extends vscode.LanguageModelChatInformation {
  readonly profileId: string;
  /** Emma: the model key; OpenAI-compatible: the model name; SecondMe: the instance id. */
  readonly model: string;
}

export function modelId(profileId: string, model: string): string {
  return `${profileId}/${model}`;
}

/** Splits a model id into profile id and model (the model may itself contain "/"). */
export function parseModelId(id: string): { profileId: string; model: string } | undefined {
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) return undefined;
  return { profileId: id.slice(0, slash), model: id.slice(slash + 1) };
}

function endpointOf(profile: ProviderProfile): string {
  const url = profile.baseUrl ?? (profile.kind === 'emma' ? EMMA_DEFAULT_BASE_URL : profile.kind === 'secondme' ? SECONDME_DEFAULT_BASE_URL : '');
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The models one profile offers: Emma's model keys, SecondMe's instance, an OpenAI-compatible endpoint's list. */
export function modelsOfProfile(profile: ProviderProfile, discovered: readonly string[] | undefined): string[] {
  if (profile.kind === 'secondme') return profile.instanceId?.trim() ? [profile.instanceId.trim()] : [];
  const models = modelsFor(profile, discovered);
  const current = modelOf(profile);
  // The profile's own model first: it is what the user configured.
  return current ? [current, ...models.filter((m) => m !== current)] : models;
}

export function toolCallingOf(profile: ProviderProfile): boolean {
  return profile.kind === 'openai-compatible' && profile.options?.toolCalling === true;
}

export function modelInformation(profile: ProviderProfile, models: readonly string[], ready: boolean): ParleyModelInformation[] {
  const limits = tokenLimits(profile);
  const endpoint = endpointOf(profile);
  const name = displayName(profile);
  return models.map((model) => ({
    id: modelId(profile.id, model),
    profileId: profile.id,
    model,
    name: `${name} · ${model}`,
    family: profile.kind === 'secondme' ? 'secondme' : model,
    version: model,
    detail: ready ? endpoint : vscode.l10n.t('{0} · needs an API key', endpoint),
    tooltip: vscode.l10n.t('{0} at {1} (Parley profile "{2}")', KIND_NAMES[profile.kind], endpoint, profile.id),
    maxInputTokens: limits.maxInputTokens,
    maxOutputTokens: limits.maxOutputTokens,
    capabilities: { imageInput: false, toolCalling: toolCallingOf(profile) },
  }));
}
