/**
 * A ProviderError's text as data: a message id from the closed catalog
 * (`ERROR_TEMPLATES`) and its parameters, checked by the compiler against the
 * template's `{placeholders}`. The network and provider layers build these;
 * English comes out of `formatErrorText` for logs and tests, and the host
 * passes a `ErrorTextLanguage` built on vscode.l10n.t for what the user sees.
 */
import { ERROR_TEMPLATES } from './errorCatalog';
import { redactText } from './redact';

export type ErrorTextId = keyof typeof ERROR_TEMPLATES;

/** The `{name}` placeholders of a template, as a union of names. */
type PlaceholdersOf<Template extends string> = Template extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;

/** A number is formatted for the user's language; a nested text is translated too; a string is shown verbatim. */
export type ErrorTextParam = string | number | ErrorText;

export type ErrorTextParams<Id extends ErrorTextId> = { readonly [Name in PlaceholdersOf<(typeof ERROR_TEMPLATES)[Id]>]: ErrorTextParam };

export interface ErrorText {
  readonly id: ErrorTextId;
  readonly params: Readonly<Record<string, ErrorTextParam>>;
  /** What the server said about it, verbatim (shortened, redacted); shown after the text, never translated. */
  readonly serverSaid?: string;
}

/** `errorText('auth.badKey', { provider: 'Emma' })`: the parameters are those the template names, no more, no fewer. */
export function errorText<Id extends ErrorTextId>(id: Id, params: ErrorTextParams<Id>, serverSaid?: string): ErrorText {
  return serverSaid ? { id, params, serverSaid } : { id, params };
}

/** How a text is put into one language: the template's translation filled with the parameters, and numbers. */
export interface ErrorTextLanguage {
  fill(template: string, params: Record<string, string>): string;
  formatNumber(value: number): string;
}

/** `{name}` → `params.name`, in one pass (a parameter's own braces stay as they are). */
export function fillTemplate(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? params[name]! : whole));
}

export const ENGLISH: ErrorTextLanguage = {
  fill: fillTemplate,
  formatNumber: (value) => value.toLocaleString('en-US', { maximumFractionDigits: 20 }),
};

/**
 * The language of a host: `translate` looks the English template up in the
 * translations (vscode.l10n.t), `locale` formats the numbers.
 */
export function languageOf(translate: (template: string, params: Record<string, string>) => string, locale: string): ErrorTextLanguage {
  return {
    fill: translate,
    formatNumber: (value) => {
      try {
        return value.toLocaleString(locale, { maximumFractionDigits: 20 });
      } catch {
        return ENGLISH.formatNumber(value);
      }
    },
  };
}

/** The text in `language` (English by default). */
export function formatErrorText(text: ErrorText, language: ErrorTextLanguage = ENGLISH): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(text.params)) {
    params[name] = typeof value === 'string' ? value : typeof value === 'number' ? language.formatNumber(value) : formatErrorText(value, language);
  }
  const main = language.fill(ERROR_TEMPLATES[text.id], params);
  return text.serverSaid ? main + language.fill(ERROR_TEMPLATES['server.said'], { text: text.serverSaid }) : main;
}

/** `text` with every verbatim part (string parameters, what the server said) passed through the one redaction. */
export function redactErrorText(text: ErrorText, secrets: readonly string[] = []): ErrorText {
  const params: Record<string, ErrorTextParam> = {};
  for (const [name, value] of Object.entries(text.params)) {
    params[name] = typeof value === 'string' ? redactText(value, secrets) : typeof value === 'number' ? value : redactErrorText(value, secrets);
  }
  return text.serverSaid ? { id: text.id, params, serverSaid: redactText(text.serverSaid, secrets) } : { id: text.id, params };
}
