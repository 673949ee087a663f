/**
 * What may ship in Parley's VSIX, and how big it may be. Pure rules, so that
 * test/unit/package checks them; test/package/packageCheck.ts applies them to
 * the real out/parley.vsix.
 */

export interface VsixEntry {
  /** Path inside the VSIX, e.g. `extension/dist/extension.js`. */
  path: string;
  /** Uncompressed size in bytes. */
  size: number;
}

export const BUDGETS = {
  /** The whole .vsix file, compressed. */
  vsixBytes: 450 * 1024,
  /** dist/extension.js: what VS Code reads at activation. */
  extensionJsBytes: 650 * 1024,
  /** dist/undici.js: the network layer, read on the first request. */
  undiciJsBytes: 400 * 1024,
  /** dist/webview.js: the chat view's script. */
  webviewJsBytes: 400 * 1024,
} as const;

/** Files that must never ship, with the reason shown when one does. */
const FORBIDDEN: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /^extension\/(src|test|scripts|out|\.artifacts|\.vscode-test)\//, reason: 'sources, tests and build output stay in the repository' },
  { pattern: /^extension\/node_modules\//, reason: 'dependencies are bundled into dist/' },
  { pattern: /\.map$/, reason: 'source maps are for development builds' },
  { pattern: /\.(ts|tsx|mts|cts)$/, reason: 'TypeScript sources stay in the repository' },
  { pattern: /(^|\/)[^/]*\.test\.[a-z]+$/, reason: 'tests stay in the repository' },
  { pattern: /^extension\/media\/screenshots\//, reason: 'README screenshots are loaded from the repository, not shipped' },
  { pattern: /\.vsix$/, reason: 'a package inside the package' },
  { pattern: /(^|\/)\.(env|npmrc|git)/, reason: 'dotfiles may hold secrets' },
];

/** Everything that may ship. Anything else is reported as unexpected. */
const ALLOWED: readonly RegExp[] = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/LICENSE(\.txt)?$/i,
  /^extension\/dist\/(extension|undici|webview)\.js$/,
  /^extension\/dist\/codicon\.(css|ttf)$/,
  /^extension\/media\/[a-z-]+\.css$/,
  /^extension\/media\/parley\.(svg|png)$/,
  /^extension\/media\/walkthrough\/[a-z-]+\.md$/,
  /^extension\/l10n\/bundle\.l10n(\.[a-z-]+)?\.json$/,
];

const REQUIRED = ['extension/package.json', 'extension/LICENSE.txt', 'extension/dist/extension.js', 'extension/dist/undici.js', 'extension/dist/webview.js', 'extension/media/parley.png'];

const SIZE_LIMITS: Record<string, number> = {
  'extension/dist/extension.js': BUDGETS.extensionJsBytes,
  'extension/dist/undici.js': BUDGETS.undiciJsBytes,
  'extension/dist/webview.js': BUDGETS.webviewJsBytes,
};

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Problems with the VSIX's file list and sizes; empty when it may ship. */
export function checkEntries(entries: readonly VsixEntry[], vsixBytes: number): string[] {
  const problems: string[] = [];
  const paths = new Set(entries.map((e) => e.path));
  for (const entry of entries) {
    const forbidden = FORBIDDEN.find((rule) => rule.pattern.test(entry.path));
    if (forbidden) problems.push(`${entry.path} must not ship: ${forbidden.reason}`);
    else if (!ALLOWED.some((pattern) => pattern.test(entry.path))) {
      problems.push(`${entry.path} is not expected in the package (add it to test/package/packageRules.ts if it should ship)`);
    }
    const limit = SIZE_LIMITS[entry.path];
    if (limit !== undefined && entry.size > limit) problems.push(`${entry.path} is ${kb(entry.size)}, over its budget of ${kb(limit)}`);
  }
  for (const required of REQUIRED) {
    // vsce stores LICENSE as LICENSE.txt.
    if (!paths.has(required) && !(required.endsWith('LICENSE.txt') && paths.has('extension/LICENSE'))) problems.push(`${required} is missing`);
  }
  if (vsixBytes > BUDGETS.vsixBytes) problems.push(`the package is ${kb(vsixBytes)}, over its budget of ${kb(BUDGETS.vsixBytes)}`);
  return problems;
}

/**
 * Images in the packaged README must be absolute https URLs: Open VSX shows
 * the README as packaged and does not resolve relative paths (the VS Code
 * Marketplace does). vsce rewrites relative ones using `repository`.
 */
export function checkReadmeImages(readme: string): string[] {
  const sources = [
    ...[...readme.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)/g)].map((m) => m[1] ?? ''),
    ...[...readme.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1] ?? ''),
  ];
  return sources.filter((src) => !/^https:\/\//i.test(src)).map((src) => `README image "${src}" is not an absolute https URL`);
}
