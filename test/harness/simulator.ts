// Starts the provider simulator CLI (test/simulator/main.ts, `--port 0`) when
// the branch has it, and reads the URL it prints (`SIMULATOR_URL=http://…`).
// Returns undefined when the simulator does not exist yet.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { onCleanup } from './cleanup';
import { killTree } from './process-tree';
import { REPO_ROOT } from './versions';
const SIMULATOR_MAIN = path.join(REPO_ROOT, 'test', 'simulator', 'main.ts');

export interface Simulator {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export function simulatorExists(): boolean {
  return fs.existsSync(SIMULATOR_MAIN);
}

export async function startSimulator(timeoutMs = 30_000): Promise<Simulator | undefined> {
  if (!simulatorExists()) return undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', SIMULATOR_MAIN, '--port', '0'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('simulator did not start');
  const stop = onCleanup(`simulator (pid ${pid})`, () => killTree(pid));
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`simulator printed no SIMULATOR_URL within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /^SIMULATOR_URL=(\S+)$/m.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`simulator exited (${code}) before printing its URL:\n${output}`));
      });
    });
    // Keep draining its output so a chatty simulator never blocks on a full pipe.
    child.stdout.resume();
    child.stderr.resume();
    return { url, pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
