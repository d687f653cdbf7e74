/**
 * A one-shot `vitabot` keeps V8's young generation at its first size. By default V8 doubles
 * the new space each time most of a scavenge survives, which is what reading the content
 * snapshot and building triage and the search index look like: `ask` then ends with a
 * 32 MiB new space, most of the gap to its peak RSS target. The launcher stops that
 * growth for commands that run once; `start` keeps V8's defaults. Measured from the
 * child's own heap statistics as it exits (sizes, not times; the start-up bench measures
 * the peak RSS itself: `npm run bench startup`).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";

const LAUNCHER = join(PACKAGE_ROOT, "bin/vitabot.js");
/** Prints the new space's size (bytes) on stderr as the process exits. */
const NEW_SPACE = `data:text/javascript,import v8 from "node:v8";process.on("exit",()=>process.stderr.write("new-space="+v8.getHeapSpaceStatistics().find((s)=>s.space_name==="new_space").space_size+"\\n"))`;
/** V8's new space before it first grows is 1-2 MiB (two semi-spaces); grown, 16-64 MiB. */
const UNGROWN = 4 * 1024 * 1024;

const work = mkdtempSync(join(tmpdir(), "vitabot-memory-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The new space's size as a run of `vitabot args…` exits. */
function newSpaceAtExit(args: string[], input = ""): number {
  const run = spawnSync(process.execPath, ["--import", NEW_SPACE, LAUNCHER, ...args], {
    input,
    env: {
      ...process.env,
      DATABASE_URL: `file:${join(work, "vitabot.db")}`,
      LOG_LEVEL: "warn",
      SLACK_BOT_TOKEN: "",
      DISCORD_TOKEN: "",
    },
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(run.status, run.stderr).toBe(0);
  const bytes = Number(/new-space=(\d+)/.exec(run.stderr)?.[1]);
  expect(bytes).toBeGreaterThan(0);
  return bytes;
}

describe("a one-shot vitabot's young generation", () => {
  it.each([
    ["ask --json", ["ask", "b12 and weak legs", "--json"]],
    ["vitamin d", ["vitamin", "d"]],
  ])("%s keeps the new space at its first size", (_name, args) => {
    expect(newSpaceAtExit(args)).toBeLessThanOrEqual(UNGROWN);
  });

  it("ask --json sorts without ICU's collation (loading it costs about 3 MiB of RSS)", () => {
    // Counts what would load the collation data: localeCompare and Intl.Collator.
    const COUNT = `data:text/javascript,let n=0;const l=String.prototype.localeCompare;String.prototype.localeCompare=function(...a){n++;return l.apply(this,a)};const C=Intl.Collator;Intl.Collator=function(...a){n++;return new C(...a)};process.on("exit",()=>process.stderr.write("collations="+n+"\\n"))`;
    const run = spawnSync(
      process.execPath,
      ["--import", COUNT, LAUNCHER, "ask", "b12 and weak legs", "--json"],
      {
        env: { ...process.env, DATABASE_URL: `file:${join(work, "vitabot.db")}`, LOG_LEVEL: "warn" },
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).kind).toBeTruthy();
    expect(run.stderr).toContain("collations=0");
  });

  it("the same work in a process with V8's defaults grows it (what the launcher prevents)", () => {
    // The check above would pass vacuously if nothing ever grew the new space.
    const script = "const keep = []; for (let i = 0; i < 2e6; i++) keep.push({ i });";
    const run = spawnSync(process.execPath, ["--import", NEW_SPACE, "-e", script], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(Number(/new-space=(\d+)/.exec(run.stderr)?.[1])).toBeGreaterThan(UNGROWN);
  });
});
