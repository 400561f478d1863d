// Prints the closing "N passed, N failed" line from the JSON reports the packages' Vitest runs wrote
// (one per package, in VITEST_REPORT_DIR). A test file that failed without a failing test (it did
// not load, say) counts as one failure, and so does a check that failed before or outside Vitest
// (build, lint, typecheck, contracts), so a red run never says "0 failed".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [reportDir, exitStatus] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const reports = existsSync(reportDir) ? readdirSync(reportDir).filter((name) => name.endsWith(".json")) : [];
for (const name of reports) {
  const report = JSON.parse(readFileSync(join(reportDir, name), "utf8"));
  passed += report.numPassedTests;
  const brokenFiles = report.testResults.filter((file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed")).length;
  failed += report.numFailedTests + brokenFiles;
}
if (exitStatus !== "0" && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
