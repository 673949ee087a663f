/**
 * The fields Manage Providers edits, read off the profile schema (schema.ts)
 * through zod's introspection (`_zod.def`, zod's documented way for tools to
 * read a schema): names, types, enum values, ranges and defaults are never
 * written here. The temperature range of an OpenAI-compatible profile is that
 * of its host (ranges.ts). (zod's JSON Schema export says the same — a unit
 * test checks — but would add ~40 KB to the extension bundle.)
 */
import * as z from 'zod/mini';
import { $ZodCheckGreaterThan, $ZodCheckLessThan, $ZodCheckNumberFormat, type $ZodType } from 'zod/v4/core';
import { openAiTemperatureRange, type ProviderKind } from './ranges';
import { profileSchemas } from './schema';
import type { ProviderProfile } from './types';

export type OptionField =
  | { name: string; type: 'enum'; values: readonly string[]; defaultValue?: string }
  | { name: string; type: 'boolean'; defaultValue?: boolean }
  | { name: string; type: 'number'; min: number; max?: number; integer: boolean; defaultValue?: number }
  | { name: string; type: 'string' };

/** The default a field shows: metadata on the schema (schema.ts withDefault). */
function defaultOf(schema: $ZodType): unknown {
  return z.globalRegistry.get(schema)?.default;
}

function numberField(name: string, schema: z.ZodMiniNumber): OptionField {
  let min = Number.NEGATIVE_INFINITY;
  let max: number | undefined;
  let integer = false;
  for (const check of schema._zod.def.checks ?? []) {
    if (check instanceof $ZodCheckGreaterThan) min = Number(check._zod.def.value);
    else if (check instanceof $ZodCheckLessThan) max = Number(check._zod.def.value);
    else if (check instanceof $ZodCheckNumberFormat) integer = check._zod.def.format === 'safeint' || check._zod.def.format === 'int32';
  }
  const fallback = defaultOf(schema);
  return { name, type: 'number', min, ...(max !== undefined ? { max } : {}), integer, ...(typeof fallback === 'number' ? { defaultValue: fallback } : {}) };
}

function toField(name: string, field: $ZodType): OptionField | undefined {
  const schema = field instanceof z.ZodMiniOptional ? field._zod.def.innerType : field;
  const fallback = defaultOf(schema);
  if (schema instanceof z.ZodMiniEnum) {
    const values = Object.values(schema._zod.def.entries).filter((v): v is string => typeof v === 'string');
    return { name, type: 'enum', values, ...(typeof fallback === 'string' ? { defaultValue: fallback } : {}) };
  }
  if (schema instanceof z.ZodMiniBoolean) return { name, type: 'boolean', ...(typeof fallback === 'boolean' ? { defaultValue: fallback } : {}) };
  if (schema instanceof z.ZodMiniNumber) return numberField(name, schema);
  if (schema instanceof z.ZodMiniString) return { name, type: 'string' };
  return undefined; // e.g. Emma's contextWindow, which the schema forbids (never)
}

function fieldsOf(shape: Readonly<Record<string, $ZodType>>, names?: readonly string[]): OptionField[] {
  return Object.entries(shape)
    .filter(([name]) => !names || names.includes(name))
    .map(([name, schema]) => toField(name, schema))
    .filter((field): field is OptionField => field !== undefined);
}

/** The options of a kind, as the schema states them. */
export function optionFieldsOfKind(kind: ProviderKind): OptionField[] {
  return fieldsOf(profileSchemas().kinds[kind].options.shape);
}

/** The options of this profile: as its kind states them, with the temperature range of its host. */
export function optionFields(profile: ProviderProfile): OptionField[] {
  const fields = optionFieldsOfKind(profile.kind);
  if (profile.kind !== 'openai-compatible') return fields;
  const limits = openAiTemperatureRange(profile.baseUrl, profile.options?.maxTemperature);
  return fields.map((field) => (field.name === 'temperature' && field.type === 'number' ? { ...field, min: limits.min, max: limits.max } : field));
}

/** Fields beside `options` that Manage Providers edits with these editors: the system prompt, and the context window where the kind has one. */
const EDITED_PROFILE_FIELDS = ['systemPrompt', 'contextWindow'] as const;
export type EditedProfileField = (typeof EDITED_PROFILE_FIELDS)[number];

export function profileFields(kind: ProviderKind): OptionField[] {
  return fieldsOf(profileSchemas().kinds[kind].profile.shape, EDITED_PROFILE_FIELDS);
}

export type NumberFieldError = 'notANumber' | 'notWhole' | 'outOfRange';

/** Parses what the user typed for a number field. */
export function parseNumberField(field: Extract<OptionField, { type: 'number' }>, text: string): { value: number } | { error: NumberFieldError } {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return { error: 'notANumber' };
  if (field.integer && !Number.isInteger(value)) return { error: 'notWhole' };
  if (value < field.min || (field.max !== undefined && value > field.max)) return { error: 'outOfRange' };
  return { value };
}
