// Prints the closing "N passed, N failed" line from vitest's JSON report. A test file that failed
// without a failing test (it did not load, say) counts as one failure, and so does a check that
// failed before or outside vitest (build, lint, typecheck, contracts), so a red run never says "0 failed".
import { existsSync, readFileSync } from "node:fs";

const [reportPath, exitStatus] = process.argv.slice(2);
let passed = 0;
let failed = 0;
if (existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
  passed = report.numPassedTests;
  const brokenFiles = report.testResults.filter((file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed")).length;
  failed = report.numFailedTests + brokenFiles;
}
if (exitStatus !== "0" && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
