/**
 * Activation time as VS Code itself measures it (code loading + the
 * activate() call), read from "Developer: Show Running Extensions" in the
 * code-server harness, for Parley and for the built-in Git extension in the
 * same window. Each sample is a fresh window (a new extension host).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../harness/browser';
import { stopAll } from '../../harness/cleanup';
import { HARNESS_DEFAULT_SETTINGS, startCodeServer } from '../../harness/code-server';
import { REPO_ROOT } from '../../harness/versions';
import { workbenchUrl } from '../../harness/workbench-url';
import { makeWorkspace } from '../../harness/workspace';

export interface RunningExtensionTimes {
  /** Activation time per extension display name, in ms, as the Running Extensions view shows it. */
  [displayName: string]: number;
}

const VSIX = path.join(REPO_ROOT, 'out', 'parley.vsix');
const WAIT_MS = 120_000;

async function runCommand(page: Page, title: string): Promise<void> {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const widget = page.locator('.quick-input-widget');
  // The palette can lose focus to a view that is still settling and close again: then it is opened again.
  for (let attempt = 1; ; attempt++) {
    try {
      // Focus the workbench (not Parley's webview, which keeps F1 to itself), then open the palette.
      await page.locator('.part.editor').click({ position: { x: 200, y: 200 } });
      await page.keyboard.press('F1');
      const input = widget.locator('input');
      await input.waitFor({ state: 'visible', timeout: 20_000 });
      await input.fill(`>${title}`, { timeout: 10_000 });
      await widget.getByRole('option', { name: new RegExp(`^${escaped}(,|$)`) }).click({ timeout: 20_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** The rows of the Running Extensions editor: display name → activation ms. */
async function readRunningExtensions(page: Page, wanted: readonly string[]): Promise<RunningExtensionTimes> {
  await runCommand(page, 'Developer: Show Running Extensions');
  const rows = page.locator('.runtime-extensions-editor .monaco-list-row');
  await rows.first().waitFor({ timeout: WAIT_MS });
  const found: RunningExtensionTimes = {};
  const list = page.locator('.runtime-extensions-editor .monaco-list');
  for (let scrolls = 0; scrolls < 20 && wanted.some((name) => found[name] === undefined); scrolls++) {
    const visible = await page.evaluate(`[...document.querySelectorAll('.runtime-extensions-editor .monaco-list-row')].map((row) => [
      row.querySelector('.name')?.textContent?.trim() ?? '',
      row.querySelector('.activation-time')?.textContent?.trim() ?? '',
    ])`) as [string, string][];
    for (const [name, time] of visible) {
      const ms = /(\d+)\s*ms/.exec(time)?.[1];
      if (name && ms) found[name] = Number(ms);
    }
    await list.hover();
    await page.mouse.wheel(0, 400);
  }
  return found;
}

/** `runs` fresh windows; in each, Parley is activated by opening its view, then the times are read. */
export async function measureVsCodeActivation(runs: number, builtin: string): Promise<RunningExtensionTimes[]> {
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package:vsix\` first`);
  const workspace = makeWorkspace(undefined, 'bench');
  const server = await startCodeServer({ workspace, settings: HARNESS_DEFAULT_SETTINGS, vsix: [VSIX] });
  const { browser } = await launchChromium();
  const samples: RunningExtensionTimes[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(workbenchUrl(server, workspace));
      const parley = page.locator('.part.activitybar').getByRole('tab', { name: 'Parley' });
      await parley.waitFor({ timeout: WAIT_MS });
      await parley.click();
      // Parley's chat is up (its composer shows): activation is over.
      await page
        .frameLocator('iframe.webview[src*="extensionId=parley-dev.parley"]')
        .frameLocator('#active-frame')
        .locator('textarea.composer-input')
        .waitFor({ timeout: WAIT_MS });
      samples.push(await readRunningExtensions(page, ['Parley', builtin]));
      await context.close();
    }
  } finally {
    await stopAll();
  }
  return samples;
}
