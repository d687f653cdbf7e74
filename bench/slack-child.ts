/**
 * One process of the Slack benchmark, started by bench/slack.ts with a role:
 * `stand-in` (Slack's Web API and response_url, counting calls), `vitabot` (the real
 * app and Slack adapter), or `bare` (a Bolt app whose handler only acks: the ceiling).
 * It reports its port over IPC and answers `counts` requests; 127.0.0.1 only.
 */

import { writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { Session } from "node:inspector/promises";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { App as BoltApp, LogLevel } from "@slack/bolt";
import { createResponder } from "../src/adapters/slack/respond.js";
import { createSlackAdapter } from "../src/adapters/slack/slack-adapter.js";
import { createApp } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { warmAnswersInBackground } from "../src/ops/warm-answers.js";
import { startSlackStandIn, TEAM_ONE } from "../tests/kit/slack-stand-in.js";

const [role = "", apiUrl = "", databaseArg = ""] = process.argv.slice(2);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? databaseArg;
const SECRET = process.env.BENCH_SIGNING_SECRET ?? "";
const send = (message: Record<string, unknown>) => process.send?.(message);

// Every role reports its CPU time and event-loop delay on request.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
process.on("message", (message: { type?: string }) => {
  if (message.type === "cpu") {
    send({
      type: "cpu",
      usage: process.cpuUsage(),
      loopMaxMs: loopDelay.max / 1e6,
      loopP99Ms: loopDelay.percentile(99) / 1e6,
    });
    loopDelay.reset();
  }
});

// `profile-start` / `profile-stop {path}`: a CPU profile of the steady state only (not start-up).
const inspector = new Session();
process.on("message", async (message: { type?: string; path?: string }) => {
  if (message.type === "profile-start") {
    inspector.connect();
    await inspector.post("Profiler.enable");
    await inspector.post("Profiler.setSamplingInterval", { interval: 250 });
    await inspector.post("Profiler.start");
    send({ type: "profile-start" });
  } else if (message.type === "profile-stop") {
    const { profile } = await inspector.post("Profiler.stop");
    if (message.path) writeFileSync(message.path, JSON.stringify(profile));
    inspector.disconnect();
    send({ type: "profile-stop" });
  }
});

async function standIn(): Promise<void> {
  const slack = await startSlackStandIn({ record: false });
  process.on("message", (message: { type?: string }) => {
    if (message.type === "counts") send({ type: "counts", counts: Object.fromEntries(slack.counts) });
  });
  send({ type: "ready", url: slack.url, apiUrl: slack.apiUrl });
}

async function vitabot(): Promise<void> {
  const config = parseConfig({
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: TEAM_ONE.token,
    SLACK_API_URL: apiUrl,
    PORT: "0",
    DATABASE_URL: databaseUrl,
    COOLDOWN_SECONDS: "0",
    LOG_LEVEL: "warn",
    // bench/burst.ts compares the chart pool with charts drawn inline (0).
    CHART_THREADS: process.env.CHART_THREADS ?? "",
  });
  const app = await createApp(config, createLogger({ level: "warn" }));
  const adapter = createSlackAdapter(app, { host: "127.0.0.1", retries: false });
  app.registerAdapter(adapter);
  await adapter.start();
  warmAnswersInBackground(app.knowledge.engine); // as npm start does
  process.on("message", (message: { type?: string }) => {
    if (message.type === "engine-stats")
      send({ type: "engine-stats", stats: app.knowledge.engine.termCacheStats() });
    // Peak resident memory of the whole process (worker threads included), and the chart pool's counts.
    if (message.type === "burst-stats")
      send({
        type: "burst-stats",
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
        charts: app.charts.stats(),
      });
  });
  send({ type: "ready", port: adapter.port });
}

/** Bolt's App for the two bare roles, against the stand-in's Web API. */
function bareBolt(): BoltApp {
  return new BoltApp({
    signingSecret: SECRET,
    token: TEAM_ONE.token,
    botId: TEAM_ONE.botId,
    botUserId: TEAM_ONE.botUserId,
    clientOptions: { slackApiUrl: `${apiUrl}/` },
    logLevel: LogLevel.ERROR,
  });
}

async function listen(bolt: BoltApp): Promise<void> {
  const server = (await bolt.start({ port: 0, host: "127.0.0.1" })) as Server;
  send({ type: "ready", port: (server.address() as AddressInfo).port });
}

/** The ceiling: a handler that only acks. */
async function bare(): Promise<void> {
  const bolt = bareBolt();
  bolt.command("/vitabot", async ({ ack }) => {
    await ack();
  });
  await listen(bolt);
}

const CONSTANT_ANSWER =
  "Vitamin D: a constant answer, the same every time. General information, not medical advice.";

/**
 * The least any app can do that acks first and then answers through response_url, as
 * the issue asks: ack, then POST one constant message (vitabot's own response_url
 * client, kept-alive connections). No parsing, engine, storage or rendering.
 */
async function bareRespond(): Promise<void> {
  const bolt = bareBolt();
  const responder = createResponder();
  const message = { text: CONSTANT_ANSWER, response_type: "ephemeral" as const };
  bolt.command("/vitabot", async ({ ack, command }) => {
    await ack();
    await responder.respond(command.response_url, message);
  });
  await listen(bolt);
}

const roles: Record<string, () => Promise<void>> = {
  "stand-in": standIn,
  vitabot,
  bare,
  "bare-respond": bareRespond,
};
const run = roles[role];
if (!run) {
  console.error(`unknown role "${role}"`);
  process.exit(2);
}
await run();
process.on("disconnect", () => process.exit(0));
