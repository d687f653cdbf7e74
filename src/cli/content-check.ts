/**
 * `vitabot content check`: validates content/ and prints every problem, or a summary.
 */
import type { Writable } from "node:stream";
import { loadContent } from "../core/content/load-content.js";
import { ContentError, formatContentIssues } from "../errors.js";

/** Returns the exit code: 0 when content is valid, 1 otherwise. */
export function runContentCheck(dir: string, io: { stdout: Writable; stderr: Writable }): number {
  try {
    const c = loadContent(dir);
    io.stdout.write(
      `content OK: ${c.nutrients.length} nutrients, ${c.faq.length} FAQ entries, ${c.tips.length} tips, ` +
        `${c.challenges.length} challenge templates, ${c.triage.categories.length} red-flag categories, ${c.sources.size} sources\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    io.stderr.write(`content has ${error.issues.length} problem(s):\n${formatContentIssues(error.issues)}\n`);
    return 1;
  }
}
