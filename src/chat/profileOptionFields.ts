/**
 * The options each provider kind accepts, described for the Manage Providers
 * editor (names as in src/providers/types.ts, ranges from the provider docs).
 */
import { MIN_CONTEXT_WINDOW } from '../providers/profile';
import type { ProviderKind } from '../providers/types';

export type OptionField =
  | { name: string; type: 'enum'; values: readonly string[]; defaultValue?: string }
  | { name: string; type: 'boolean'; defaultValue?: boolean }
  | { name: string; type: 'number'; min: number; max?: number; integer: boolean; defaultValue?: number }
  | { name: string; type: 'string' };

export const OPTION_FIELDS: Record<ProviderKind, readonly OptionField[]> = {
  emma: [
    { name: 'modelKey', type: 'enum', values: ['emma-5', 'emma-4', 'emma-3'], defaultValue: 'emma-5' },
    { name: 'useRag', type: 'boolean', defaultValue: true },
    { name: 'useHistory', type: 'boolean', defaultValue: true },
    { name: 'mode', type: 'enum', values: ['raw', 'assisted'], defaultValue: 'raw' },
    { name: 'preset', type: 'enum', values: ['adaptive', 'precise', 'balanced', 'creative'], defaultValue: 'adaptive' },
    { name: 'maxNewTokens', type: 'number', min: 1, integer: true },
    { name: 'temperature', type: 'number', min: 0.1, max: 1.5, integer: false },
  ],
  secondme: [
    { name: 'endpoint', type: 'enum', values: ['chat', 'chat-completions'], defaultValue: 'chat' },
    { name: 'enableL0Retrieval', type: 'boolean', defaultValue: false },
    { name: 'roleId', type: 'string' },
    { name: 'temperature', type: 'number', min: 0, max: 1, integer: false, defaultValue: 0.7 },
    { name: 'maxTokens', type: 'number', min: 1, integer: true, defaultValue: 2000 },
  ],
  'openai-compatible': [
    { name: 'temperature', type: 'number', min: 0, max: 2, integer: false, defaultValue: 0.7 },
    { name: 'topK', type: 'number', min: 1, integer: true },
    { name: 'maxTokens', type: 'number', min: 1, integer: true },
    { name: 'stream', type: 'boolean', defaultValue: true },
    { name: 'maxTemperature', type: 'number', min: 0, max: 2, integer: false },
    { name: 'includeUsage', type: 'boolean', defaultValue: true },
    { name: 'toolCalling', type: 'boolean', defaultValue: false },
  ],
};

/**
 * Profile fields beside `options` that Manage Providers edits: the system
 * prompt (every kind) and the context window in tokens (not Emma, whose budget
 * is fixed at 4,500 characters per message).
 */
export const PROFILE_FIELDS: Record<ProviderKind, readonly OptionField[]> = {
  emma: [{ name: 'systemPrompt', type: 'string' }],
  secondme: [
    { name: 'systemPrompt', type: 'string' },
    { name: 'contextWindow', type: 'number', min: MIN_CONTEXT_WINDOW, integer: true },
  ],
  'openai-compatible': [
    { name: 'systemPrompt', type: 'string' },
    { name: 'contextWindow', type: 'number', min: MIN_CONTEXT_WINDOW, integer: true },
  ],
};

export type NumberFieldError = 'notANumber' | 'notWhole' | 'outOfRange';

/** Parses what the user typed for a number field. */
export function parseNumberField(field: Extract<OptionField, { type: 'number' }>, text: string): { value: number } | { error: NumberFieldError } {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return { error: 'notANumber' };
  if (field.integer && !Number.isInteger(value)) return { error: 'notWhole' };
  if (value < field.min || (field.max !== undefined && value > field.max)) return { error: 'outOfRange' };
  return { value };
}
