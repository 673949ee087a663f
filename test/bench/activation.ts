/**
 * `npm run bench activation`: the shipped bundles' sizes against their
 * budgets, and activation time — in plain Node (require + activate(), many
 * fresh processes, next to the same bundle with undici loaded at activation as
 * before) and inside VS Code (code-server's Running Extensions, next to the
 * built-in Git extension in the same window). Ratios say how Parley compares.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../harness/versions';
import { BUDGETS, kb } from '../package/packageRules';
import { measureNodeActivation, median } from './activation/nodeActivation';
import { type ActivationSample, measureVsCodeActivation, type WindowSample } from './activation/vscodeActivation';

const NODE_RUNS = 15;
const VSCODE_RUNS = 3;
const BUILTIN = { name: 'Git', id: 'vscode.git' };
const TARGET_ACTIVATE_MS = 30;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');

function printSizes(): void {
  console.log('Bundle sizes (production build)');
  const rows: [string, number | undefined][] = [
    ['dist/extension.js (read at activation)', BUDGETS.extensionJsBytes],
    ['dist/undici.js (read on the first request)', BUDGETS.undiciJsBytes],
    ['dist/webview.js (the chat view)', BUDGETS.webviewJsBytes],
  ];
  for (const [label, budget] of rows) {
    const file = path.join(REPO_ROOT, label.split(' ')[0]!);
    const size = fs.statSync(file).size;
    console.log(`  ${label.padEnd(46)} ${kb(size).padStart(10)}   budget ${kb(budget ?? 0)}   ${size <= (budget ?? 0) ? 'ok' : 'OVER'}`);
  }
  const vsix = path.join(REPO_ROOT, 'out', 'parley.vsix');
  if (fs.existsSync(vsix)) console.log(`  ${'out/parley.vsix'.padEnd(46)} ${kb(fs.statSync(vsix).size).padStart(10)}   budget ${kb(BUDGETS.vsixBytes)}`);
}

function printNode(): void {
  const bundle = path.join(REPO_ROOT, 'dist', 'extension.js');
  const lazy = measureNodeActivation(bundle, NODE_RUNS, false);
  const eager = measureNodeActivation(bundle, NODE_RUNS, true);
  const lazyTotal = median(lazy.samples.map((s) => s.requireMs + s.activateMs));
  const eagerTotal = median(eager.samples.map((s) => s.requireMs + s.undiciMs + s.activateMs));
  console.log(`\nActivation in plain Node (vscode stubbed; median of ${NODE_RUNS} fresh processes)`);
  console.log(`  ${''.padEnd(34)} ${'require'.padStart(10)} ${'undici'.padStart(10)} ${'activate()'.padStart(11)} ${'total'.padStart(10)}`);
  console.log(`  ${'Parley (undici on first request)'.padEnd(34)} ${ms(lazy.requireMs).padStart(10)} ${'—'.padStart(10)} ${ms(lazy.activateMs).padStart(11)} ${ms(lazyTotal).padStart(10)}`);
  console.log(`  ${'peer: undici loaded at activation'.padEnd(34)} ${ms(eager.requireMs).padStart(10)} ${ms(eager.undiciMs).padStart(10)} ${ms(eager.activateMs).padStart(11)} ${ms(eagerTotal).padStart(10)}`);
  console.log(`  Parley / peer: ${ratio(lazyTotal, eagerTotal)}   undici loaded during activation: ${lazy.samples.some((s) => s.undiciLoaded) ? 'YES' : 'no'}`);
}

async function printVsCode(): Promise<void> {
  console.log(`\nActivation inside VS Code (code-server; ${VSCODE_RUNS} fresh windows, Parley's view opened once the window's startup activations are over)`);
  const samples = await measureVsCodeActivation(VSCODE_RUNS, BUILTIN);
  const row = (label: string, pick: (s: WindowSample) => ActivationSample) => {
    const values = samples.map(pick);
    const totals = values.map((v) => v.loadMs + v.activateMs);
    const running = values.map((v) => v.runningMs).filter((v): v is number => v !== undefined);
    const cell = (xs: number[]) => `${ms(median(xs))} (${xs.join(', ')})`.padEnd(24);
    console.log(`  ${label.padEnd(16)} ${cell(values.map((v) => v.loadMs))} ${cell(values.map((v) => v.activateMs))} ${cell(totals)} ${running.length ? cell(running) : 'not shown'}`);
    return median(totals);
  };
  console.log(`  ${''.padEnd(16)} ${'load code (require)'.padEnd(24)} ${'activate() settled'.padEnd(24)} ${'total'.padEnd(24)} ${'Show Running Extensions'}`);
  const parley = row('Parley', (s) => s.parley);
  const builtin = row(`${BUILTIN.name} (built-in)`, (s) => s.builtin);
  console.log(`  median ms (samples); load and activate from the extension host's own marks (code/extHost/will|didLoadExtensionCode, will|didActivateExtension)`);
  console.log(`  Parley / ${BUILTIN.name}: ${ratio(parley, builtin)}`);
  console.log(`  target: activation ≤ ${TARGET_ACTIVATE_MS} ms: ${ms(parley)} → ${parley <= TARGET_ACTIVATE_MS ? 'met' : 'MISSED'} (wall time: includes the machine's current load)`);
}

export async function runActivationBench(): Promise<void> {
  console.log('Building the production bundles and the VSIX…');
  execFileSync('npm', ['run', '--silent', 'package:vsix'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  printSizes();
  printNode();
  if (process.env.PARLEY_BENCH_SKIP_VSCODE === '1') console.log('\n(in-VS-Code activation skipped: PARLEY_BENCH_SKIP_VSCODE=1)');
  else await printVsCode();
}
