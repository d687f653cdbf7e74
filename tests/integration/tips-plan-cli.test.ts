import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";

const plan = (args: string[]) =>
  spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin/vitabot.js"), "tips", "plan", ...args], {
    encoding: "utf8",
    timeout: 30_000,
  });

describe("vitabot tips plan", () => {
  it("prints one JSON object a line with date, local, utc and offset, across a DST change", () => {
    const run = plan([
      "--time",
      "02:30",
      "--zone",
      "Europe/Berlin",
      "--from",
      "2026-03-28",
      "--count",
      "3",
      "--json",
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual([
      '{"date":"2026-03-28","local":"2026-03-28T02:30","utc":"2026-03-28T01:30:00Z","offset":"+01:00"}',
      '{"date":"2026-03-29","local":"2026-03-29T03:00","utc":"2026-03-29T01:00:00Z","offset":"+02:00"}',
      '{"date":"2026-03-30","local":"2026-03-30T02:30","utc":"2026-03-30T00:30:00Z","offset":"+02:00"}',
    ]);
  });

  it("defaults to 7 runs, honours --days and counts from the start of --from", () => {
    const run = plan([
      "--time",
      "09:00",
      "--zone",
      "America/New_York",
      "--days",
      "mon,wed,fri",
      "--from",
      "2026-11-02",
      "--json",
    ]);
    const dates = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).date);
    expect(dates).toEqual([
      "2026-11-02",
      "2026-11-04",
      "2026-11-06",
      "2026-11-09",
      "2026-11-11",
      "2026-11-13",
      "2026-11-16",
    ]);
  });

  it.each([
    [["--time", "25:00", "--zone", "UTC"], "must be a 24-hour time"],
    [["--time", "09:00", "--zone", "Mars/Base"], "Use an IANA name such as Europe/Berlin"],
    [["--time", "09:00"], "--time and --zone are required"],
    [["--time", "09:00", "--zone", "UTC", "--from", "2026-02-30"], "is not a real calendar date"],
  ])("exits non-zero with a helpful message for %j", (args, message) => {
    const run = plan(args);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
  });
});
