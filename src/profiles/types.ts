/**
 * The TypeScript types of a provider profile, inferred from its schema
 * (schema.ts): a discriminated union on `kind`, so `profile.options` is the
 * right kind's options once `kind` is checked — no casts.
 */
import type * as z from 'zod/mini';
import type { ProfileSchemas } from './schema';

export type { ProviderKind } from './ranges';

type Kinds = ProfileSchemas['kinds'];

export type EmmaProfile = z.output<Kinds['emma']['profile']>;
export type SecondMeProfile = z.output<Kinds['secondme']['profile']>;
export type OpenAICompatibleProfile = z.output<Kinds['openai-compatible']['profile']>;
export type ProviderProfile = EmmaProfile | SecondMeProfile | OpenAICompatibleProfile;

export type EmmaOptions = NonNullable<EmmaProfile['options']>;
export type SecondMeOptions = NonNullable<SecondMeProfile['options']>;
export type OpenAICompatibleOptions = NonNullable<OpenAICompatibleProfile['options']>;
export type ProviderOptions = EmmaOptions | SecondMeOptions | OpenAICompatibleOptions;
