// Starts the cached code-server (see provision.ts) on 127.0.0.1 with a fresh
// user-data-dir whose User/settings.json holds the given settings, optionally
// with .vsix files installed first; waits until it answers HTTP; stops the
// whole process tree by pid (also on failure and on SIGINT/SIGTERM).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { onCleanup } from './cleanup';
import { freePort } from './ports';
import { killTree } from './process-tree';
import { installPaths } from './versions';

export type Settings = Record<string, unknown>;

export interface CodeServerOptions {
  /** Folder the workbench opens. */
  workspace: string;
  /** Merged over `HARNESS_DEFAULT_SETTINGS` into the user settings.json. */
  settings?: Settings;
  /** .vsix files installed into the extensions dir before the server starts. */
  vsix?: string[];
  /** Display language (`--locale`, e.g. 'it', 'zh-cn'); default: code-server's own (English). */
  locale?: string;
  /** Keep the data dir after stop (for debugging); default: env PARLEY_HARNESS_KEEP=1. */
  keepData?: boolean;
  /**
   * Workspace trust as a user has it: on, the folder starts untrusted and VS Code
   * asks. Default off (`--disable-workspace-trust`), so other tests need no clicks.
   */
  workspaceTrust?: boolean;
  /**
   * Node options for code-server, which its extension hosts inherit (the
   * activation bench passes `--inspect --inspect-port=0` to read an extension
   * host's own performance marks).
   */
  nodeArgs?: string[];
}

export interface CodeServer {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  logFile: string;
  /** Resolves with the exit code when the server process ends (for whatever reason). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Quiet, offline-friendly workbench defaults for every harness run. */
export const HARNESS_DEFAULT_SETTINGS: Settings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

function codeServerPaths() {
  const paths = installPaths();
  if (!fs.existsSync(paths.completeMarker)) {
    throw new Error('code-server is not provisioned: run `npm run provision` first');
  }
  return paths;
}

/** Environment for code-server: no npm_* of the calling npm, config/data under `dataDir`. */
function serverEnv(dataDir: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|VSCODE_)/i.test(key)));
  return { ...env, XDG_CONFIG_HOME: path.join(dataDir, 'config'), XDG_DATA_HOME: path.join(dataDir, 'data') };
}

export function installVsix(vsix: string, dirs: { userDataDir: string; extensionsDir: string }, env: NodeJS.ProcessEnv): void {
  const { node24, codeServerEntry } = codeServerPaths();
  const args = [codeServerEntry, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, '--install-extension', vsix, '--force'];
  const result = spawnSync(node24, args, { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed:\n${result.stdout}${result.stderr}`);
}

async function waitForHttp(url: string, child: { exitCode: number | null }, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}) before it was ready:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
}

export function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { node24, codeServerEntry } = codeServerPaths();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-code-server-'));
  const keepData = options.keepData ?? process.env.PARLEY_HARNESS_KEEP === '1';
  const userDataDir = path.join(dataDir, 'user');
  const extensionsDir = path.join(dataDir, 'extensions');
  const configFile = path.join(dataDir, 'config.yaml');
  const logFile = path.join(dataDir, 'code-server.log');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(configFile, 'auth: none\n');
  const settings = {
    ...HARNESS_DEFAULT_SETTINGS,
    ...options.settings,
    ...(options.workspaceTrust ? { 'security.workspace.trust.enabled': true } : {}),
  };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  const env = serverEnv(dataDir);
  for (const vsix of options.vsix ?? []) installVsix(vsix, { userDataDir, extensionsDir }, env);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = fs.openSync(logFile, 'a');
  const args = [
    codeServerEntry, '--config', configFile, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--vscode-option', 'enable-smoke-test-driver',
    ...(options.locale ? ['--locale', options.locale] : []),
    options.workspace,
  ];
  const child = spawn(node24, [...(options.nodeArgs ?? []), ...args], { env, stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const stop = onCleanup(`code-server (pid ${pid})`, async () => {
    await killTree(pid);
    if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  try {
    await waitForHttp(url, child, logFile, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, pid, dataDir, logFile, exited, stop };
}
