/**
 * Graceful stop of a real `vitabot start` process (Slack HTTP mode against the local
 * stand-in): on SIGTERM it stops taking work, says "draining" on /healthz, lets an
 * acknowledged slash command's answer reach its response_url, and exits 0 within 8 s;
 * if draining hangs, a deadline ends it with a non-zero code and a log line.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, startBotProcess, waitUntil } from "../kit/bot-process.js";
import { postSigned, SIGNING_SECRET, slashCommand } from "../kit/slack-requests.js";
import { type SlackStandIn, startSlackStandIn, TEAM_ONE } from "../kit/slack-stand-in.js";

const STOP_WITHIN_MS = 8000;

/** A response_url that holds each answer for `holdMs` before accepting it (forever when undefined). */
async function slowResponseUrl(holdMs: number | undefined) {
  const received: { at: number; body: string }[] = [];
  const delivered: { at: number; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      received.push({ at: Date.now(), body });
      if (holdMs === undefined) return;
      setTimeout(() => {
        res.once("finish", () => delivered.push({ at: Date.now(), body }));
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"ok":true}');
      }, holdMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/respond/1`,
    received,
    delivered,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let slack: SlackStandIn;
let dir: string;
let bot: BotProcess | undefined;
let responder: Awaited<ReturnType<typeof slowResponseUrl>> | undefined;

beforeAll(async () => {
  slack = await startSlackStandIn();
  dir = mkdtempSync(join(tmpdir(), "vitabot-stop-"));
});
afterEach(async () => {
  await bot?.kill("SIGKILL");
  await responder?.close();
  bot = undefined;
  responder = undefined;
});
afterAll(async () => {
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the bot on a free port and waits until /healthz says 200; returns its base URL. */
async function startBot(name: string): Promise<{ bot: BotProcess; base: string }> {
  const started = startBotProcess(name, {
    DATABASE_URL: `file:${join(dir, `${name}.db`)}`,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: TEAM_ONE.token,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    COOLDOWN_SECONDS: "0",
    LOG_LEVEL: "info",
  });
  bot = started;
  await started.waitForLog((l) => l.msg === "listening" && typeof l.port === "number", "listening");
  const port = started.lines.find((l) => l.msg === "listening")?.port as number;
  const base = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${base}/healthz`)).status === 200, "/healthz 200", 30_000);
  await started.waitForLog((l) => l.msg === "vitabot started", "vitabot started");
  return { bot: started, base };
}

/** Sends `/vitabot tip` answered through `responseUrl`; resolves with the ack. */
function slashTip(base: string, responseUrl: string) {
  return postSigned(`${base}/slack/events`, slashCommand({ text: "tip", response_url: responseUrl }));
}

/** Each test starts real bot processes (tsx compiles at start-up; slow on a busy machine). */
const PROCESS_TEST_TIMEOUT_MS = 120_000;

describe("vitabot start: graceful stop on SIGTERM", () => {
  it(
    "drains: /healthz says 503, the acknowledged answer still goes out, and it exits 0 within 8 s",
    async () => {
      responder = await slowResponseUrl(2000);
      const running = await startBot("drain");
      expect(await slashTip(running.base, responder.url)).toEqual({ status: 200, text: "" });
      const slow = responder;
      await waitUntil(() => slow.received.length === 1, "the answer to reach the response_url", 10_000);

      const signalledAt = Date.now();
      process.kill(running.bot.pid, "SIGTERM");
      const draining = await waitUntil(
        async () => {
          const health = await fetch(`${running.base}/healthz`);
          return health.status === 503 ? ((await health.json()) as { status: string }) : undefined;
        },
        "/healthz to say draining",
        1500,
      );
      expect(draining.status).toBe("draining");
      const refused = await slashTip(running.base, responder.url);
      expect(refused.status).toBe(503);

      const exit = await running.bot.exited;
      const stoppedAt = Date.now();
      expect(exit).toEqual({ code: 0, signal: null });
      expect(stoppedAt - signalledAt).toBeLessThan(STOP_WITHIN_MS);
      expect(responder.delivered).toHaveLength(1);
      expect(JSON.parse(responder.delivered[0]?.body ?? "{}")).toMatchObject({ response_type: "ephemeral" });
      expect(responder.delivered[0]?.at ?? Infinity).toBeLessThanOrEqual(stoppedAt);
      expect(responder.received).toHaveLength(1);
      expect(running.bot.lines.some((l) => l.msg === "vitabot stopping" && l.reason === "SIGTERM")).toBe(
        true,
      );
      expect(running.bot.lines.filter((l) => typeof l.level === "number" && l.level >= 50)).toEqual([]);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    "gives up when draining hangs: logs the step and exits non-zero before 8 s",
    async () => {
      responder = await slowResponseUrl(undefined);
      const running = await startBot("hang");
      expect((await slashTip(running.base, responder.url)).status).toBe(200);
      const held = responder;
      await waitUntil(() => held.received.length === 1, "the answer to reach the response_url", 10_000);

      const signalledAt = Date.now();
      process.kill(running.bot.pid, "SIGTERM");
      const exit = await running.bot.exited;
      const elapsed = Date.now() - signalledAt;
      expect(exit.code).toBe(1);
      expect(elapsed).toBeLessThan(STOP_WITHIN_MS);
      expect(elapsed).toBeGreaterThan(5000);
      expect(running.bot.lines).toContainEqual(
        expect.objectContaining({
          msg: "shutdown deadline passed while draining: exiting now",
          step: "slack adapter",
        }),
      );
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
