// Prints the closing "N passed, N failed" line from vitest's JSON report. When the
// report is missing (typecheck, lint or content check failed before vitest ran), the
// run counts as one failure.
import { existsSync, readFileSync } from "node:fs";

const [reportPath, statusArg] = process.argv.slice(2);
const status = Number(statusArg ?? 1);
if (!reportPath || !existsSync(reportPath)) {
  console.log("0 passed, 1 failed");
} else {
  const report = JSON.parse(readFileSync(reportPath, "utf8"));
  const failed = report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  console.log(`${report.numPassedTests} passed, ${failed} failed`);
}
