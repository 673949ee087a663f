/** Opens a link from a reply in the browser: http and https only, nothing else. */
import * as vscode from 'vscode';

export function safeExternalUri(href: string): vscode.Uri | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return vscode.Uri.parse(url.toString(), true);
}

export async function openLink(href: string, log: (line: string) => void): Promise<void> {
  const uri = safeExternalUri(href);
  if (!uri) {
    log(`chat view: refused to open a link that is not http(s)`);
    return;
  }
  await vscode.env.openExternal(uri);
}
