/**
 * Writes a file so that readers see either the old or the new content, never a
 * mix: write a temp file in the same directory, fsync it, rename it over the
 * target, then fsync the directory (where the platform allows it). A write that
 * fails (disk full, I/O error) leaves the old file as it was and removes its
 * temp file.
 */
import { promises as nodeFs } from 'node:fs';
import * as path from 'node:path';
import { randomHex } from '../common/random';

/** The file operations an atomic write needs; node's `fs.promises` is one. Tests inject failing ones. */
export interface AtomicWriteFs {
  open(file: string, flags: string, mode?: number): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: boolean }): Promise<void>;
}

export interface WritableHandle {
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** Temp files start with a dot and end in `.tmp`, so listings of `*.json` never see them. */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

/** `.<file>.<pid>-<hex>.tmp` → the pid of the process that wrote it, if the name has one. */
export function tempFileWriterPid(name: string): number | undefined {
  const match = /\.(\d+)-[0-9a-f]+\.tmp$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

export async function writeFileAtomic(file: string, content: string, fs: AtomicWriteFs = nodeFs): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}-${randomHex(4)}.tmp`);
  const handle = await fs.open(temp, 'w', 0o600);
  try {
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    // The target is untouched; the half-written temp file must not stay behind.
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable on POSIX; Windows cannot open directories, which is fine there.
  let handle: nodeFs.FileHandle | undefined;
  try {
    handle = await nodeFs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported on this platform: the rename is still atomic.
  } finally {
    await handle?.close();
  }
}
