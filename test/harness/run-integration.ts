// `npm run test:integration` (after provision + build): runs the bundled
// integration suite inside code-server's extension host, opened by Chromium
// with the smoke-test-driver payload, and turns the suite's report into an
// exit code. Fails on a failed test, a missing report or a timeout.
// Options: `--grep <regexp>` (or env PARLEY_TEST_GREP) runs only matching full
// titles; env PARLEY_INTEGRATION_TIMEOUT_MS (default 300000) bounds the wait.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RUNNER_CONFIG_FILE } from '../integration/support/config';
import type { RunnerConfig, SuiteReport } from '../integration/support/report';
import { launchChromium } from './browser';
import { INTEGRATION_ENTRY, INTEGRATION_OUT_DIR, buildIntegrationSuite } from './build-integration';
import { stopAll } from './cleanup';
import { HARNESS_DEFAULT_SETTINGS, startCodeServer, tail } from './code-server';
import { parleySettings } from './parley-settings';
import { printReport } from './print-report';
import { startReportServer } from './report-server';
import { startSimulator } from './simulator';
import { REPO_ROOT } from './versions';
import { extensionTestUrl } from './workbench-url';
import { packageLmConsumer } from './lm-consumer';
import { makeWorkspace } from './workspace';

const TIMEOUT_MS = Number(process.env.PARLEY_INTEGRATION_TIMEOUT_MS ?? 300_000);
const grepIndex = process.argv.indexOf('--grep');
const GREP = (grepIndex > 0 ? process.argv[grepIndex + 1] : undefined) ?? process.env.PARLEY_TEST_GREP;

function timeout(ms: number, what: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms).unref());
}

async function main(): Promise<number> {
  const started = Date.now();
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  const files = await buildIntegrationSuite();
  console.log(`integration: bundled ${files.length} test file(s)`);
  const reportServer = await startReportServer();
  const simulator = await startSimulator();
  const settings = { ...HARNESS_DEFAULT_SETTINGS, ...parleySettings(simulator?.url) };
  const workspace = makeWorkspace(path.join(REPO_ROOT, 'test', 'integration', 'workspace'), 'integration');
  const config: RunnerConfig = {
    reportUrl: reportServer.url,
    settings,
    workspace,
    ...(simulator ? { simulatorUrl: simulator.url } : {}),
    ...(GREP ? { grep: GREP } : {}),
  };
  fs.writeFileSync(path.join(INTEGRATION_OUT_DIR, RUNNER_CONFIG_FILE), JSON.stringify(config, null, 2));

  // A tiny third-party extension that uses Parley's models through vscode.lm, installed next to Parley.
  const server = await startCodeServer({ workspace, settings, vsix: [packageLmConsumer()] });
  console.log(`integration: code-server ${server.url} (pid ${server.pid})${simulator ? `, simulator ${simulator.url}` : ''}`);
  const { browser } = await launchChromium();
  const page = await browser.newPage();
  const consoleLines: string[] = [];
  page.on('console', (message) => {
    const line = `[${message.type()}] ${message.text()}`;
    if (consoleLines.at(-1) !== line) consoleLines.push(line); // the workbench repeats itself a lot
  });
  await page.goto(extensionTestUrl(server, workspace, REPO_ROOT, INTEGRATION_ENTRY));

  let report: SuiteReport;
  try {
    report = await Promise.race([
      reportServer.report,
      timeout(TIMEOUT_MS, 'waiting for the integration report'),
      server.exited.then((code) => Promise.reject(new Error(`code-server exited (${code}) before the report arrived`))),
      new Promise<never>((_, reject) => page.on('crash', () => reject(new Error('the workbench page crashed')))),
    ]);
  } catch (error) {
    console.error(`integration: no report: ${(error as Error).message}`);
    console.error(`--- workbench console (last 30 lines) ---\n${consoleLines.slice(-30).join('\n')}`);
    console.error(`--- code-server log ---\n${tail(server.logFile)}`);
    console.log('\n0 passed, 1 failed');
    return 1;
  }
  printReport(report);
  console.log(`integration: ${Math.round((Date.now() - started) / 1000)} s in total`);
  return report.failed === 0 && report.passed > 0 ? 0 : 1;
}

main()
  .catch((error: unknown) => {
    console.error(`integration: ${error instanceof Error ? error.stack : String(error)}`);
    return 1;
  })
  .then(async (code) => {
    await stopAll();
    process.exit(code);
  });
