/**
 * Run in fresh processes by the scheduler benchmark. `populate` fills a database with N
 * subscriptions (1% due, eight zones); `tick` (another process) times scheduler ticks
 * and reports the process's RSS before the first tick and after the last.
 * Usage: probe-scheduler.ts <populate|tick> <sqlite-file | postgres-url> <count>
 */
import { type Kysely, sql } from "kysely";
import pino from "pino";
import { buildSubscription } from "../commands/tips/subscription.js";
import { loadContent } from "../src/core/content/load-content.js";
import { createKnowledge } from "../src/core/knowledge/knowledge.js";
import { DEFAULT_CONTENT_DIR } from "../src/paths.js";
import { createTipScheduler } from "../src/scheduler/tips-job.js";
import type { Database } from "../src/storage/kysely/database.js";
import { createPostgresStorage, openPostgresDatabase } from "../src/storage/kysely/postgres-storage.js";
import { createSqliteStorage, openSqliteDatabase } from "../src/storage/kysely/sqlite-storage.js";
import { median } from "./stats.js";

const [mode = "tick", target = "", countArg = "1000"] = process.argv.slice(2);
const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Asia/Kolkata",
  "Australia/Sydney",
  "UTC",
  "Asia/Tokyo",
  "America/Sao_Paulo",
  "Africa/Lagos",
];
const count = Number(countArg);
const isPostgres = target.startsWith("postgres");
const TICKS = 7;
const NOW = Date.parse("2026-11-25T12:00:00Z");

const storage = isPostgres ? createPostgresStorage({ url: target }) : createSqliteStorage({ path: target });
await storage.migrate();
const db: Kysely<Database> = isPostgres ? openPostgresDatabase({ url: target }) : openSqliteDatabase(target);
const base = buildSubscription({
  channel: { platform: "slack", workspaceId: "T1", channelId: "C0" },
  schedule: { time: "13:00", zone: "Europe/Berlin", days: [1, 2, 3, 4, 5, 6, 7], skip: [] },
  theme: null,
  createdBy: "U1",
  now: new Date(NOW - 3_600_000),
});
const dueEvery = 100;
const populateStart = performance.now();
for (let i = 0; mode === "populate" && i < count; i += 1000) {
  const rows = [];
  for (let j = i; j < Math.min(count, i + 1000); j++) {
    const due = j % dueEvery === 0;
    rows.push({
      platform: "slack" as const,
      workspace_id: "T1",
      channel_id: `C${j}`,
      time: base.time,
      zone: ZONES[j % ZONES.length] ?? "UTC",
      days: base.days.join(","),
      skip: "[]",
      theme: null,
      created_by: "U1",
      created_at: NOW,
      next_run_at: due ? NOW - 30_000 : NOW + 3_600_000 + (j % 1440) * 60_000,
      next_run_date: "2026-11-25",
      paused_reason: null,
      rotation_seed: `seed${j}`,
      cycle_posted: "[]",
    });
  }
  await db.insertInto("subscriptions").values(rows).execute();
}
const populateMs = performance.now() - populateStart;
if (mode === "populate") {
  // A long-running database has planner statistics; a freshly bulk-loaded one not yet.
  if (isPostgres) await sql`analyze subscriptions`.execute(db);
  await db.destroy();
  await storage.close();
  console.log(JSON.stringify({ count, populateMs }));
  process.exit(0);
}

const knowledge = createKnowledge(loadContent(DEFAULT_CONTENT_DIR), { emergencyNumber: "911" });
const scheduler = createTipScheduler({
  storage,
  knowledge,
  post: async () => {},
  clock: { now: () => new Date(NOW) },
  logger: pino({ level: "silent" }),
  processId: "bench",
  // Ticks run back to back here, so the real one-second gap per Slack channel would only add sleep.
  queues: { slack: { perChannelIntervalMs: 0, concurrency: 20, maxAttempts: 1, backoffMs: 0 } },
});

global.gc?.();
const rssBefore = process.memoryUsage().rss;
const collect: number[] = [];
const whole: number[] = [];
let due = 0;
for (let t = 0; t < TICKS; t++) {
  const started = performance.now();
  const report = await scheduler.tick();
  whole.push(performance.now() - started);
  collect.push(report.collectMs);
  due = report.due;
  // Make the same 1% due again for the next tick (not timed).
  await db.deleteFrom("deliveries").execute();
  await db
    .updateTable("subscriptions")
    .set({ next_run_at: NOW - 30_000, next_run_date: "2026-11-25" })
    .where(
      "rotation_seed",
      "in",
      Array.from({ length: Math.ceil(count / dueEvery) }, (_, k) => `seed${k * dueEvery}`),
    )
    .execute();
}
global.gc?.();
const rssAfter = process.memoryUsage().rss;
await scheduler.tick(); // clears the 1% made due again by the last reset
const idleCpu = process.cpuUsage();
const idle = await scheduler.tick();
const idleCpuMs = (process.cpuUsage(idleCpu).user + process.cpuUsage(idleCpu).system) / 1000;
await db.destroy();
await storage.close();
console.log(
  JSON.stringify({
    count,
    due,
    idleDue: idle.due,
    tickMs: median(collect),
    wholeTickMs: median(whole),
    idleCpuMs,
    rssBefore,
    rssAfter,
  }),
);
