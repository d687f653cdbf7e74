/**
 * Real bot replicas for scale-out tests and benchmarks: `node bin/vitabot.js start` as a
 * child process with only the environment given (plus PATH and HOME), its JSON log lines
 * kept, and PostgreSQL subscriptions that are all due at once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSubscription } from "../../commands/tips/subscription.js";
import type { ChannelRef } from "../../src/core/storage-ports/storage.js";
import { localDate } from "../../src/core/time/local-time.js";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { createPostgresStorage, openPostgresDatabase } from "../../src/storage/kysely/postgres-storage.js";
import { toRow } from "../../src/storage/kysely/tip-subscriptions.js";

const LAUNCHER = join(PACKAGE_ROOT, "bin/vitabot.js");

/** One `vitabot start` process. */
export interface BotProcess {
  readonly name: string;
  readonly pid: number;
  /** Its log lines (pino JSON on stderr); anything else as `{ raw }`. */
  readonly lines: Record<string, unknown>[];
  /** Settles once the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  /** Resolves with the first log line matching `match`, polling until `timeoutMs`. */
  waitForLog(
    match: (line: Record<string, unknown>) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<void>;
  /** Sends `signal` (no-op once exited) and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** SIGTERM, then SIGKILL if still running after `graceMs`; resolves with how it exited. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Polls `check` every 20 ms until it returns something truthy, or fails after `timeoutMs`. */
export async function waitUntil<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function collectLines(stream: NodeJS.ReadableStream, into: Record<string, unknown>[]): void {
  let buffered = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        into.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        into.push({ raw: line });
      }
    }
  });
}

/**
 * Spawns `vitabot start` with `env` (and nothing else from this process but PATH and HOME),
 * or, with `script`, a TypeScript file under tests/fixtures/processes that starts the bot its own way.
 * @example const bot = startBotProcess("a", { DATABASE_URL, … }); await bot.waitForLog((l) => l.msg === "vitabot started", "start");
 */
export function startBotProcess(name: string, env: Record<string, string>, script?: string): BotProcess {
  const args = script ? ["--import", "tsx", join(PACKAGE_ROOT, script)] : [LAUNCHER, "start"];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: PACKAGE_ROOT,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? tmpdir(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Record<string, unknown>[] = [];
  if (child.stdout) collectLines(child.stdout, lines);
  if (child.stderr) collectLines(child.stderr, lines);
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  const describe = () =>
    lines
      .slice(-15)
      .map((l) => JSON.stringify(l))
      .join("\n");
  return {
    name,
    pid: child.pid ?? -1,
    lines,
    exited,
    hasExited: () => done,
    async waitForLog(match, what, timeoutMs = 60_000) {
      await waitUntil(
        () => {
          if (lines.some(match)) return true;
          if (done) throw new Error(`replica ${name} exited before ${what}`);
          return false;
        },
        `${what} from replica ${name}`,
        timeoutMs,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; its last lines:\n${describe()}`);
      });
    },
    async kill(signal) {
      if (!done) child.kill(signal);
      await exited;
    },
    async stop(graceMs = 15_000) {
      if (!done) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** A fresh Ed25519 public key as the Developer Portal shows it (64 hex characters). */
export function discordPublicKeyHex(): string {
  const { publicKey } = generateKeyPairSync("ed25519");
  return publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
}

/** A zone whose local time is at least an hour from midnight now, so "today" holds during a run. */
function zoneAwayFromMidnight(now: Date): string {
  const hour = now.getUTCHours();
  return hour >= 1 && hour <= 21 ? "UTC" : "Asia/Tokyo";
}

/**
 * Subscribes every channel (daily, at a time an hour ago; built by buildSubscription)
 * with its first run far in the future, so replicas can start before anything is due;
 * `makeAllDue` then makes them due at once, in one statement. Rows go in 1,000 at a time
 * (10,000 one by one take a while on a busy machine). Returns the zone used.
 */
export async function seedSubscriptions(
  databaseUrl: string,
  channels: readonly ChannelRef[],
): Promise<string> {
  const storage = createPostgresStorage({ url: databaseUrl });
  await storage.migrate();
  await storage.close();
  const db = openPostgresDatabase({ url: databaseUrl });
  try {
    const now = new Date();
    const zone = zoneAwayFromMidnight(now);
    const anHourAgo = new Date(now.getTime() - 3_600_000);
    const time = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(anHourAgo);
    const schedule = { time, zone, days: [1, 2, 3, 4, 5, 6, 7], skip: [] };
    const rows = channels.map((channel) =>
      toRow({
        ...buildSubscription({ channel, schedule, theme: null, createdBy: "U1", now }),
        nextRunAt: now.getTime() + 24 * 3_600_000,
      }),
    );
    for (let i = 0; i < rows.length; i += 1000) {
      await db
        .insertInto("subscriptions")
        .values(rows.slice(i, i + 1000))
        .execute();
    }
    return zone;
  } finally {
    await db.destroy();
  }
}

/**
 * Makes every subscription (all in `zone`) due now, for today's local date, or only
 * those of the given workspaces (Slack teams, Discord guilds). Returns the time.
 */
export async function makeAllDue(
  databaseUrl: string,
  zone: string,
  workspaces?: readonly string[],
): Promise<number> {
  const db = openPostgresDatabase({ url: databaseUrl });
  try {
    const now = new Date();
    let update = db
      .updateTable("subscriptions")
      .set({ next_run_at: now.getTime() - 1000, next_run_date: localDate(now, zone) });
    if (workspaces) update = update.where("workspace_id", "in", [...workspaces]);
    await update.execute();
    return now.getTime();
  } finally {
    await db.destroy();
  }
}

/** Where `replicaChannels` puts its channels; `from` numbers them, so batches never share a channel. */
export interface ChannelBatch {
  slackTeam: string;
  discordGuild: string;
  from?: number;
  /** The share on Slack (default half); the rest are Discord channels. */
  slackShare?: number;
}

/** `count` channels: the first share on Slack, the rest on Discord. */
export function replicaChannels(count: number, batch: ChannelBatch): ChannelRef[] {
  const from = batch.from ?? 0;
  const slack = Math.round(count * (batch.slackShare ?? 0.5));
  return Array.from({ length: count }, (_, i): ChannelRef => {
    const n = from + i;
    if (i < slack)
      return { platform: "slack", workspaceId: batch.slackTeam, channelId: `C${String(n).padStart(6, "0")}` };
    return {
      platform: "discord",
      workspaceId: batch.discordGuild,
      channelId: String(800000000000000000n + BigInt(n)),
    };
  });
}
