// Prints vitest's JSON result as the closing line CI reads: "N passed, N failed".
import { readFileSync, existsSync } from 'node:fs';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const result = JSON.parse(readFileSync(file, 'utf8'));
const failedSuites = result.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
const skipped = result.numPendingTests + result.numTodoTests;
console.log(
  `${result.numPassedTests} passed, ${result.numFailedTests + failedSuites} failed` + (skipped ? `, ${skipped} skipped` : ''),
);
process.exit(result.numFailedTests + failedSuites > 0 || result.numTotalTests === 0 ? 1 : 0);
