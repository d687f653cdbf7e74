import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Content, loadContent } from "../../src/core/content/load-content.js";
import { ContentError, type ContentIssue } from "../../src/errors.js";
import { DEFAULT_CONTENT_DIR } from "../../src/paths.js";

let cached: Content | undefined;

/** The real, bundled content (loaded once per test file). */
export function realContent(): Content {
  cached ??= loadContent(DEFAULT_CONTENT_DIR);
  return cached;
}

/** A writable copy of the bundled content in a fresh temp directory. */
export function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), "vitabot-content-"));
  cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  return dir;
}

/** Rewrites one file of a content copy with `edit(text)`. */
export function editFile(dir: string, file: string, edit: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, "utf8")));
}

/** The issues the content check reports for a content folder; throws if it accepts it. */
export function issuesOf(dir: string): ContentIssue[] {
  try {
    loadContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.issues;
    throw error;
  }
  throw new Error("expected the content to be rejected");
}
