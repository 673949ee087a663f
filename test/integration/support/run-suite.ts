// Runs the bundled integration tests with mocha inside the extension host and
// reports the results itself: POSTs a SuiteReport to the runner's reportUrl
// (code-server runner) and rejects on failures (what @vscode/test-electron reads).
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { runnerConfig } from './config';
import { PARLEY_ID, startState } from './parley';
import type { SuiteReport, TestResult } from './report';

export interface TestFile {
  file: string;
  /** Evaluates the test module (lazily, after mocha's globals exist). */
  load: () => unknown;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

function fileOf(test: Mocha.Runnable): string {
  return test.file ?? test.parent?.file ?? '';
}

async function postReport(url: string, report: SuiteReport): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(report),
  });
  if (!response.ok) throw new Error(`report POST answered ${response.status}`);
}

export async function runSuite(files: TestFile[]): Promise<void> {
  startState.parleyActiveBeforeTests = vscode.extensions.getExtension(PARLEY_ID)?.isActive;
  const config = runnerConfig();
  const started = Date.now();
  const results: TestResult[] = [];
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'spec' });
  if (config.grep) mocha.grep(new RegExp(config.grep));

  for (const { file, load } of files) {
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, file, mocha);
    try {
      load();
    } catch (error) {
      results.push({ fullTitle: `loading ${file}`, file, state: 'failed', durationMs: 0, error: errorText(error) });
    }
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_POST_REQUIRE, globalThis, file, mocha);
  }

  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    const record = (test: Mocha.Runnable, state: TestResult['state'], error?: unknown) =>
      results.push({
        fullTitle: test.fullTitle(),
        file: fileOf(test),
        state,
        durationMs: test.duration ?? 0,
        ...(error === undefined ? {} : { error: errorText(error) }),
      });
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (test) => record(test, 'passed'));
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (test) => record(test, 'pending'));
    // Also hook failures ("before all" hook …) arrive here, with the hook as the runnable.
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, error) => record(test, 'failed', error));
  });

  const count = (state: TestResult['state']) => results.filter((r) => r.state === state).length;
  const report: SuiteReport = {
    tests: results,
    passed: count('passed'),
    failed: count('failed'),
    pending: count('pending'),
    durationMs: Date.now() - started,
    vscodeVersion: vscode.version,
  };
  if (config.reportUrl) await postReport(config.reportUrl, report);
  if (report.failed > 0) throw new Error(`${report.failed} integration test(s) failed`);
  if (report.passed === 0) throw new Error('no integration test ran');
}
