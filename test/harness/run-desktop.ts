// `npm run test:desktop`: the same bundled integration suite in desktop VS Code
// via @vscode/test-electron, for machines that can download VS Code (not this
// CI: it has no network beyond npm and Debian; use `npm run test:integration`).
// On a Linux machine without a display, run it under xvfb-run.
import { runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RUNNER_CONFIG_FILE } from '../integration/support/config';
import type { RunnerConfig } from '../integration/support/report';
import { INTEGRATION_ENTRY, INTEGRATION_OUT_DIR, buildIntegrationSuite } from './build-integration';
import { stopAll } from './cleanup';
import { HARNESS_DEFAULT_SETTINGS } from './code-server';
import { parleySettings } from './parley-settings';
import { startSimulator } from './simulator';
import { CODE_SERVER_VERSION_OF_VSCODE, REPO_ROOT } from './versions';
import { makeWorkspace } from './workspace';

async function main(): Promise<number> {
  await buildIntegrationSuite();
  const simulator = await startSimulator();
  const settings = { ...HARNESS_DEFAULT_SETTINGS, ...parleySettings(simulator?.url) };
  const workspace = makeWorkspace(path.join(REPO_ROOT, 'test', 'integration', 'workspace'), 'desktop');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-desktop-user-'));
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  // No reportUrl: test-electron reads the result from run()'s promise.
  const config: RunnerConfig = { settings, workspace, ...(simulator ? { simulatorUrl: simulator.url } : {}) };
  fs.writeFileSync(path.join(INTEGRATION_OUT_DIR, RUNNER_CONFIG_FILE), JSON.stringify(config, null, 2));
  try {
    return await runTests({
      version: CODE_SERVER_VERSION_OF_VSCODE,
      // Parley and the tiny extension that uses its models through vscode.lm.
      extensionDevelopmentPath: [REPO_ROOT, path.join(REPO_ROOT, 'test', 'harness', 'lm-consumer')],
      extensionTestsPath: INTEGRATION_ENTRY,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${userDataDir}`],
    });
  } finally {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main()
  .catch((error: unknown) => {
    console.error(`test:desktop: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  })
  .then(async (code) => {
    await stopAll();
    process.exit(code);
  });
