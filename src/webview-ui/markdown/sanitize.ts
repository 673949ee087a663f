// Every piece of rendered markdown passes through this DOMPurify instance
// before it touches the DOM: a short allow-list of tags and attributes, no
// style, no forms, no media, no SVG/MathML, and links that cannot navigate.
import DOMPurify from 'dompurify';
import { isWebUrl } from './markdownEngine';

const ALLOWED_TAGS = [
  'a', 'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote',
  'pre', 'code', 'span', 'em', 'strong', 's', 'del', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div',
];
const ALLOWED_ATTR = ['class', 'title', 'start', 'tabindex', 'role', 'aria-checked', 'aria-readonly', 'aria-hidden'];

const EXTRA_ATTRIBUTES = new Set(['data-href', 'data-code-index', 'aria-checked', 'aria-readonly', 'aria-hidden']);

const config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: true,
  ALLOW_ARIA_ATTR: true,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // No attribute may hold a URL (links keep theirs in data-href, checked below).
  ALLOWED_URI_REGEXP: /^$/,
  // Attributes whose values are not URLs (DOMPurify checks all others against the URI pattern).
  ADD_URI_SAFE_ATTR: ['start', 'tabindex'],
  USE_PROFILES: false as const,
};

/** A DOMPurify instance with our hooks and config set once (parsing the config per call is costly). */
function createPurifier(returnFragment: boolean): ReturnType<typeof DOMPurify> {
  const purify = DOMPurify(window);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    // DOMPurify admits every data-* / aria-* attribute when they are enabled; keep only ours.
    if (/^(data|aria)-/.test(data.attrName) && !EXTRA_ATTRIBUTES.has(data.attrName)) data.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    // Links never navigate inside the webview (and VS Code's webview script never
    // sees an href to follow): the target lives in data-href, http(s) only, and
    // the UI posts it to the host.
    node.removeAttribute('href');
    const target = node.getAttribute('data-href');
    if (target !== null && !isWebUrl(target)) node.removeAttribute('data-href');
  });
  purify.setConfig({ ...config, RETURN_DOM_FRAGMENT: returnFragment });
  return purify;
}

let fragmentPurifier: ReturnType<typeof DOMPurify> | undefined;
let stringPurifier: ReturnType<typeof DOMPurify> | undefined;

/** Sanitized DOM for an HTML string produced by the markdown engine. */
export function sanitizeToFragment(html: string): DocumentFragment {
  fragmentPurifier ??= createPurifier(true);
  return fragmentPurifier.sanitize(html) as unknown as DocumentFragment;
}

/** The same sanitizer, returning a string (the naive benchmark baseline uses it). */
export function sanitizeToString(html: string): string {
  stringPurifier ??= createPurifier(false);
  return stringPurifier.sanitize(html) as unknown as string;
}
