/** Which links from a reply may be opened: absolute http and https URLs only. Pure, tested in plain Node. */
export function allowedExternalUrl(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
}
