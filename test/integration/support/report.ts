// The report the integration suite sends back to the code-server runner
// (shared by the extension-host side and the runner side).
export type TestState = 'passed' | 'failed' | 'pending';

export interface TestResult {
  fullTitle: string;
  file: string;
  state: TestState;
  durationMs: number;
  /** Message and stack of a failure. */
  error?: string;
}

export interface SuiteReport {
  tests: TestResult[];
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  vscodeVersion: string;
}

/** Written by the runner next to the bundle (runner-config.json), read in the extension host. */
export interface RunnerConfig {
  /** POST target for the SuiteReport (a loopback URL of the runner). */
  reportUrl?: string;
  /** Only run tests whose full title matches this regular expression. */
  grep?: string;
  /** Base URL of the provider simulator, when the runner started one. */
  simulatorUrl?: string;
  /** The folder the window opened. */
  workspace?: string;
  /** The user settings the runner wrote (so tests can compare). */
  settings?: Record<string, unknown>;
}
