// Packages the tiny third-party test extension (test/harness/lm-consumer/) as a
// .vsix, so the integration runner can install it into code-server next to
// Parley. (The web workbench's `payload` keeps only one extensionDevelopmentPath,
// and an installed extension is what a real third party is anyway.)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './versions';

export const LM_CONSUMER_DIR = path.join(REPO_ROOT, 'test', 'harness', 'lm-consumer');
export const LM_CONSUMER_ID = 'parley-test.parley-lm-consumer';

export function packageLmConsumer(): string {
  const outDir = path.join(REPO_ROOT, 'out');
  fs.mkdirSync(outDir, { recursive: true });
  const vsix = path.join(outDir, 'parley-lm-consumer.vsix');
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', vsix], {
    cwd: LM_CONSUMER_DIR,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`packaging the lm-consumer test extension failed:\n${result.stdout}${result.stderr}`);
  return vsix;
}
