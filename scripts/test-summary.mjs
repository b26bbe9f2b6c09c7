// Prints the suite's closing line ("tests: N passed, N failed, N skipped") from vitest's JSON report,
// and fails a CI run in which anything was skipped.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const passed = report.numPassedTests;
const failed = report.numFailedTests;
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (process.env.CI === 'true' && skipped > 0) {
  console.error('test: CI=true and some tests were skipped; every suite must run in CI');
  process.exit(1);
}
process.exit(failed > 0 || passed === 0 ? 1 : 0);
