// Prints the closing "N passed, N failed" line from vitest's JSON report. A check that failed
// before or outside vitest (build, lint, typecheck) counts as one failed test, so the line never
// says "0 failed" for a red run.
import { existsSync, readFileSync } from "node:fs";

const [reportPath, exitStatus] = process.argv.slice(2);
let passed = 0;
let failed = 0;
if (existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numFailedTestSuites ?? 0) - countSuitesWithFailedTests(report);
}
if (exitStatus !== "0" && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);

function countSuitesWithFailedTests(report) {
  return report.testResults.filter(
    (suite) => suite.status === "failed" && suite.assertionResults.some((test) => test.status === "failed"),
  ).length;
}
