// `npm start`: the one-command sandbox. After build + package (npm script),
// starts the provider simulator (when present) and code-server on 127.0.0.1
// with Parley installed from out/parley.vsix and its settings pointing at the
// simulator, prints the URL and runs until Ctrl+C; then stops everything it
// started by pid.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isStopping, stopAll } from './cleanup';
import { HARNESS_DEFAULT_SETTINGS, startCodeServer, tail, type CodeServer } from './code-server';
import { parleySettings } from './parley-settings';
import { startSimulator } from './simulator';
import { REPO_ROOT } from './versions';
import { workbenchUrl } from './workbench-url';
import { makeWorkspace } from './workspace';

const VSIX_PATH = path.join(REPO_ROOT, 'out', 'parley.vsix');

export interface SandboxContext {
  server: CodeServer;
  workspace: string;
  simulatorUrl: string | undefined;
}

/**
 * Gives the sandbox what a newcomer would otherwise have to enter, so Parley
 * answers at once. Keys never go into settings: they belong in SecretStorage.
 * The active profile (`sim-local`, see parley-settings.ts) needs no key.
 * TODO(keys): put SIMULATOR_KEYS into SecretStorage for the other profiles.
 * code-server's web workbench keeps SecretStorage in the browser that opens
 * it, so this cannot be written from here ahead of time: do it through a
 * Parley command in the page, or have Parley prompt for the key.
 */
export async function seedSandbox(_context: SandboxContext): Promise<void> {
  // Intentionally empty until the key store and provider settings exist.
}

async function main(): Promise<void> {
  if (!fs.existsSync(VSIX_PATH)) throw new Error(`${VSIX_PATH} is missing: run \`npm run package:vsix\` first`);
  const simulator = await startSimulator();
  const workspace = makeWorkspace(path.join(__dirname, 'sandbox-workspace'), 'sandbox');
  const server = await startCodeServer({
    workspace,
    settings: { ...HARNESS_DEFAULT_SETTINGS, ...parleySettings(simulator?.url) },
    vsix: [VSIX_PATH],
  });
  await seedSandbox({ server, workspace, simulatorUrl: simulator?.url });

  console.log('');
  console.log(`  Parley sandbox is running${simulator ? ` (provider simulator at ${simulator.url})` : ' (no simulator on this branch yet)'}.`);
  console.log(`  Open: ${workbenchUrl(server, workspace)}`);
  console.log('  Press Ctrl+C to stop it.');
  console.log('');

  const code = await server.exited; // Ctrl+C is handled by the cleanup registry
  if (isStopping()) return;
  console.error(`sandbox: code-server exited unexpectedly (${code}):\n${tail(server.logFile)}`);
  await stopAll();
  process.exit(1);
}

main().catch(async (error: unknown) => {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
});
