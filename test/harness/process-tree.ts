// Stops a process and everything it started, by process id: the tree is read
// from /proc (or `ps --ppid` where /proc has no children files) BEFORE any
// signal is sent, so children that get re-parented when their parent dies are
// still stopped. Never stops anything by name.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

function childrenOf(pid: number): number[] {
  const taskDir = `/proc/${pid}/task`;
  try {
    const ids = new Set<number>();
    for (const task of fs.readdirSync(taskDir)) {
      const text = fs.readFileSync(`${taskDir}/${task}/children`, 'utf8');
      for (const id of text.split(/\s+/)) if (id) ids.add(Number(id));
    }
    return [...ids];
  } catch {
    try {
      const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
      return out.split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return []; // ps exits 1 when there are no children
    }
  }
}

/** The pid and all its descendants, parents before children. */
export function processTree(pid: number): number[] {
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift() as number;
    if (tree.includes(current)) continue;
    tree.push(current);
    queue.push(...childrenOf(current));
  }
  return tree;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch {
    return false;
  }
}

function isZombie(pid: number): boolean {
  try {
    return /^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/**
 * SIGTERM to the whole tree (collected first, plus `alsoKnown` pids collected
 * earlier by the caller), then SIGKILL to whatever is still alive after `graceMs`. Resolves when every pid of the tree is gone.
 */
export async function killTree(pid: number, graceMs = 3000, alsoKnown: number[] = []): Promise<void> {
  let pids = [...new Set([...processTree(pid), ...alsoKnown])];
  for (const id of pids) signal(id, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    // Late children (spawned while we were signalling) join the list.
    pids = [...new Set([...pids, ...pids.filter(isAlive).flatMap(processTree)])];
    if (!pids.some(isAlive)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const id of pids) if (isAlive(id)) signal(id, 'SIGKILL');
}
