/**
 * SQLite mode is one process: a second `vitabot start` on the same database file says so
 * (a warning naming the first one's pid), keeps its scheduler on standby (/healthz shows
 * it), and takes the scheduler over once the first one has stopped.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type BotProcess, discordPublicKeyHex, startBotProcess, waitUntil } from "../../kit/bot-process.js";

const dir = mkdtempSync(join(tmpdir(), "vitabot-sqlite-lock-"));
const database = join(dir, "shared.db");
const bots: BotProcess[] = [];
afterAll(async () => {
  for (const bot of bots) await bot.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

async function start(name: string): Promise<{ bot: BotProcess; base: string }> {
  const bot = startBotProcess(name, {
    DATABASE_URL: `file:${database}`,
    DISCORD_PUBLIC_KEY: discordPublicKeyHex(),
    DISCORD_APPLICATION_ID: "123456789012345678",
    PORT: "0",
    SCHEDULER_TICK_SECONDS: "1",
    LOG_LEVEL: "info",
  });
  bots.push(bot);
  await bot.waitForLog((l) => l.msg === "vitabot started", "vitabot started");
  const port = bot.lines.find((l) => l.msg === "listening")?.port;
  return { bot, base: `http://127.0.0.1:${port}` };
}

async function schedulerHealth(base: string) {
  const response = await fetch(`${base}/healthz`);
  const body = (await response.json()) as { components: { scheduler: { status: string; detail?: string } } };
  return { http: response.status, ...body.components.scheduler };
}

/** Each test starts real bot processes (tsx compiles at start-up; slow on a busy machine). */
const PROCESS_TEST_TIMEOUT_MS = 120_000;

describe("two processes on one SQLite file", () => {
  it(
    "warns in the second, keeps its scheduler on standby, and hands over when the first stops",
    async () => {
      const first = await start("first");
      expect(existsSync(`${database}.lock`)).toBe(true);
      const second = await start("second");

      const warning = second.bot.lines.find(
        (l) => l.level === 40 && String(l.msg).includes("another vitabot process"),
      );
      expect(warning?.msg).toContain(`pid ${first.bot.pid}`);
      expect(warning?.msg).toContain("SQLite mode is one process");
      expect(first.bot.lines.some((l) => String(l.msg).includes("another vitabot process"))).toBe(false);

      expect(await schedulerHealth(second.base)).toMatchObject({
        http: 200,
        status: "degraded",
        detail: expect.stringContaining(`pid ${first.bot.pid}`),
      });
      await waitUntil(
        async () => (await schedulerHealth(first.base)).status === "ok",
        "the first scheduler ok",
        5000,
      );

      await first.bot.kill("SIGTERM");
      expect(await first.bot.exited).toEqual({ code: 0, signal: null });
      await second.bot.waitForLog(
        (l) => l.msg === "took over the SQLite lock: the scheduler runs here now",
        "takeover",
        10_000,
      );
      await waitUntil(
        async () => (await schedulerHealth(second.base)).status === "ok",
        "the second scheduler ok",
        5000,
      );

      await second.bot.kill("SIGTERM");
      expect(await second.bot.exited).toEqual({ code: 0, signal: null });
      expect(existsSync(`${database}.lock`)).toBe(false);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
