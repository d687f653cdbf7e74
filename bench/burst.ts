/**
 * A burst on a cold process (charts must not hold up acks): 10 running challenges of 500 members each in
 * a SQLite file; 500 signed `/vitabot` slash commands sent at once (250 `leaderboard`
 * spread over the 10 challenges' channels, 250 `ask` with the questions of
 * tests/fixtures/questions.yaml, interleaved) to a freshly started vitabot process. Three
 * processes on 127.0.0.1: the Slack stand-in (response_url and the Web API, files upload
 * included), the app, and the load. Targets: ack p99 <= 1 s and max <= 2.5 s (median of
 * 3 runs), every answer at its response_url within 30 s, peak RSS < 350 MB. The same run
 * measures charts drawn inline (CHART_THREADS=0) for comparison; the runs alternate. The app
 * starts with the node flags of the image's ENTRYPOINT (Dockerfile).
 * Run: npm run bench burst (BENCH_BURST_RUNS=1 BENCH_BURST_INLINE=0 for a quick look; BENCH_BURST_DIST=1 runs the app from dist/ without tsx; BENCH_DEBUG=1 prints the stand-in's counts as answers arrive;
 * BENCH_PROFILE=/tmp/burst writes the app's main-thread CPU profile of each burst there).
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { DEFAULT_CHART_THREADS } from "../src/config.js";
import { PACKAGE_ROOT } from "../src/paths.js";
import { createStorage } from "../src/storage/create-storage.js";
import { type ChallengesDatabase, encodeDays } from "../src/storage/kysely/challenge-store.js";
import { openSqliteDatabase } from "../src/storage/kysely/sqlite-storage.js";
import { buildActivity } from "../src/storage/member-activity.js";
import { slackSignature, slashCommand } from "../tests/kit/slack-requests.js";
import { askChild, type Child, spawnChild, stopChild } from "./child.js";
import { askText } from "./slack-load.js";
import { fmt, median, percentile, printTable } from "./stats.js";

/** Runs of each kind (BENCH_BURST_RUNS=1 for a quick look; the targets are for the median of 3). */
const RUNS = Number(process.env.BENCH_BURST_RUNS ?? 3);
/** BENCH_BURST_INLINE=0 skips the inline comparison (a quick look at the pool alone). */
const WITH_INLINE = process.env.BENCH_BURST_INLINE !== "0";
/** The node flags the image starts the app with (its ENTRYPOINT, between `node` and the script). */
function imageNodeFlags(): string[] {
  const dockerfile = readFileSync(join(PACKAGE_ROOT, "Dockerfile"), "utf8");
  const entrypoint = JSON.parse(/^ENTRYPOINT (\[.*\])$/m.exec(dockerfile)?.[1] ?? "[]") as string[];
  return entrypoint.slice(entrypoint.indexOf("node") + 1, -1);
}
/** BENCH_BURST_DIST=1 runs the app from the compiled build (dist/, `npm run build`) without tsx, as the image does. */
const DIST = process.env.BENCH_BURST_DIST === "1";
const CHALLENGES = 10;
const MEMBERS = 500;
const LEADERBOARDS = 250;
const ASKS = 250;
const ANSWER_DEADLINE_MS = 30_000;
const TEAMS = 12;
const DAY_MS = 86_400_000;
const TASKS = [
  { id: "outdoor-walk", points: 3 },
  { id: "sun-smart", points: 1 },
];

const channelOf = (c: number) => `C_BURST_${c}`;
const userOf = (m: number) => `U_BURST_${String(m).padStart(3, "0")}`;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A deterministic generator (an LCG), so every run sees the same standings. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

type Rows = {
  members: ChallengesDatabase["challenge_members"][];
  checkIns: ChallengesDatabase["challenge_checkins"][];
};

/** One challenge's 500 members in 12 teams, about 70% of their 12 days so far checked in, with totals as the store keeps them. */
function memberRows(challengeId: string, startMs: number, next: () => number): Rows {
  const rows: Rows = { members: [], checkIns: [] };
  const startDate = isoDate(startMs);
  for (let m = 0; m < MEMBERS; m++) {
    const userId = userOf(m);
    const mine: Rows["checkIns"] = [];
    for (let d = 0; d < 12; d++) {
      if (next() > 0.7) continue;
      const day = startMs + d * DAY_MS;
      for (const task of next() < 0.5 ? TASKS : TASKS.slice(0, 1)) {
        const row = {
          challenge_id: challengeId,
          user_id: userId,
          task_id: task.id,
          local_date: isoDate(day),
        };
        mine.push({ ...row, at: day + 3_600_000, points: task.points, note: null });
      }
    }
    const facts = mine.map((c) => ({ localDate: c.local_date, at: c.at, points: c.points }));
    const activity = buildActivity({ startDate, days: 30 }, startDate, facts);
    rows.members.push({
      challenge_id: challengeId,
      user_id: userId,
      display_name: `Member ${m}`,
      team: `Team ${m % TEAMS}`,
      joined_at: startMs,
      join_date: startDate,
      left_at: null,
      hidden: 0,
      points: activity.points,
      check_ins: activity.checkIns,
      last_checkin_at: activity.lastCheckInAt,
      day_points: encodeDays(activity.dayPoints),
      day_checkins: encodeDays(activity.dayCheckIns),
      revision: 0,
    });
    rows.checkIns.push(...mine);
  }
  return rows;
}

/**
 * 10 challenges that started 12 days ago (30 days, UTC), one per channel, each with the
 * same 500 members; created through the app's storage, members and check-ins bulk-loaded.
 */
async function seed(path: string): Promise<void> {
  const storage = createStorage({ kind: "sqlite", path });
  await storage.migrate();
  const startMs = Date.now() - 12 * DAY_MS;
  const ids: string[] = [];
  for (let c = 0; c < CHALLENGES; c++) {
    const challenge = await storage.createChallenge({
      channel: { platform: "slack", workspaceId: "T0001", channelId: channelOf(c) },
      templateId: "daylight-walks",
      name: `Burst walks ${c + 1}`,
      startDate: isoDate(startMs),
      days: 30,
      zone: "UTC",
      reminderTime: null,
      createdBy: "U_BURST_ADMIN",
      createdAt: startMs,
    });
    ids.push(challenge.id);
  }
  await storage.close();
  const db = openSqliteDatabase(path) as unknown as Kysely<ChallengesDatabase>;
  const next = random(16);
  await db.transaction().execute(async (trx) => {
    for (const id of ids) {
      const rows = memberRows(id, startMs, next);
      for (let i = 0; i < rows.members.length; i += 200)
        await trx
          .insertInto("challenge_members")
          .values(rows.members.slice(i, i + 200))
          .execute();
      for (let i = 0; i < rows.checkIns.length; i += 200)
        await trx
          .insertInto("challenge_checkins")
          .values(rows.checkIns.slice(i, i + 200))
          .execute();
    }
  });
  await db.destroy();
}

/** The burst, signed now: leaderboards (in their challenges' channels) and questions interleaved, each from one of the members. */
function burstRequests(secret: string, standInUrl: string) {
  const timestamp = Math.floor(Date.now() / 1000);
  return Array.from({ length: LEADERBOARDS + ASKS }, (_, i) => {
    const leaderboard = i % 2 === 0;
    const { body, contentType } = slashCommand({
      text: leaderboard ? "leaderboard" : askText(i),
      channel_id: channelOf(leaderboard ? (i / 2) % CHALLENGES : 0),
      user_id: userOf(i % MEMBERS),
      trigger_id: `burst.${i}`,
      response_url: `${standInUrl}/respond/burst-${i}`,
    });
    const headers = {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(secret, timestamp, body),
    };
    return { method: "POST", path: "/slack/events", headers, body };
  });
}

interface RunResult {
  p50: number;
  p99: number;
  max: number;
  /** From the first request sent to the last answer at a response_url. */
  lastAnswerMs: number;
  answered: number;
  uploads: number;
  maxRssMb: number;
  /** CPU time of the app process (all threads) over the burst: what a quiet machine needs. */
  cpuMs: number;
  charts: { drawn: number; reused: number };
}

const cpuMs = (child: Child) =>
  askChild(child, "cpu", (m) => {
    const usage = m.usage as NodeJS.CpuUsage;
    return (usage.user + usage.system) / 1000;
  });
const counts = (standIn: Child) => askChild(standIn, "counts", (m) => m.counts as Record<string, number>);

/** One burst against a freshly started app. */
async function burstRun(
  secret: string,
  standIn: Child,
  database: string,
  requestsFile: string,
  chartThreads: number | undefined,
): Promise<RunResult> {
  const app = await spawnChild(
    DIST ? "./slack-app-dist.mjs" : "./slack-child.ts",
    "vitabot",
    [String(standIn.ready.apiUrl), `file:${database}`],
    { BENCH_SIGNING_SECRET: secret, CHART_THREADS: chartThreads === undefined ? "" : String(chartThreads) },
    imageNodeFlags(),
  );
  const load = await spawnChild("./burst-load.ts", "load", [String(app.ready.port), requestsFile]);
  try {
    const before = await counts(standIn);
    const cpuBefore = await cpuMs(app);
    const profile = process.env.BENCH_PROFILE;
    if (profile) await askChild(app, "profile-start", () => undefined);
    const fired = await askChild(load, "fire", (m) => m);
    const latencies = fired.latencies as number[];
    const failures = fired.failures as string[];
    if (failures.length > 0)
      throw new Error(`${failures.length} requests failed: ${[...new Set(failures)].join(", ")}`);
    const total = LEADERBOARDS + ASKS;
    const deadline = Number(fired.startedAt) + ANSWER_DEADLINE_MS + 5_000;
    let now = await counts(standIn);
    while ((now.response_url ?? 0) - (before.response_url ?? 0) < total && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      now = await counts(standIn);
      if (process.env.BENCH_DEBUG) console.error(Date.now() - Number(fired.startedAt), JSON.stringify(now));
    }
    const lastAnswerMs = Date.now() - Number(fired.startedAt);
    if (profile)
      await new Promise((resolve) => {
        app.process.once("message", resolve);
        app.process.send({
          type: "profile-stop",
          path: `${profile}-${chartThreads ?? "default"}.cpuprofile`,
        });
      });
    const stats = await askChild(app, "burst-stats", (m) => m);
    const charts = stats.charts as RunResult["charts"];
    const cpu = await cpuMs(app);
    return {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: Math.max(...latencies),
      lastAnswerMs,
      answered: (now.response_url ?? 0) - (before.response_url ?? 0),
      uploads: (now.upload ?? 0) - (before.upload ?? 0),
      maxRssMb: Number(stats.maxRssBytes) / 1_048_576,
      cpuMs: cpu - cpuBefore,
      charts,
    };
  } finally {
    await stopChild(load);
    await stopChild(app);
  }
}

function row(name: string, runs: RunResult[]): string[] {
  const med = (pick: (r: RunResult) => number, digits = 0) => fmt(median(runs.map(pick)), digits);
  return [
    name,
    med((r) => r.p50),
    med((r) => r.p99),
    med((r) => r.max),
    runs.map((r) => `${fmt(r.p99, 0)}/${fmt(r.max, 0)}`).join("  "),
    `${Math.min(...runs.map((r) => r.answered))} of ${LEADERBOARDS + ASKS}`,
    `${fmt(Math.max(...runs.map((r) => r.lastAnswerMs)) / 1000, 1)} s`,
    String(Math.min(...runs.map((r) => r.uploads))),
    med((r) => r.maxRssMb),
    med((r) => r.cpuMs / 1000, 1),
    runs.map((r) => `${r.charts.drawn}/${r.charts.reused}`).join("  "),
  ];
}

/** Runs the burst benchmark (3–6 minutes) and prints its table. */
export async function benchBurst(): Promise<void> {
  const secret = randomBytes(16).toString("hex");
  const dir = await mkdtemp(join(tmpdir(), "vitabot-bench-burst-"));
  let standIn: Child | undefined;
  try {
    const database = join(dir, "burst.db");
    await seed(database);
    standIn = await spawnChild("./slack-child.ts", "stand-in", [], { BENCH_SIGNING_SECRET: secret });
    const requestsFile = join(dir, "requests.json");
    const pool: RunResult[] = [];
    const inline: RunResult[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Signed now, so each run's timestamps are fresh.
      const requests = burstRequests(secret, String(standIn.ready.url));
      await writeFile(requestsFile, JSON.stringify(requests));
      pool.push(await burstRun(secret, standIn, database, requestsFile, undefined));
      if (WITH_INLINE) inline.push(await burstRun(secret, standIn, database, requestsFile, 0));
    }
    printTable(
      `Slack burst on a fresh process (Node.js ${process.version}, the app ${DIST ? "from dist/" : "through tsx"}, node ${imageNodeFlags().join(" ")} as in the image): ${LEADERBOARDS + ASKS} signed slash commands at once (${LEADERBOARDS} leaderboard over ${CHALLENGES} challenges of ${MEMBERS} members, ${ASKS} ask); ${RUNS} runs each, alternating; median of runs. Targets (pool): ack p99 <= 1000 ms, max <= 2500 ms, every answer within 30 s, peak RSS < 350 MB`,
      [
        "charts",
        "ack p50 ms",
        "ack p99 ms",
        "ack max ms",
        "p99/max of each run",
        "answered",
        "last answer after",
        "pictures uploaded",
        "peak RSS MB",
        "app CPU s",
        "charts drawn/reused",
      ],
      [
        row(`worker pool (CHART_THREADS unset: ${DEFAULT_CHART_THREADS})`, pool),
        ...(WITH_INLINE ? [row("inline (CHART_THREADS=0)", inline)] : []),
      ],
    );
  } finally {
    await stopChild(standIn);
    await rm(dir, { recursive: true, force: true });
  }
}
