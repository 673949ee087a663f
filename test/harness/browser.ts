// Debian's Chromium driven by playwright-core (never a downloaded browser).
// Launched as a browser server so its pid is known and the process tree can
// be stopped like everything else the harness starts.
import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { onCleanup } from './cleanup';
import { killTree, processTree } from './process-tree';
import { CHROMIUM_PATH } from './versions';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface LaunchedBrowser {
  browser: Browser;
  pid: number;
  stop(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: sudo apt-get install -y chromium`);
  }
  const server = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: process.env.PARLEY_HEADED !== '1',
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const pid = server.process().pid;
  if (pid === undefined) throw new Error('chromium did not start');
  const stop = onCleanup(`chromium (pid ${pid})`, async () => {
    const tree = processTree(pid); // before close: its children must not escape
    await Promise.race([server.close(), new Promise((resolve) => setTimeout(resolve, 5000))]);
    await killTree(pid, 3000, tree);
  });
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    return { browser, pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
