// Reads runner-config.json, which the code-server runner writes next to the
// bundled suite (out/integration/) before it opens the window. Environment
// variables of the runner do not reliably reach code-server's extension host,
// a file next to the bundle does. Absent (e.g. under test-electron) → {}.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunnerConfig } from './report';

export const RUNNER_CONFIG_FILE = 'runner-config.json';

let cached: RunnerConfig | undefined;

export function runnerConfig(): RunnerConfig {
  if (cached) return cached;
  const file = path.join(__dirname, RUNNER_CONFIG_FILE);
  cached = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as RunnerConfig) : {};
  return cached;
}
