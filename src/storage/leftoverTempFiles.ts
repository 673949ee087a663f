/**
 * Temp files of atomic writes that never finished (a crash, a kill, a full
 * disk in an older build) are removed; one whose writer is alive and that is
 * young is kept: another window may be saving.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isTempFileName, tempFileWriterPid } from './atomicWrite';

/** A temp file younger than this may still be in the middle of its write (another window's extension host). */
export const TEMP_FILE_GRACE_MS = 10 * 60_000;

export async function removeLeftoverTempFiles(
  directory: string,
  now: () => number = Date.now,
  isProcessAlive: (pid: number) => boolean = processIsAlive,
): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names.filter(isTempFileName)) {
    const file = path.join(directory, name);
    const pid = tempFileWriterPid(name);
    try {
      const { mtimeMs } = await fs.stat(file);
      const young = now() - mtimeMs < TEMP_FILE_GRACE_MS;
      if (young && pid !== undefined && isProcessAlive(pid)) continue;
      await fs.rm(file, { force: true });
      removed.push(name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return removed;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
