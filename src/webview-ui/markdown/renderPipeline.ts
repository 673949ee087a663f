// markdown source → sanitized, decorated DOM. Used for whole messages and for
// each block range of a streamed message, so both produce the same nodes.
import type { MarkdownIt } from 'markdown-it';
import type { Token } from 'markdown-it';
import type { CodeBlockInfo } from './types';
import { createMarkdownEngine, createRenderEnv, type References, type RenderEnv } from './markdownEngine';
import { sanitizeAll, sanitizeToFragment } from './sanitize';
import { codeBlockElements } from './codeToolbar';

export type { References };

export interface RenderedPart {
  fragment: DocumentFragment;
  codeBlocks: CodeBlockInfo[];
  /** Reference definitions this part's own text made (not the ones it was given). */
  references: References;
}

/** Told about the code block elements of each freshly rendered fragment (their toolbars are built lazily). */
export type CodeBlockWatcher = (blocks: readonly HTMLElement[]) => void;

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
export function renderTokens(tokens: Token[], env: RenderEnv, watch: CodeBlockWatcher): RenderedPart {
  return htmlToPart(renderHtml(tokens, env), env, watch);
}

/** Sanitizes rendered HTML and hands its code blocks to `watch`. */
export function htmlToPart(html: string, env: RenderEnv, watch: CodeBlockWatcher): RenderedPart {
  return sanitizedToPart(sanitizeToFragment(html), env, watch);
}

/** Hands the code blocks of DOM that DOMPurify returned for HTML rendered with `env` to `watch`. */
export function sanitizedToPart(fragment: DocumentFragment, env: RenderEnv, watch: CodeBlockWatcher): RenderedPart {
  if (env.codeBlocks.length > 0) watch(codeBlockElements(fragment));
  return { fragment, codeBlocks: env.codeBlocks, references: { ...(env.references ?? {}) } };
}

/** Parses and renders `source`, continuing after earlier parts (code indices, references). */
export function renderSource(
  source: string,
  watch: CodeBlockWatcher,
  codeIndexBase = 0,
  references?: References,
): RenderedPart {
  const env = createRenderEnv(codeIndexBase, references);
  const tokens = markdownEngine().parse(source, env);
  return renderTokens(tokens, env, watch);
}

/** Parses and renders `source` to (unsanitized) HTML, continuing after earlier parts; see partsFromHtml(). */
export function renderSourceHtml(source: string, codeIndexBase: number, references: References): { html: string; env: RenderEnv } {
  const env = createRenderEnv(codeIndexBase, references);
  const tokens = markdownEngine().parse(source, env);
  return { html: renderHtml(tokens, env), env };
}

/** Sanitizes several renderings with one DOMPurify call (its fixed cost per call adds up over many small blocks). */
export function partsFromHtml(rendered: readonly { html: string; env: RenderEnv }[], watch: CodeBlockWatcher): RenderedPart[] {
  const fragments = sanitizeAll(rendered.map((r) => r.html));
  return rendered.map((r, i) => sanitizedToPart(fragments[i] as DocumentFragment, r.env, watch));
}

/** Renders a whole message at once (the reference the streamed result must equal; toolbars are not built). */
export function renderMarkdown(source: string): DocumentFragment {
  return renderSource(normalizeSource(source), () => undefined).fragment;
}

/** markdown-it's own input normalization (CR LF / CR → LF, NUL → U+FFFD). */
export function normalizeSource(text: string): string {
  // Most chunks have neither: skip the regular expressions (append() runs for every chunk).
  if (!text.includes('\r') && !text.includes('\0')) return text;
  return text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
}
