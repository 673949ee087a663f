/**
 * A provider profile, as one zod schema per kind joined into a discriminated
 * union on `kind`. Everything else about profiles comes from here: the
 * TypeScript types (types.ts), settings validation and its messages
 * (settings.ts), the fields Manage Providers edits (fields.ts). Ranges are the
 * constants of ranges.ts; defaults are metadata (shown, never filled in: a
 * default left out is the API's own default).
 *
 * The schemas are built on first use (profileSchemas()), not at load time.
 */
import * as z from 'zod/mini';
import {
  EMMA_DEFAULT_MODEL,
  EMMA_MODELS,
  EMMA_TEMPERATURE,
  KIND_NAMES,
  MIN_CONTEXT_WINDOW,
  OPENAI_TEMPERATURE,
  PROFILE_ID,
  PROVIDER_KINDS,
  SECONDME_TEMPERATURE,
  THIS_ENDPOINT,
  inRange,
  openAiTemperatureRange,
  outOfRangeMessage,
  rangeText,
  type NumberRange,
} from './ranges';
import { isHttpUrl } from './urls';

/** The default a field shows (in Manage Providers and the settings schema); parsing does not fill it in. */
function withDefault<T extends z.ZodMiniType>(schema: T, value: unknown): T {
  z.globalRegistry.add(schema, { default: value });
  return schema;
}

const wholeNumber = (what: string, min: number) =>
  z
    .number({ error: `must be a number (${what})` })
    .check(z.int({ error: `must be a whole number (${what})` }), z.minimum(min, { error: `must be at least ${min}` }));
const bool = () => z.boolean({ error: 'must be true or false' });
const text = () => z.string({ error: 'must be a string' });
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });

function range(limits: NumberRange, kind: string) {
  const message = outOfRangeMessage(limits, kind);
  return z
    .number({ error: `must be a number ${rangeText(limits)}` })
    .check(z.minimum(limits.min, { error: message }), z.maximum(limits.max, { error: message }));
}

/** `missing`: the message when the field is left out (a required URL). */
const httpUrl = (missing = 'must be a URL (a string)') =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing : 'must be a URL (a string)') })
    .check(z.refine(isHttpUrl, { error: 'must be an http:// or https:// URL' }));

const contextWindow = () =>
  z
    .number({ error: `must be a number (tokens, at least ${MIN_CONTEXT_WINDOW})` })
    .check(
      z.int({ error: `must be a whole number (tokens, at least ${MIN_CONTEXT_WINDOW})` }),
      z.minimum(MIN_CONTEXT_WINDOW, { error: `must be at least ${MIN_CONTEXT_WINDOW} (tokens)` }),
    );

/** A kind's `options`: only the fields it names (an unknown one is reported with a hint, settings.ts). */
const optionsObject = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject(shape, { error: (issue) => (issue.code === 'invalid_type' ? 'must be an object' : undefined) });

/** Fields every kind has. */
function common() {
  return {
    id: z
      .string({ error: 'is required: a short name such as "emma" or "work-ecovai"' })
      .check(z.regex(PROFILE_ID, { error: 'may use only letters, digits, "_", "." and "-"' })),
    label: z.optional(text()),
    baseUrl: z.optional(httpUrl()),
    /**
     * Sent before every conversation: as the system message, or — Emma has no
     * system role — in front of the message, where it counts toward its 4,500 characters.
     */
    systemPrompt: z.optional(text()),
  };
}

function emmaSchemas() {
  const options = optionsObject({
    modelKey: z.optional(withDefault(oneOf(EMMA_MODELS), EMMA_DEFAULT_MODEL)),
    useRag: z.optional(withDefault(bool(), true)),
    /** Default true for chat (the API's default is false); one-shot editor commands send none either way. */
    useHistory: z.optional(withDefault(bool(), true)),
    mode: z.optional(withDefault(oneOf(['raw', 'assisted']), 'raw')),
    preset: z.optional(withDefault(oneOf(['adaptive', 'precise', 'balanced', 'creative']), 'adaptive')),
    maxNewTokens: z.optional(wholeNumber('at least 1', 1)),
    temperature: z.optional(range(EMMA_TEMPERATURE, KIND_NAMES.emma)),
  });
  const profile = z.object({
    ...common(),
    kind: z.literal('emma'),
    model: z.optional(z.enum(EMMA_MODELS, { error: `must be one of ${EMMA_MODELS.join(', ')} for Emma (or leave it out and use options.modelKey)` })),
    /** Emma's budget is fixed at 4,500 characters per message. */
    contextWindow: z.optional(z.never({ error: 'is not used by Emma: its budget is fixed at 4,500 characters per message (remove it)' })),
    options: z.optional(options),
  });
  return { options, profile };
}

function secondMeSchemas() {
  const options = optionsObject({
    endpoint: z.optional(withDefault(oneOf(['chat', 'chat-completions']), 'chat')),
    enableL0Retrieval: z.optional(bool()),
    roleId: z.optional(text()),
    temperature: z.optional(withDefault(range(SECONDME_TEMPERATURE, KIND_NAMES.secondme), 0.7)),
    maxTokens: z.optional(withDefault(wholeNumber('at least 1, default 2000', 1), 2000)),
  });
  const profile = z.object({
    ...common(),
    kind: z.literal('secondme'),
    /** Not sent (the instance decides); kept for display. */
    model: z.optional(text()),
    /** The instance id or its chat URL; asked for before the first request when missing. */
    instanceId: z.optional(text()),
    /** The model's context window in tokens (the chat's budget). Default per preset (budget.ts). */
    contextWindow: z.optional(contextWindow()),
    options: z.optional(options),
  });
  return { options, profile };
}

function openAiSchemas() {
  const options = optionsObject({
    /** The upper bound depends on the host (ecovai: 1) and `maxTemperature`: checked on the profile below. */
    temperature: z.optional(withDefault(range(OPENAI_TEMPERATURE, KIND_NAMES['openai-compatible']), 0.7)),
    topK: z.optional(wholeNumber('at least 1', 1)),
    maxTokens: z.optional(wholeNumber('at least 1', 1)),
    /** Ask for a streamed reply; a plain JSON reply is handled either way. */
    stream: z.optional(withDefault(bool(), true)),
    /** Highest temperature the endpoint accepts. Default 2, or 1 on ecovai.cn. */
    maxTemperature: z.optional(range(OPENAI_TEMPERATURE, KIND_NAMES['openai-compatible'])),
    /** Send `stream_options: { include_usage: true }`; an endpoint that refuses it is asked again without (usageInStream.ts). */
    includeUsage: z.optional(withDefault(bool(), true)),
    /** The endpoint understands OpenAI `tools` / `tool_calls`; only then do Parley's vscode.lm models offer tools. */
    toolCalling: z.optional(withDefault(bool(), false)),
  });
  const profile = z
    .object({
      ...common(),
      kind: z.literal('openai-compatible'),
      baseUrl: httpUrl('is required for OpenAI-compatible profiles (e.g. "https://api.ecovai.cn/v1")'),
      model: z.string({ error: 'is required for OpenAI-compatible profiles (e.g. "spark-v3")' }).check(
        z.trim(),
        z.minLength(1, { error: 'is required for OpenAI-compatible profiles (e.g. "spark-v3")' }),
      ),
      contextWindow: z.optional(contextWindow()),
      options: z.optional(options),
    })
    .check(
      z.superRefine((profile, ctx) => {
        const temperature = profile.options?.temperature;
        const limits = openAiTemperatureRange(profile.baseUrl, profile.options?.maxTemperature);
        // Outside 0–2 the field's own range has said so already.
        if (temperature !== undefined && inRange(temperature, OPENAI_TEMPERATURE) && !inRange(temperature, limits))
          ctx.addIssue({
            code: 'custom',
            path: ['options', 'temperature'],
            message: outOfRangeMessage(limits, THIS_ENDPOINT),
            input: temperature,
          });
      }),
    );
  return { options, profile };
}

function build() {
  const kinds = { emma: emmaSchemas(), secondme: secondMeSchemas(), 'openai-compatible': openAiSchemas() };
  const profile = z.discriminatedUnion('kind', [kinds.emma.profile, kinds.secondme.profile, kinds['openai-compatible'].profile], {
    error: (issue) =>
      issue.code === 'invalid_union' || issue.code === 'invalid_value' || issue.code === 'invalid_type'
        ? `must be one of ${PROVIDER_KINDS.join(', ')}`
        : undefined,
  });
  return { kinds, profile };
}

export type ProfileSchemas = ReturnType<typeof build>;

let built: ProfileSchemas | undefined;

/** The schemas, built on first use. */
export function profileSchemas(): ProfileSchemas {
  built ??= build();
  return built;
}
