// Prints a SuiteReport like mocha's spec reporter, ending with the line
// `N passed, N failed` alone on a line.
import type { SuiteReport } from '../integration/support/report';

export function printReport(report: SuiteReport): void {
  console.log(`\nintegration suite in VS Code ${report.vscodeVersion}:`);
  for (const test of report.tests) {
    if (test.state === 'passed') console.log(`  ✔ ${test.fullTitle} (${test.durationMs} ms)`);
    else if (test.state === 'pending') console.log(`  - ${test.fullTitle} (pending)`);
    else console.log(`  ✘ ${test.fullTitle}`);
  }
  const failures = report.tests.filter((t) => t.state === 'failed');
  failures.forEach((test, index) => {
    console.log(`\n  ${index + 1}) ${test.fullTitle}  [${test.file}]`);
    console.log((test.error ?? '').split('\n').map((line) => `     ${line}`).join('\n'));
  });
  if (report.pending > 0) console.log(`\n${report.pending} pending`);
  console.log(`\n${report.passed} passed, ${report.failed} failed`);
}
