// What the root hooks started, shared with the UI tests, plus the list of
// forbidden requests Parley's webview made (checked after every test).
import type { Browser } from 'playwright-core';
import type { CodeServer } from '../../harness/code-server';

export interface E2EHarness {
  server: CodeServer;
  browser: Browser;
  /** The folder every workbench page opens. */
  workspace: string;
  simulatorUrl?: string;
}

let current: E2EHarness | undefined;
const violations: string[] = [];

export function setHarness(harness: E2EHarness): void {
  current = harness;
}

export function harness(): E2EHarness {
  if (!current) throw new Error('the UI harness is not running (root hooks in test/e2e/support/hooks.ts)');
  return current;
}

export function recordWebviewViolation(description: string): void {
  violations.push(description);
}

export function takeWebviewViolations(): string[] {
  return violations.splice(0, violations.length);
}
