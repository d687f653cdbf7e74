/**
 * The documentation points at things that exist. In README.md, ARCHITECTURE.md and
 * docs/*.md, every relative link resolves to a file or folder of the checkout (and a
 * `#anchor` to a heading of the Markdown file it names), and every path in backticks
 * that starts with one of the repository's folders (`src/…`, `tests/…`, …) names a file
 * or folder that is there. A moved or renamed file then fails here, not in a reader's hands.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";

const DOCS = [
  "README.md",
  "ARCHITECTURE.md",
  ...readdirSync(join(PACKAGE_ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** Folders a path in backticks may start with to be checked (others are examples: `./data/…`, `/app/…`). */
const REPO_FOLDERS = [
  ".ci",
  "assets",
  "bench",
  "bin",
  "commands",
  "content",
  "docs",
  "scripts",
  "src",
  "tests",
];
const REPO_PATH = new RegExp(`^(?:${REPO_FOLDERS.map((f) => f.replace(".", "\\.")).join("|")})/[\\w./-]*$`);

const read = (file: string) => readFileSync(join(PACKAGE_ROOT, file), "utf8");

/** The lines outside fenced code blocks. */
function prose(markdown: string): string[] {
  let fenced = false;
  return markdown.split("\n").filter((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of prose(markdown)) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Targets of inline links `[text](target)`, code spans left out first. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown)
    .join("\n")
    .replace(/`[^`\n]*`/g, "");
  return [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] as string);
}

/** Code spans that look like a path in this repository. */
function repoPaths(markdown: string): string[] {
  const spans = [
    ...prose(markdown)
      .join("\n")
      .matchAll(/`([^`\n]+)`/g),
  ].map((m) => m[1] as string);
  return spans.filter((span) => REPO_PATH.test(span));
}

/** What is wrong with one link from `file`, or undefined when it resolves. */
function brokenLink(file: string, target: string): string | undefined {
  if (/^[a-z][a-z+.-]*:/i.test(target)) return undefined; // https:, mailto:
  const [path = "", anchor] = target.split("#");
  const resolved = path === "" ? join(PACKAGE_ROOT, file) : join(PACKAGE_ROOT, dirname(file), path);
  const shown = relative(PACKAGE_ROOT, resolved);
  if (!existsSync(resolved)) return `${target}: ${shown} does not exist`;
  if (
    anchor !== undefined &&
    resolved.endsWith(".md") &&
    !anchorsOf(readFileSync(resolved, "utf8")).has(anchor)
  )
    return `${target}: ${shown} has no heading #${anchor}`;
  return undefined;
}

describe("the docs' links and paths resolve", () => {
  it("finds the links and paths it checks (the checker itself works)", () => {
    const sample = "# A `b` c\n\n[x](y.md#a-b-c) `src/x.ts` `./data/z`\n```sh\n[no](in-fence.md)\n```\n";
    expect(linkTargets(sample)).toEqual(["y.md#a-b-c"]);
    expect(repoPaths(sample)).toEqual(["src/x.ts"]);
    expect([...anchorsOf(sample)]).toEqual(["a-b-c"]);
    expect(brokenLink("README.md", "docs/none.md")).toBe("docs/none.md: docs/none.md does not exist");
    expect(brokenLink("README.md", "#no-such-heading")).toBe(
      "#no-such-heading: README.md has no heading #no-such-heading",
    );
  });

  it("reads a README, an ARCHITECTURE.md and more than one file in docs/", () => {
    expect(DOCS.filter((file) => file.startsWith("docs/")).length).toBeGreaterThan(1);
  });

  it.each(DOCS)("%s: every relative link resolves", (file) => {
    const markdown = read(file);
    const broken = linkTargets(markdown)
      .map((target) => brokenLink(file, target))
      .filter((problem) => problem !== undefined);
    expect(broken).toEqual([]);
  });

  it.each(DOCS)("%s: every repository path in backticks exists", (file) => {
    const missing = repoPaths(read(file)).filter((path) => !existsSync(join(PACKAGE_ROOT, path)));
    expect(missing).toEqual([]);
  });
});
