// markdown source → sanitized, decorated DOM. Used for whole messages and for
// each block range of a streamed message, so both produce the same nodes.
import type { MarkdownIt } from 'markdown-it';
import type { Token } from 'markdown-it';
import type { CodeBlockAction, CodeBlockInfo } from './types';
import { createMarkdownEngine, createRenderEnv, type References, type RenderEnv } from './markdownEngine';
import { sanitizeToFragment } from './sanitize';
import { decorateCodeBlocks } from './codeToolbar';

export type { References };

export interface RenderedPart {
  fragment: DocumentFragment;
  codeBlocks: CodeBlockInfo[];
  /** Reference definitions known after this part (earlier ones included). */
  references: References;
}

let engine: MarkdownIt | undefined;

/** The shared markdown-it instance (created on first use). */
export function markdownEngine(): MarkdownIt {
  engine ??= createMarkdownEngine();
  return engine;
}

/** markdown-it's HTML for parsed tokens (not yet sanitized: never put it in the DOM as is). */
export function renderHtml(tokens: Token[], env: RenderEnv): string {
  const md = markdownEngine();
  return md.renderer.render(tokens, md.options, env);
}

/** Renders already parsed tokens with their env into sanitized DOM. */
export function renderTokens(tokens: Token[], env: RenderEnv, labels: Record<CodeBlockAction, string>): RenderedPart {
  return htmlToPart(renderHtml(tokens, env), env, labels);
}

/** Sanitizes rendered HTML and adds the code block toolbars. */
export function htmlToPart(html: string, env: RenderEnv, labels: Record<CodeBlockAction, string>): RenderedPart {
  return sanitizedToPart(sanitizeToFragment(html), env, labels);
}

/** Adds the code block toolbars to DOM that DOMPurify returned for HTML rendered with `env`. */
export function sanitizedToPart(fragment: DocumentFragment, env: RenderEnv, labels: Record<CodeBlockAction, string>): RenderedPart {
  decorateCodeBlocks(fragment, env.codeBlocks, env.codeIndexBase, labels);
  return { fragment, codeBlocks: env.codeBlocks, references: { ...(env.references ?? {}) } };
}

/** Parses and renders `source`, continuing after earlier parts (code indices, references). */
export function renderSource(
  source: string,
  labels: Record<CodeBlockAction, string>,
  codeIndexBase = 0,
  references?: References,
): RenderedPart {
  const env = createRenderEnv(codeIndexBase, references);
  const tokens = markdownEngine().parse(source, env);
  return renderTokens(tokens, env, labels);
}

/** Renders a whole message at once (the reference the streamed result must equal). */
export function renderMarkdown(source: string, labels: Record<CodeBlockAction, string>): DocumentFragment {
  return renderSource(normalizeSource(source), labels).fragment;
}

/** markdown-it's own input normalization (CR LF / CR → LF, NUL → U+FFFD). */
export function normalizeSource(text: string): string {
  // Most chunks have neither: skip the regular expressions (append() runs for every chunk).
  if (!text.includes('\r') && !text.includes('\0')) return text;
  return text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
}
