// Syntax highlighting with highlight.js core and an explicit set of languages:
// only the grammars registered here end up in the webview bundle.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

const grammars = {
  bash, c, cpp, csharp, css, diff, go, java, javascript, json, markdown, plaintext,
  python, rust, shell, sql, typescript, xml, yaml,
};
for (const [name, grammar] of Object.entries(grammars)) hljs.registerLanguage(name, grammar);

/** The language names (without aliases) bundled into the webview. */
export const BUNDLED_LANGUAGES: readonly string[] = Object.keys(grammars);

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => htmlEscapes[ch] ?? ch);
}

/** The first word of a fence info string, e.g. "ts" for "```ts title=x". */
export function fenceLanguage(info: string): string {
  return info.trim().split(/\s+/, 1)[0] ?? '';
}

/** The canonical bundled grammar name for a fence language or alias, or undefined. */
export function resolveLanguage(language: string): string | undefined {
  if (!language) return undefined;
  const grammar = hljs.getLanguage(language.toLowerCase());
  if (!grammar) return undefined;
  // Map the alias back to its registered name so the CSS class is stable.
  for (const name of BUNDLED_LANGUAGES) if (hljs.getLanguage(name) === grammar) return name;
  return undefined;
}

/**
 * Code longer than this is shown as plain text: highlight.js costs about a
 * millisecond per few kilobytes in one uninterruptible call, and a reply may
 * hold a code block of megabytes.
 */
export const HIGHLIGHT_MAX_CHARS = 20_000;

/** Highlighted HTML for code in a bundled language; escaped plain text otherwise (and for huge code). */
export function highlightToHtml(code: string, language: string | undefined): string {
  if (!language || code.length > HIGHLIGHT_MAX_CHARS) return escapeHtml(code);
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
