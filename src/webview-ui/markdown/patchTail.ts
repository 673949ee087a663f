// The cheap frames of a stream: the new rendering of a block equals the old
// one except at the end of its innermost last element (a paragraph, list item
// or heading that got more words, maybe with inline markup). Then only that
// end is patched: old trailing text is trimmed and the new inline HTML is
// sanitized and appended. The DOM then serializes exactly as the sanitized
// new HTML would; anything else makes the caller render the block afresh.
import { sanitizeToFragment } from './sanitize';

const CLOSING_RUN = /(?:<\/([a-z][a-z0-9]*)>\s*)+$/;
const CLOSING_TAG = /<\/([a-z][a-z0-9]*)>/g;
const TEXT_ONLY = /^(?:[^<>&]|&(?:amp|lt|gt|quot|#39|#x27);)*$/;
const ENTITY = /&(?:amp|lt|gt|quot|#39|#x27);/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
/** Tags that parse the same inside any element markdown-it emits (phrasing content). */
const INLINE_TAGS = new Set(['a', 'code', 'em', 'strong', 's', 'del', 'span', 'br']);
const TAG = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g;

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffixLength(a: string, b: string, limit: number): number {
  let i = 0;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

function decode(text: string): string {
  return text.replace(ENTITY, (entity) => ENTITIES[entity] ?? entity);
}

/** True when `html` is text and balanced inline elements only. */
function isBalancedInline(html: string): boolean {
  const open: string[] = [];
  for (const [, closing, name] of html.matchAll(TAG)) {
    if (!name || !INLINE_TAGS.has(name)) return false;
    if (name === 'br') continue;
    if (closing) {
      if (open.pop() !== name) return false;
    } else {
      open.push(name);
    }
  }
  return open.length === 0 && !/<(?![a-z/])/.test(html);
}

/**
 * Turns `nodes` (the DOM of `oldHtml`) into the DOM of `newHtml` in place when
 * they differ only at the end of the innermost last element. Returns false
 * (and changes nothing) when that is not the case.
 */
export function patchTailInPlace(nodes: readonly Node[], oldHtml: string, newHtml: string): boolean {
  let prefix = commonPrefixLength(oldHtml, newHtml);
  // Never split an entity: back off to its '&'.
  const amp = oldHtml.lastIndexOf('&', prefix - 1);
  if (amp !== -1 && oldHtml.indexOf(';', amp) >= prefix) prefix = amp;
  const common = commonSuffixLength(oldHtml, newHtml, Math.min(oldHtml.length, newHtml.length) - prefix);
  // The shared end must be a run of closing tags (cut back to where one starts).
  const sharedEnd = oldHtml.slice(oldHtml.length - common);
  const run = CLOSING_RUN.exec(sharedEnd);
  if (!run) return false;
  const closing = run[0];
  const removed = oldHtml.slice(prefix, oldHtml.length - closing.length);
  const added = newHtml.slice(prefix, newHtml.length - closing.length);
  if (!TEXT_ONLY.test(removed) || !isBalancedInline(added)) return false;
  const tags = Array.from(closing.matchAll(CLOSING_TAG), (m) => m[1] as string);
  let element = [...nodes].reverse().find((node): node is Element => node.nodeType === Node.ELEMENT_NODE) ?? null;
  for (let i = tags.length - 1; i >= 0; i--) {
    if (!element || element.tagName.toLowerCase() !== tags[i]) return false;
    if (i > 0) element = element.lastElementChild;
  }
  if (!element) return false;
  const trim = decode(removed);
  const last = element.lastChild;
  if (trim !== '') {
    if (!last || last.nodeType !== Node.TEXT_NODE || !(last as Text).data.endsWith(trim)) return false;
  }
  if (trim !== '') {
    const text = last as Text;
    if (text.data.length === trim.length) text.remove();
    else text.deleteData(text.data.length - trim.length, trim.length);
  }
  if (TEXT_ONLY.test(added)) {
    const tail = element.lastChild;
    if (tail && tail.nodeType === Node.TEXT_NODE) (tail as Text).appendData(decode(added));
    else if (added !== '') element.appendChild(document.createTextNode(decode(added)));
  } else {
    element.appendChild(sanitizeToFragment(added));
  }
  return true;
}
