// Mocha root hooks of the UI suite: one simulator (when the branch has it),
// one code-server with Parley installed from out/parley.vsix, and one
// Chromium for the whole run; everything stopped by pid afterwards (also
// on failure and Ctrl+C, via the harness cleanup registry).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchChromium } from '../../harness/browser';
import { stopAll } from '../../harness/cleanup';
import { HARNESS_DEFAULT_SETTINGS, startCodeServer } from '../../harness/code-server';
import { parleySettings } from '../../harness/parley-settings';
import { startSimulator } from '../../harness/simulator';
import { REPO_ROOT } from '../../harness/versions';
import { makeWorkspace } from '../../harness/workspace';
import { harness, setHarness, takeWebviewViolations } from './harness';

/** A failed test leaves a picture of every open workbench page in .artifacts/failures/ (what waits timed out on). */
async function screenshotOpenPages(title: string): Promise<void> {
  const dir = path.join(REPO_ROOT, '.artifacts', 'failures');
  fs.mkdirSync(dir, { recursive: true });
  const name = title.replace(/[^\w-]+/g, '-').slice(0, 100);
  const pages = harness().browser.contexts().flatMap((context) => context.pages());
  await Promise.all(pages.map((page, index) =>
    page.screenshot({ path: path.join(dir, `${name}-${index}.png`), timeout: 10_000 }).catch(() => undefined)));
}

export const VSIX_PATH = path.join(REPO_ROOT, 'out', 'parley.vsix');

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(120_000);
    if (!fs.existsSync(VSIX_PATH)) throw new Error(`${VSIX_PATH} is missing: run \`npm run package:vsix\` first`);
    const simulator = await startSimulator();
    const workspace = makeWorkspace(path.join(REPO_ROOT, 'test', 'e2e', 'workspace'), 'e2e');
    const server = await startCodeServer({
      workspace,
      settings: { ...HARNESS_DEFAULT_SETTINGS, ...parleySettings(simulator?.url) },
      vsix: [VSIX_PATH],
    });
    const { browser } = await launchChromium();
    setHarness({ server, browser, workspace, ...(simulator ? { simulatorUrl: simulator.url } : {}) });
  },

  async afterEach(this: Mocha.Context) {
    if (this.currentTest?.state === 'failed') await screenshotOpenPages(this.currentTest.fullTitle());
    const violations = takeWebviewViolations();
    assert.deepEqual(violations, [], `Parley's webview requested non-loopback hosts:\n${violations.join('\n')}`);
  },

  async afterAll(this: Mocha.Context) {
    this.timeout(30_000);
    await stopAll();
  },
};
