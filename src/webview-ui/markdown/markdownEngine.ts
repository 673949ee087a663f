// The one markdown-it configuration of the chat view: no raw HTML, linkify on,
// typographer off, GFM tables and task lists, fenced code highlighted, and
// links/images rendered so that nothing can navigate or load from the webview.
import MarkdownIt from 'markdown-it';
import type { Env, MarkdownIt as MarkdownItInstance, RendererRule, Token } from 'markdown-it';
import type { CodeBlockInfo } from './types';
import { escapeHtml, fenceLanguage, highlightToHtml, resolveLanguage } from './highlight';
import { taskListsPlugin } from './taskLists';

export type References = NonNullable<Env['references']>;

/** Per-render state shared by the render rules (markdown-it's `env`). */
export interface RenderEnv extends Env {
  /** data-code-index of the first code block rendered with this env. */
  codeIndexBase: number;
  /** Code blocks rendered with this env, in document order. */
  codeBlocks: CodeBlockInfo[];
  /** Code block index rendered as plain text (an open fence while streaming), or -1. */
  plainCodeIndex: number;
}

export function createRenderEnv(codeIndexBase = 0, references?: References): RenderEnv {
  const env: RenderEnv = { codeIndexBase, codeBlocks: [], plainCodeIndex: -1 };
  // Inherit, not copy: the parse adds this render's own definitions on top
  // (Object.keys() then lists only those), and copying all known ones per
  // render would cost O(definitions) each time.
  if (references) env.references = Object.create(references) as References;
  return env;
}

const WEB_URL = /^https?:\/\//i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** True for the only URLs a click may ever open (through the host). */
export function isWebUrl(url: string): boolean {
  return WEB_URL.test(url);
}

function asRenderEnv(env: Env | undefined): RenderEnv {
  return env && Array.isArray(env.codeBlocks) ? (env as RenderEnv) : createRenderEnv();
}

function codeBlockHtml(code: string, language: string, env: RenderEnv): string {
  const index = env.codeIndexBase + env.codeBlocks.length;
  env.codeBlocks.push({ language, code });
  const grammar = resolveLanguage(language);
  const body = index === env.plainCodeIndex ? escapeHtml(code) : highlightToHtml(code, grammar);
  const classes = grammar ? `hljs language-${grammar}` : 'hljs';
  return `<div class="code-block" data-code-index="${index}"><pre><code class="${classes}">${body}</code></pre></div>\n`;
}

/** The language a fence token declares (what codeBlock() reports). */
export function fenceTokenLanguage(md: MarkdownItInstance, token: Token): string {
  return fenceLanguage(md.utils.unescapeAll(token.info));
}

/**
 * Marks every image that sits inside a link (meta.insideLink) in one pass over
 * each inline token's children: the image rule then decides in O(1) (a scan of
 * all earlier tokens per image made a paragraph of n images cost O(n²)).
 */
function imagesInLinksRule(md: MarkdownItInstance): void {
  md.core.ruler.push('parley_images_in_links', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'inline' || !token.children) continue;
      let depth = 0;
      for (const child of token.children) {
        if (child.type === 'link_open') depth++;
        else if (child.type === 'link_close') depth--;
        else if (child.type === 'image' && depth > 0) child.meta = { ...(child.meta as object | null), insideLink: true };
      }
    }
  });
}

function insideLink(token: Token): boolean {
  return (token.meta as { insideLink?: boolean } | null)?.insideLink === true;
}

const renderLinkOpen: RendererRule = (tokens, idx) => {
  const token = tokens[idx] as Token;
  const href = String(token.attrGet('href') ?? '');
  const title = String(token.attrGet('title') ?? '');
  if (isWebUrl(href)) {
    return `<a data-href="${escapeHtml(href)}" title="${escapeHtml(title || href)}" role="link" tabindex="0">`;
  }
  // Relative, fragment and mailto links stay inert: no target at all.
  return `<a class="md-link-inert" title="${escapeHtml(title || href)}">`;
};

const renderImage: RendererRule = (tokens, idx, options, env, self) => {
  const token = tokens[idx] as Token;
  const src = String(token.attrGet('src') ?? '');
  const alt = self.renderInlineAsText(token.children ?? [], options, env) || 'image';
  const label = `<span class="codicon codicon-file-media" aria-hidden="true"></span>${escapeHtml(alt)}`;
  // Images never load: a remote image becomes a link the user may choose to open.
  if (isWebUrl(src) && !insideLink(token)) {
    return `<a class="md-image-link" data-href="${escapeHtml(src)}" title="${escapeHtml(src)}" role="link" tabindex="0">${label}</a>`;
  }
  return `<span class="md-image-placeholder">${label}</span>`;
};

/** Table alignment as classes (the sanitizer drops every style attribute). */
function alignmentClasses(md: MarkdownItInstance): void {
  md.core.ruler.after('block', 'parley_table_align', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'th_open' && token.type !== 'td_open') continue;
      const style = String(token.attrGet('style') ?? '');
      if (!style) continue;
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      const align = /text-align:(left|center|right)/.exec(style)?.[1];
      if (align) token.attrJoin('class', `md-align-${align}`);
    }
  });
}

export function createMarkdownEngine(): MarkdownItInstance {
  const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: false });
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  md.validateLink = (url) => {
    const trimmed = url.trim();
    return !ANY_SCHEME.test(trimmed) || WEB_URL.test(trimmed) || /^mailto:/i.test(trimmed);
  };
  md.use(taskListsPlugin);
  imagesInLinksRule(md);
  alignmentClasses(md);
  md.renderer.rules.fence = (tokens, idx, _options, env) => {
    const token = tokens[idx] as Token;
    return codeBlockHtml(token.content, fenceTokenLanguage(md, token), asRenderEnv(env));
  };
  md.renderer.rules.code_block = (tokens, idx, _options, env) =>
    codeBlockHtml((tokens[idx] as Token).content, '', asRenderEnv(env));
  md.renderer.rules.link_open = renderLinkOpen;
  md.renderer.rules.image = renderImage;
  return md;
}
