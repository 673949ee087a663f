// The cheapest frame of a stream: the new rendering of a block is the old one
// with plain text added at the end of some element (a paragraph, list item,
// heading or cell that just got more words). Then that text is appended to
// the existing DOM as a text node; no sanitizing or node replacement needed,
// and the DOM still serializes exactly as the sanitized new HTML would.

const CLOSING_TAGS = /^(?:<\/([a-z][a-z0-9]*)>\s*)+$/;
const CLOSING_TAG = /<\/([a-z][a-z0-9]*)>/g;
const TEXT_ONLY = /^(?:[^<>&]|&(?:amp|lt|gt|quot|#39|#x27);)*$/;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Appends to `nodes` (the DOM of `oldHtml`) what makes them the DOM of
 * `newHtml`, when the difference is text inserted right before a run of
 * closing tags. Returns false (and changes nothing) otherwise.
 */
export function appendTextInPlace(nodes: readonly Node[], oldHtml: string, newHtml: string): boolean {
  const added = newHtml.length - oldHtml.length;
  if (added <= 0) return false;
  const at = commonPrefixLength(oldHtml, newHtml);
  const closing = oldHtml.slice(at);
  if (!CLOSING_TAGS.test(closing) || newHtml.slice(at + added) !== closing) return false;
  const text = newHtml.slice(at, at + added);
  if (!TEXT_ONLY.test(text)) return false;
  const tags = Array.from(closing.matchAll(CLOSING_TAG), (m) => m[1] as string);
  let element = [...nodes].reverse().find((node): node is Element => node.nodeType === Node.ELEMENT_NODE) ?? null;
  for (let i = tags.length - 1; i >= 0; i--) {
    if (!element || element.tagName.toLowerCase() !== tags[i]) return false;
    if (i > 0) element = element.lastElementChild;
  }
  if (!element) return false;
  const decoded = text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
  const last = element.lastChild;
  if (last && last.nodeType === Node.TEXT_NODE) (last as Text).appendData(decoded);
  else element.appendChild(document.createTextNode(decoded));
  return true;
}
