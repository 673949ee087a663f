/**
 * Activation measured in plain Node, many times: a fresh process per sample
 * loads dist/extension.js with `vscode` stubbed and calls activate(). The
 * peer row loads undici at the same time, as the bundle did before the
 * network layer was deferred to the first request.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export interface NodeActivation {
  requireMs: number;
  activateMs: number;
  undiciMs: number;
  undiciLoaded: boolean;
}

const CHILD = path.join(__dirname, 'loadBundle.cjs');

function sample(bundle: string, eagerUndici: boolean): NodeActivation {
  const out = execFileSync(process.execPath, [CHILD, bundle, ...(eagerUndici ? ['--eager-undici'] : [])], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as NodeActivation;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function measureNodeActivation(bundle: string, runs: number, eagerUndici: boolean): { samples: NodeActivation[]; requireMs: number; activateMs: number; undiciMs: number } {
  const samples = Array.from({ length: runs }, () => sample(bundle, eagerUndici));
  return {
    samples,
    requireMs: median(samples.map((s) => s.requireMs)),
    activateMs: median(samples.map((s) => s.activateMs)),
    undiciMs: median(samples.map((s) => s.undiciMs)),
  };
}
