/**
 * What a `vitabot` process loads, seen from module hooks in the child: a one-shot answer
 * loads no platform SDK, chart library or database driver, and the console chat (`start`
 * with no platform configured) loads no platform SDK or chart library. Start-up time is
 * mostly module loading (the start-up bench measures it: `npm run bench startup`).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";

const LAUNCHER = join(PACKAGE_ROOT, "bin/vitabot.js");
const HOOKS = pathToFileURL(join(PACKAGE_ROOT, "tests/fixtures/processes/record-imports.mjs")).href;
const REGISTER = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(HOOKS)})`;

const work = mkdtempSync(join(tmpdir(), "vitabot-imports-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The packages (under node_modules) a run of `vitabot args…` loaded. */
function packagesLoaded(name: string, args: string[], input = ""): Set<string> {
  const record = join(work, `${name}.txt`);
  const run = spawnSync(process.execPath, ["--import", REGISTER, LAUNCHER, ...args], {
    input,
    env: {
      ...process.env,
      RECORD_IMPORTS: record,
      DATABASE_URL: `file:${join(work, name, "vitabot.db")}`,
      LOG_LEVEL: "warn",
      SLACK_BOT_TOKEN: "",
      DISCORD_TOKEN: "",
    },
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(run.status, run.stderr).toBe(0);
  const urls = readFileSync(record, "utf8").split("\n");
  // The build bundles some packages into dist/vendor/ (scripts/build.mjs): kysely.js,
  // kysely-migration.js and zod.js count as the package they hold.
  const packages = urls.map(
    (url) =>
      /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ??
      /\/dist\/vendor\/([a-z]+)[\w-]*\.js$/.exec(url)?.[1],
  );
  return new Set(packages.filter((p): p is string => p !== undefined));
}

const PLATFORM_AND_CHARTS = [
  "@slack/bolt",
  "@slack/web-api",
  "discord.js",
  "vega",
  "vega-lite",
  "@resvg/resvg-js",
];
const DATABASE = ["kysely", "better-sqlite3", "pg"];

describe("what a vitabot process loads", () => {
  it.each([
    ["vitamin d", ["vitamin", "d"]],
    ["help", ["help"]],
    ["ask --json", ["ask", "b12 and weak legs", "--json"]],
  ])("a one-shot %s loads no platform SDK, chart library or database driver", (name, args) => {
    const loaded = packagesLoaded(name.replace(/\W+/g, "-"), args);
    expect(loaded.size).toBeGreaterThan(0);
    for (const name of [...PLATFORM_AND_CHARTS, ...DATABASE]) expect([...loaded]).not.toContain(name);
  });

  it("the console chat loads its database but no platform SDK or chart library", () => {
    const loaded = packagesLoaded("start", ["start"], "/help\n");
    expect([...loaded]).toContain("kysely");
    for (const name of PLATFORM_AND_CHARTS) expect([...loaded]).not.toContain(name);
  });
});
