/**
 * The fields Manage Providers edits, derived from the profile schema
 * (schema.ts, through zod's JSON Schema export): names, types, enum values,
 * ranges and defaults are never written here. The temperature range of an
 * OpenAI-compatible profile is that of its host (ranges.ts).
 */
import * as z from 'zod/mini';
import { openAiTemperatureRange, type ProviderKind } from './ranges';
import { profileSchemas } from './schema';
import type { ProviderProfile } from './types';

export type OptionField =
  | { name: string; type: 'enum'; values: readonly string[]; defaultValue?: string }
  | { name: string; type: 'boolean'; defaultValue?: boolean }
  | { name: string; type: 'number'; min: number; max?: number; integer: boolean; defaultValue?: number }
  | { name: string; type: 'string' };

/** One property of a JSON Schema object, as zod writes it. */
export interface JsonProperty {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  not?: object;
}

export interface JsonObjectSchema {
  properties?: Record<string, JsonProperty>;
  required?: string[];
}

/** The JSON Schema of a kind's profile (input side: what a user writes). Built on first use. */
export function profileJsonSchema(kind: ProviderKind): JsonObjectSchema {
  const cached = jsonSchemas.get(kind);
  if (cached) return cached;
  const schema = z.toJSONSchema(profileSchemas().kinds[kind].profile, { io: 'input', unrepresentable: 'any' }) as JsonObjectSchema;
  jsonSchemas.set(kind, schema);
  return schema;
}
const jsonSchemas = new Map<ProviderKind, JsonObjectSchema>();

/** The options object's part of profileJsonSchema(). */
export function optionsJsonSchema(kind: ProviderKind): JsonObjectSchema {
  return (profileJsonSchema(kind).properties?.options ?? {}) as JsonObjectSchema;
}

/** zod states "whole number" as the safe-integer range; that upper bound is not a range anyone set. */
function statedMaximum(property: JsonProperty): number | undefined {
  return property.maximum !== undefined && property.maximum < Number.MAX_SAFE_INTEGER ? property.maximum : undefined;
}

function toField(name: string, property: JsonProperty): OptionField | undefined {
  if (property.enum) {
    const values = property.enum.filter((v): v is string => typeof v === 'string');
    return { name, type: 'enum', values, ...(typeof property.default === 'string' ? { defaultValue: property.default } : {}) };
  }
  switch (property.type) {
    case 'boolean':
      return { name, type: 'boolean', ...(typeof property.default === 'boolean' ? { defaultValue: property.default } : {}) };
    case 'number':
    case 'integer': {
      const max = statedMaximum(property);
      return {
        name,
        type: 'number',
        min: property.minimum ?? Number.NEGATIVE_INFINITY,
        ...(max !== undefined ? { max } : {}),
        integer: property.type === 'integer',
        ...(typeof property.default === 'number' ? { defaultValue: property.default } : {}),
      };
    }
    case 'string':
      return { name, type: 'string' };
    default:
      return undefined; // e.g. Emma's contextWindow, which the schema forbids
  }
}

function fieldsOf(schema: JsonObjectSchema, names?: readonly string[]): OptionField[] {
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => !names || names.includes(name))
    .map(([name, property]) => toField(name, property))
    .filter((field): field is OptionField => field !== undefined);
}

/** The options of a kind, as the schema states them. */
export function optionFieldsOfKind(kind: ProviderKind): OptionField[] {
  return fieldsOf(optionsJsonSchema(kind));
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
  return fieldsOf(profileJsonSchema(kind), EDITED_PROFILE_FIELDS);
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
