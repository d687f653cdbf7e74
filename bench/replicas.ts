/**
 * Replicas benchmark: 10,000 due tips (half Slack channels, half Discord
 * channels) on PostgreSQL, posted by 1 and by 2 real `vitabot start` processes through
 * the local stand-ins, which enforce Slack's per-channel limit (1 post a second per
 * channel, else 429 with Retry-After) and Discord's global limit (50 requests a second
 * per bot, else 429 with `retry_after` and `global: true`). Each replica gets its share
 * of Discord's budget (DISCORD_REQUESTS_PER_SECOND = 50 / replicas), as docs/scale-out.md says.
 * Time runs from the statement that makes every tip due to the last post answered; the
 * Slack and Discord halves are timed from the same runs. Everything runs on this machine
 * (stand-ins in this process, PostgreSQL, the replicas), so replicas share its cores;
 * the table gives the load average and the CPU time the replicas used.
 * BENCH_REPLICAS_TIPS=2000 runs a smaller version (while working on it).
 */
import { readFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import {
  type BotProcess,
  discordPublicKeyHex,
  makeAllDue,
  replicaChannels,
  seedSubscriptions,
  startBotProcess,
  waitUntil,
} from "../tests/kit/bot-process.js";
import { type RestCall, startDiscordStandIn } from "../tests/kit/discord-stand-in.js";
import { databaseUrl, runAsAdmin, startEmbeddedPostgres } from "../tests/kit/embedded-postgres.js";
import { type ApiCall, startSlackStandIn, TEAM_ONE } from "../tests/kit/slack-stand-in.js";
import { fmt, printTable } from "./stats.js";

const TIPS = Number(process.env.BENCH_REPLICAS_TIPS ?? 10_000);
const DISCORD_GLOBAL_PER_SECOND = 50;
const SLACK_PER_CHANNEL_GAP_MS = 1000;
const TEMPLATE = "bench_replicas_template";
/** A run that has not finished by then is reported as such (the Discord half alone needs ~100 s). */
const RUN_TIMEOUT_MS = 240_000;

/** What the stand-ins saw in one run: answered posts per channel, 429s, the last answer per platform. */
function createLimits(started: () => number) {
  const posted = new Map<string, number>();
  const lastSlackPost = new Map<string, number>();
  const stats = { slack429: 0, discord429: 0, slackDoneMs: 0, discordDoneMs: 0 };
  let windowStart = 0;
  let windowUsed = 0;
  const answered = (key: string, platform: "slack" | "discord") => {
    posted.set(key, (posted.get(key) ?? 0) + 1);
    const at = performance.now() - started();
    if (platform === "slack") stats.slackDoneMs = Math.max(stats.slackDoneMs, at);
    else stats.discordDoneMs = Math.max(stats.discordDoneMs, at);
  };
  return {
    posted,
    stats,
    slack: (call: ApiCall) => {
      if (call.method !== "chat.postMessage") return undefined;
      const channel = String(call.params.channel);
      const now = performance.now();
      const last = lastSlackPost.get(channel);
      if (last !== undefined && now - last < SLACK_PER_CHANNEL_GAP_MS) {
        stats.slack429++;
        const seconds = Math.ceil((SLACK_PER_CHANNEL_GAP_MS - (now - last)) / 1000);
        return {
          status: 429,
          body: { ok: false, error: "ratelimited" },
          headers: { "retry-after": String(seconds) },
        };
      }
      lastSlackPost.set(channel, now);
      answered(`slack:${channel}`, "slack");
      return undefined;
    },
    discord: (call: RestCall) => {
      const channel =
        call.method === "POST" ? /^\/channels\/(\d+)\/messages$/.exec(call.path)?.[1] : undefined;
      if (!channel) return undefined;
      const now = performance.now();
      if (now - windowStart >= 1000) {
        windowStart = now;
        windowUsed = 0;
      }
      if (windowUsed >= DISCORD_GLOBAL_PER_SECOND) {
        stats.discord429++;
        const seconds = (windowStart + 1000 - now) / 1000;
        return {
          status: 429,
          body: { message: "You are being rate limited.", retry_after: seconds, global: true },
          headers: {
            "retry-after": String(Math.max(1, Math.ceil(seconds))),
            "x-ratelimit-global": "true",
            "x-ratelimit-scope": "global",
          },
        };
      }
      windowUsed++;
      answered(`discord:${channel}`, "discord");
      return undefined;
    },
  };
}

interface RunResult {
  replicas: number;
  totalMs: number;
  slackMs: number;
  discordMs: number;
  posted: number;
  duplicates: number;
  slack429: number;
  discord429: number;
  finished: boolean;
  /** The machine's 1-minute load average when the posts became due. */
  load: number;
  /** CPU time the replicas used from "all due" to the end, summed. */
  replicaCpuMs: number;
}

/** A process's user + system CPU time so far (Linux /proc; NaN elsewhere). */
async function cpuMs(pid: number): Promise<number> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

const sumCpu = async (bots: readonly BotProcess[]) =>
  (await Promise.all(bots.map((bot) => cpuMs(bot.pid)))).reduce((a, b) => a + b, 0);

async function run(adminUrl: string, replicas: number, index: number, zone: string): Promise<RunResult> {
  const name = `bench_replicas_${index}`;
  await runAsAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name}`);
  await runAsAdmin(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  const url = databaseUrl(adminUrl, name);
  let t0 = 0;
  const limits = createLimits(() => t0);
  const slack = await startSlackStandIn({ record: false, intercept: limits.slack });
  const discord = await startDiscordStandIn({ intercept: limits.discord });
  const bots: BotProcess[] = [];
  try {
    const publicKey = discordPublicKeyHex();
    for (let i = 0; i < replicas; i++) {
      bots.push(
        startBotProcess(`r${i}`, {
          LOG_LEVEL: "warn",
          DATABASE_URL: url,
          SCHEDULER_TICK_SECONDS: "1",
          PORT: "0",
          SLACK_BOT_TOKEN: TEAM_ONE.token,
          SLACK_SIGNING_SECRET: "bench-signing-secret",
          SLACK_APP_TOKEN: "xapp-1-A123456-bench",
          SLACK_API_URL: slack.apiUrl,
          DISCORD_TOKEN: "bench-bot-token.abc.def",
          DISCORD_APPLICATION_ID: discord.applicationId,
          DISCORD_PUBLIC_KEY: publicKey,
          DISCORD_API_URL: discord.apiUrl,
          DISCORD_REQUESTS_PER_SECOND: String(Math.floor(DISCORD_GLOBAL_PER_SECOND / replicas)),
        }),
      );
    }
    // LOG_LEVEL=warn keeps the replicas quiet; readiness is "the Socket Mode link is up".
    await waitUntil(
      () => {
        const dead = bots.find((bot) => bot.hasExited());
        if (dead) throw new Error(`replica ${dead.name} exited: ${JSON.stringify(dead.lines.slice(-5))}`);
        return slack.connectedSockets() === replicas;
      },
      "every replica to connect",
      120_000,
    );
    const load = loadavg()[0] ?? Number.NaN;
    const cpuBefore = await sumCpu(bots);
    t0 = performance.now();
    await makeAllDue(url, zone);
    const finished = await waitUntil(() => limits.posted.size >= TIPS, `${TIPS} posts`, RUN_TIMEOUT_MS).catch(
      () => false,
    );
    const totalMs = performance.now() - t0;
    const replicaCpuMs = (await sumCpu(bots)) - cpuBefore;
    return {
      replicas,
      totalMs,
      slackMs: limits.stats.slackDoneMs,
      discordMs: limits.stats.discordDoneMs,
      posted: limits.posted.size,
      duplicates: [...limits.posted.values()].filter((n) => n > 1).length,
      slack429: limits.stats.slack429,
      discord429: limits.stats.discord429,
      finished,
      load,
      replicaCpuMs,
    };
  } finally {
    await Promise.all(bots.map((bot) => bot.stop(10_000)));
    await Promise.all([slack.close(), discord.close()]);
    await runAsAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

export async function benchReplicas(): Promise<void> {
  const server = await startEmbeddedPostgres();
  const results: RunResult[] = [];
  try {
    await runAsAdmin(server.adminUrl, `CREATE DATABASE ${TEMPLATE}`);
    const seeded = performance.now();
    const zone = await seedSubscriptions(
      databaseUrl(server.adminUrl, TEMPLATE),
      replicaChannels(TIPS, { slackTeam: TEAM_ONE.teamId, discordGuild: "900000000000000001" }),
    );
    console.log(
      `seeded ${TIPS.toLocaleString("en-US")} subscriptions in ${fmt((performance.now() - seeded) / 1000, 1)} s`,
    );
    for (const [index, replicas] of [1, 2].entries())
      results.push(await run(server.adminUrl, replicas, index, zone));
  } finally {
    await server.stop();
  }
  const seconds = (ms: number) => fmt(ms / 1000, 1);
  const half = TIPS / 2;
  const rate = (ms: number) => `${seconds(ms)} (${fmt(half / (ms / 1000), 0)}/s)`;
  printTable(
    `Replicas: ${TIPS.toLocaleString("en-US")} due tips (half Slack, half Discord) on PostgreSQL, real processes; seconds from "all due" to the last post answered`,
    [
      "replicas",
      "Discord share each",
      "load avg",
      "replicas' CPU s",
      "total s",
      "Slack half s (posts/s)",
      "Discord half s (posts/s)",
      "posted",
      "twice",
      "Slack 429s",
      "Discord 429s",
    ],
    results.map((r) => [
      String(r.replicas),
      `${Math.floor(DISCORD_GLOBAL_PER_SECOND / r.replicas)}/s`,
      fmt(r.load, 1),
      seconds(r.replicaCpuMs),
      r.finished ? seconds(r.totalMs) : `> ${seconds(r.totalMs)} (unfinished)`,
      rate(r.slackMs),
      rate(r.discordMs),
      r.posted.toLocaleString("en-US"),
      String(r.duplicates),
      String(r.slack429),
      String(r.discord429),
    ]),
  );
  const [one, two] = results;
  if (!one || !two) return;
  const ratio = (a: number, b: number) => fmt(a / b, 2);
  console.log(
    `\n2 replicas / 1 replica (time): total ${ratio(two.totalMs, one.totalMs)}, Slack half ${ratio(two.slackMs, one.slackMs)}, Discord half ${ratio(two.discordMs, one.discordMs)}; one run each.` +
      `\nThe Discord half is bound by the global limit (${half.toLocaleString("en-US")} posts at ${DISCORD_GLOBAL_PER_SECOND}/s = ${half / DISCORD_GLOBAL_PER_SECOND} s at best, however many replicas share it), so it sets the total; the Slack half shows what a second replica adds.` +
      `\nEach channel gets one tip, so Slack's per-channel limit (1 a second) is never reached; Discord's 429s come from the replicas' one-second windows (discord.js's and the queue's) not lining up with the stand-in's; each costs a 1 s global pause.` +
      `\nReplicas, stand-ins and PostgreSQL share this machine's ${cpus().length} cores (and whatever else runs: see "load avg"), so a second replica adds CPU only where cores are idle.`,
  );
}
