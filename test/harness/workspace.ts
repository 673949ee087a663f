// A fresh temp folder for the workbench to open, filled from a fixture folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { onCleanup } from './cleanup';

export function makeWorkspace(fixtureDir: string | undefined, label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `parley-${label}-workspace-`));
  if (fixtureDir && fs.existsSync(fixtureDir)) fs.cpSync(fixtureDir, dir, { recursive: true });
  onCleanup(`workspace ${dir}`, async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
