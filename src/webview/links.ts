/** Opens a link from a reply in the browser: http and https only, nothing else. */
import * as vscode from 'vscode';
import { allowedExternalUrl } from './linkPolicy';

export function safeExternalUri(href: string): vscode.Uri | undefined {
  const url = allowedExternalUrl(href);
  return url === undefined ? undefined : vscode.Uri.parse(url, true);
}

export async function openLink(href: string, log: (line: string) => void): Promise<void> {
  const uri = safeExternalUri(href);
  if (!uri) {
    log(`chat view: refused to open a link that is not http(s)`);
    return;
  }
  await vscode.env.openExternal(uri);
}
