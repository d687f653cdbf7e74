/**
 * Scheduler benchmark: tick time excluding posting and RSS with 10,000 and
 * 100,000 subscriptions on SQLite and PostgreSQL, 1% due in the tick, beside the naive
 * design of one node-cron task per channel at 10,000 channels. Each scenario runs in its
 * own process so RSS figures don't mix.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../src/paths.js";
import { databaseUrl, runAsAdmin, startEmbeddedPostgres } from "../tests/kit/embedded-postgres.js";
import { fmt, printTable } from "./stats.js";

const MB = 2 ** 20;
const IDLE_SAMPLE_MS = 10_000;

function probe(script: string, args: string[]): Record<string, number> {
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(PACKAGE_ROOT, "bench", script), ...args],
    {
      encoding: "utf8",
      maxBuffer: 16 * MB,
    },
  );
  return JSON.parse(out.trim().split("\n").at(-1) ?? "{}");
}

/** A new, empty database on the bench server; returns its URL. */
async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  await runAsAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name}`);
  await runAsAdmin(adminUrl, `CREATE DATABASE ${name}`);
  return databaseUrl(adminUrl, name);
}

export async function benchScheduler(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "vitabot-bench-scheduler-"));
  const server = await startEmbeddedPostgres();
  const rows: string[][] = [];
  try {
    for (const count of [10_000, 100_000]) {
      const file = join(dir, `s${count}.db`);
      const sqliteFill = probe("probe-scheduler.ts", ["populate", file, String(count)]);
      const sqlite: Record<string, number> = {
        ...probe("probe-scheduler.ts", ["tick", file, String(count)]),
        populateMs: sqliteFill.populateMs ?? Number.NaN,
      };
      const url = await freshDatabase(server.adminUrl, `bench_scheduler_${count}`);
      const pgFill = probe("probe-scheduler.ts", ["populate", url, String(count)]);
      const postgres: Record<string, number> = {
        ...probe("probe-scheduler.ts", ["tick", url, String(count)]),
        populateMs: pgFill.populateMs ?? Number.NaN,
      };
      for (const [name, r] of [
        ["SQLite", sqlite],
        ["PostgreSQL", postgres],
      ] as const) {
        rows.push([
          `one tick a minute (${name})`,
          count.toLocaleString("en-US"),
          String(r.due),
          `${fmt(r.tickMs ?? Number.NaN)} (${fmt(r.wholeTickMs ?? Number.NaN)})`,
          `${fmt((r.rssAfter ?? 0) / MB, 0)} (+${fmt(((r.rssAfter ?? 0) - (r.rssBefore ?? 0)) / MB, 1)})`,
          `${fmt(r.populateMs ?? Number.NaN, 0)} (insert rows)`,
          `${fmt(r.idleCpuMs ?? Number.NaN)} (one tick, nothing due)`,
        ]);
      }
    }
    const naive = probe("probe-naive-cron.ts", ["10000", String(IDLE_SAMPLE_MS)]);
    rows.push([
      "one node-cron task per channel",
      "10,000",
      "-",
      "-",
      `${fmt((naive.rssAfter ?? 0) / MB, 0)} (+${fmt(((naive.rssAfter ?? 0) - (naive.rssBefore ?? 0)) / MB, 1)})`,
      fmt(naive.createMs ?? Number.NaN, 0),
      fmt(naive.cpuMsPerMinute ?? Number.NaN),
    ]);
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
  printTable(
    "Scheduler: tick time excluding posting (median of 7 ticks), 1% due; RSS of the ticking process (growth over its ticks)",
    [
      "design",
      "subscriptions",
      "due",
      "tick ms: find+claim (whole, no-op posts)",
      "RSS MB (+growth)",
      "creation ms",
      "CPU ms per idle minute",
    ],
    rows,
  );
  console.log(
    `\nnaive CPU per idle minute is extrapolated from a ${IDLE_SAMPLE_MS / 1000} s idle sample; targets: tick <= 50 ms and RSS growth <= 50 MB at 100,000`,
  );
}
