/** The chat view's HTML: strict CSP (scripts by nonce only, nothing remote), our CSS and script. */
import * as vscode from 'vscode';
import { randomBase64 } from '../common/random';

export function createNonce(): string {
  return randomBase64(18);
}

export function chatHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce = createNonce()): string {
  const uri = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments)).toString();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${uri('dist', 'codicon.css')}">
<link rel="stylesheet" href="${uri('media', 'markdown.css')}">
<link rel="stylesheet" href="${uri('media', 'chat.css')}">
<link rel="stylesheet" href="${uri('media', 'attachments.css')}">
<title>Parley</title>
</head>
<body>
<div id="root"></div>
<script nonce="${nonce}" src="${uri('dist', 'webview.js')}"></script>
</body>
</html>`;
}
