/**
 * Team challenges: the leaderboard (one query + the ranking) for a 5,000-member, 30-day
 * challenge on SQLite and PostgreSQL (target p99 ≤ 20 ms, the picture excluded), chart
 * render times, and check-in throughput (sequential, and 200 in flight). Everything runs
 * on this machine: a temp SQLite file and a throwaway embedded PostgreSQL on 127.0.0.1.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely, PostgresDialect, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { individualBars } from "../src/challenges/chart-data.js";
import { renderHeatmapChart, renderStandingsChart } from "../src/challenges/charts.js";
import { computeLeaderboard } from "../src/challenges/leaderboard.js";
import { rankSlice } from "../src/challenges/leaderboard-slice.js";
import type { Challenge, ChallengeStore } from "../src/core/storage-ports/challenge-store.js";
import { addDays } from "../src/core/time/local-time.js";
import {
  type ChallengesDatabase,
  createKyselyChallengeStore,
  encodeDays,
} from "../src/storage/kysely/challenge-store.js";
import { createPostgresPool } from "../src/storage/kysely/postgres-storage.js";
import { openSqliteDatabase } from "../src/storage/kysely/sqlite-storage.js";
import { toStorageError } from "../src/storage/kysely/storage.js";
import { buildActivity } from "../src/storage/member-activity.js";
import { initial } from "../src/storage/migrations/001-initial.js";
import { tips } from "../src/storage/migrations/003-tips.js";
import { challenges } from "../src/storage/migrations/004-challenges.js";
import { startEmbeddedPostgres } from "../tests/kit/embedded-postgres.js";
import { fmt, percentile, printTable, since } from "./stats.js";

const MEMBERS = 5_000;
const DAYS = 30;
const LEADERBOARD_RUNS = 60;
const CHART_RUNS = 8;
const SEQUENTIAL_CHECKINS = 1_000;
const CONCURRENT_CHECKINS = 200;
const START = "2026-03-02";
/** The 29th afternoon: nearly all the check-ins are in. */
const NOW = new Date("2026-03-30T15:00:00Z");
const TASKS = [
  { id: "outdoor-walk", points: 3 },
  { id: "sun-smart", points: 1 },
];

type Db = Kysely<ChallengesDatabase>;

/** Driver failures become StorageError, as in the app. */
const guard = <T>(action: string, run: () => Promise<T>): Promise<T> =>
  run().catch((error: unknown) => Promise.reject(toStorageError(action, error)));

async function migrate(db: Db): Promise<void> {
  const provider = {
    getMigrations: async () => ({ "001-initial": initial, "003-tips": tips, "004-challenges": challenges }),
  };
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
}

/** A small deterministic generator (an LCG), so both backends get the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

interface SeedRows {
  members: ChallengesDatabase["challenge_members"][];
  checkIns: ChallengesDatabase["challenge_checkins"][];
}

/** One member's check-ins: ~70% of days from joining, with 1 or 2 tasks. */
function memberCheckIns(challengeId: string, userId: string, joinDate: string, next: () => number) {
  const rows: SeedRows["checkIns"] = [];
  for (let d = 0; d < DAYS - 1; d++) {
    const date = addDays(START, d);
    if (date < joinDate || next() > 0.7) continue;
    for (const task of next() < 0.5 ? TASKS : TASKS.slice(0, 1)) {
      const at = Date.parse(`${date}T07:00:00Z`) + Math.floor(next() * 36_000_000);
      rows.push({
        challenge_id: challengeId,
        user_id: userId,
        task_id: task.id,
        local_date: date,
        at,
        points: task.points,
        note: null,
      });
    }
  }
  return rows;
}

/** 5,000 members in 12 teams, some late joiners and hidden names, with totals as the store keeps them. */
function seedRows(challengeId: string): SeedRows {
  const next = random(42);
  const members: SeedRows["members"] = [];
  const checkIns: SeedRows["checkIns"] = [];
  for (let m = 0; m < MEMBERS; m++) {
    const userId = `U${String(m).padStart(5, "0")}`;
    const joinDate = addDays(START, next() < 0.1 ? Math.floor(next() * 10) : 0);
    const mine = memberCheckIns(challengeId, userId, joinDate, next);
    const facts = mine.map((c) => ({ localDate: c.local_date, at: c.at, points: c.points }));
    const activity = buildActivity({ startDate: START, days: DAYS }, joinDate, facts);
    members.push({
      challenge_id: challengeId,
      user_id: userId,
      display_name: `Member ${m}`,
      team: `Team ${m % 12}`,
      joined_at: Date.parse(`${joinDate}T08:00:00Z`),
      join_date: joinDate,
      left_at: null,
      hidden: next() < 0.05 ? 1 : 0,
      points: activity.points,
      check_ins: activity.checkIns,
      last_checkin_at: activity.lastCheckInAt,
      day_points: encodeDays(activity.dayPoints),
      day_checkins: encodeDays(activity.dayCheckIns),
      revision: 0,
    });
    checkIns.push(...mine);
  }
  return { members, checkIns };
}

/** Runs `insert` over the rows 500 at a time (bounded parameters per statement on both dialects). */
async function inBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

async function seed(db: Db, store: ChallengeStore): Promise<{ challenge: Challenge; checkIns: number }> {
  const channel = { platform: "slack" as const, workspaceId: "T1", channelId: "C1" };
  const challenge = await store.createChallenge({
    channel,
    templateId: "daylight-walks",
    name: "Bench",
    startDate: START,
    days: DAYS,
    zone: "Europe/Berlin",
    reminderTime: null,
    createdBy: "U_ADMIN",
    createdAt: Date.parse(`${START}T08:00:00Z`),
  });
  const rows = seedRows(challenge.id);
  await inBatches(rows.members, (batch) => db.insertInto("challenge_members").values(batch).execute());
  await inBatches(rows.checkIns, (batch) => db.insertInto("challenge_checkins").values(batch).execute());
  // Planner statistics after the bulk load, as PostgreSQL's autovacuum would gather them.
  await sql`analyze`.execute(db);
  return { challenge, checkIns: rows.checkIns.length };
}

interface BackendResult {
  seeded: number;
  /** The `leaderboard` command: leaderboardSlice (top 15 + asker + teams) + rankSlice. */
  slice: number[];
  /** Every member ranked (end summary, export): listStandings + computeLeaderboard. */
  full: number[];
  sequentialOpsPerS: number;
  concurrentOpsPerS: number;
}

/** Wall times of `run` after a few warm-up calls (JIT, caches). */
async function sample(run: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < LEADERBOARD_RUNS + 5; i++) {
    const start = performance.now();
    await run();
    if (i >= 5) samples.push(since(start));
  }
  return samples;
}

async function measureLeaderboard(store: ChallengeStore, challenge: Challenge) {
  let asker = 0;
  const slice = await sample(async () => {
    const userId = `U${String((asker++ * 997) % MEMBERS).padStart(5, "0")}`; // a different asker each time
    const view = rankSlice(challenge, await store.leaderboardSlice(challenge.id, { limit: 15, userId }), NOW);
    if (view.individuals.length !== 15 || !view.me) throw new Error("the leaderboard lost rows");
  });
  const full = await sample(async () => {
    const board = computeLeaderboard(challenge, await store.listStandings(challenge.id), NOW);
    if (board.individuals.length !== MEMBERS) throw new Error("the leaderboard lost members");
  });
  return { slice, full };
}

/** Day 30 check-ins from distinct members: sequential, then CONCURRENT_CHECKINS in flight. */
async function measureCheckIns(store: ChallengeStore, challenge: Challenge) {
  const date = addDays(START, DAYS - 1);
  const checkIn = (m: number, taskId: string) => ({
    challengeId: challenge.id,
    userId: `U${String(m).padStart(5, "0")}`,
    taskId,
    localDate: date,
    at: NOW.getTime(),
    points: 3,
    note: null,
  });
  let start = performance.now();
  for (let m = 0; m < SEQUENTIAL_CHECKINS; m++) await store.addCheckIn(checkIn(m, "outdoor-walk"));
  const sequentialOpsPerS = SEQUENTIAL_CHECKINS / (since(start) / 1000);
  const batch = Array.from({ length: CONCURRENT_CHECKINS }, (_, i) =>
    checkIn(SEQUENTIAL_CHECKINS + i, "sun-smart"),
  );
  start = performance.now();
  const results = await Promise.all(batch.map((c) => store.addCheckIn(c)));
  const concurrentOpsPerS = CONCURRENT_CHECKINS / (since(start) / 1000);
  if (results.some((r) => r.status !== "added")) throw new Error("a concurrent check-in was not added");
  return { sequentialOpsPerS, concurrentOpsPerS };
}

async function runBackend(db: Db): Promise<BackendResult> {
  await migrate(db);
  const store = createKyselyChallengeStore(db, guard);
  const { challenge, checkIns } = await seed(db, store);
  const leaderboard = await measureLeaderboard(store, challenge);
  return { seeded: checkIns, ...leaderboard, ...(await measureCheckIns(store, challenge)) };
}

async function benchSqlite(): Promise<BackendResult> {
  const dir = await mkdtemp(join(tmpdir(), "vitabot-bench-challenges-"));
  const db = openSqliteDatabase(join(dir, "bench.db")) as unknown as Db;
  try {
    return await runBackend(db);
  } finally {
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<BackendResult> {
  const server = await startEmbeddedPostgres();
  const db = new Kysely<ChallengesDatabase>({
    dialect: new PostgresDialect({ pool: createPostgresPool({ url: server.adminUrl, poolSize: 10 }) }),
  });
  try {
    return await runBackend(db);
  } finally {
    await db.destroy();
    await server.stop();
  }
}

/** The seeded members as rule inputs, without a database. */
function chartMembers() {
  return seedRows("chart").members.map((m) => ({
    userId: m.user_id,
    displayName: m.display_name,
    team: m.team,
    joinDate: m.join_date,
    leftAt: null,
    hidden: m.hidden === 1,
    dayPoints: m.day_points.split(",").map(Number),
    dayCheckIns: m.day_checkins.split(",").map(Number),
    lastCheckInAt: m.last_checkin_at,
    points: m.points,
    checkIns: m.check_ins,
  }));
}

/** Render times (ms) of the standings chart and the heatmap; the first call (library load) separately. */
async function benchCharts(): Promise<string[][]> {
  const timing = { startDate: START, days: DAYS, zone: "Europe/Berlin", endedAt: null };
  const members = chartMembers();
  const { individuals } = computeLeaderboard(timing, members, NOW);
  const first = members[0];
  if (!first) throw new Error("no members");
  const heatmap = { title: "Your check-ins", timing, member: first, tasksPerDay: 2, now: NOW };
  const renders: [string, () => Promise<unknown>][] = [
    [
      "standings bar chart (top 15)",
      () => renderStandingsChart(individualBars("Bench standings", individuals)),
    ],
    ["check-in heatmap (30 days)", () => renderHeatmapChart(heatmap)],
  ];
  const table: string[][] = [];
  for (const [name, render] of renders) {
    const coldStart = performance.now();
    await render();
    const cold = since(coldStart);
    const samples: number[] = [];
    for (let i = 0; i < CHART_RUNS; i++) {
      const start = performance.now();
      await render();
      samples.push(since(start));
    }
    table.push([name, fmt(cold, 0), fmt(percentile(samples, 50), 0), fmt(percentile(samples, 99), 0)]);
  }
  return table;
}

/** Runs the challenge benchmarks and prints three tables. */
export async function benchChallenges(): Promise<void> {
  const sqlite = await benchSqlite();
  const postgres = await benchPostgres();
  const row = (name: string, seeded: number, samples: number[]) => [
    name,
    String(seeded),
    fmt(percentile(samples, 0)),
    fmt(percentile(samples, 50)),
    fmt(percentile(samples, 99)),
    percentile(samples, 99) <= 20 ? "yes" : "NO",
  ];
  // Wall-clock times: on a shared machine they include waiting for a core, so say how busy it was.
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(" / ");
  printTable(
    `Leaderboard, ${MEMBERS} members × ${DAYS} days (${LEADERBOARD_RUNS} runs each, target p99 ≤ 20 ms, picture excluded; load average ${load})`,
    ["backend: path", "check-ins seeded", "min ms", "p50 ms", "p99 ms", "p99 ≤ 20 ms"],
    [
      row("sqlite: leaderboard (slice, top 15 + me + teams)", sqlite.seeded, sqlite.slice),
      row("postgres: leaderboard (slice)", postgres.seeded, postgres.slice),
      row("sqlite: all 5,000 ranked (summary, export)", sqlite.seeded, sqlite.full),
      row("postgres: all 5,000 ranked", postgres.seeded, postgres.full),
    ],
  );
  printTable(
    "Check-in throughput: addCheckIn (insert + member totals in one transaction)",
    ["backend", `sequential ops/s (${SEQUENTIAL_CHECKINS})`, `${CONCURRENT_CHECKINS} in flight ops/s`],
    [
      ["sqlite", fmt(sqlite.sequentialOpsPerS, 0), fmt(sqlite.concurrentOpsPerS, 0)],
      ["postgres", fmt(postgres.sequentialOpsPerS, 0), fmt(postgres.concurrentOpsPerS, 0)],
    ],
  );
  printTable(
    `Chart render (Vega-Lite → SVG → PNG at 2×, bundled font; ${CHART_RUNS} warm runs)`,
    ["picture", "first call ms", "p50 ms", "p99 ms"],
    await benchCharts(),
  );
}
