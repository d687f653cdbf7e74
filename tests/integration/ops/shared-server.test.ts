/**
 * One HTTP server on PORT for everything: Slack's /slack/events (signature checked by
 * Bolt), Discord's /discord/interactions (Ed25519), /healthz and /metrics, with a request
 * id on every response and log line, and 503 for new work while draining.
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import { createSlackAdapter } from "../../../src/adapters/slack/slack-adapter.js";
import { type App, createApp } from "../../../src/app.js";
import { parseConfig } from "../../../src/config.js";
import { createLogger } from "../../../src/logger.js";
import { createMetrics } from "../../../src/ops/metrics.js";
import { createOps, type Ops } from "../../../src/ops/ops.js";
import { createRequestContext } from "../../../src/ops/request-context.js";
import { commandInteraction } from "../../kit/discord-payloads.js";
import { type DiscordStandIn, startDiscordStandIn } from "../../kit/discord-stand-in.js";
import { postSigned, SIGNING_SECRET, slackSignature, slashCommand } from "../../kit/slack-requests.js";
import { type SlackStandIn, startSlackStandIn, TEAM_ONE } from "../../kit/slack-stand-in.js";

const METRICS_TOKEN = "metrics-token-for-tests-0123";
const keys = generateKeyPairSync("ed25519");
const publicKeyHex = keys.publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");

let slack: SlackStandIn;
let discord: DiscordStandIn;
let app: App;
let ops: Ops;
let base: string;
const lines: Record<string, unknown>[] = [];

async function boot(): Promise<void> {
  const config = parseConfig({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: TEAM_ONE.token,
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: "test-bot-token.abc.def",
    DISCORD_PUBLIC_KEY: publicKeyHex,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
    METRICS_TOKEN,
    PORT: "0",
    DATABASE_URL: "file::memory:",
    COOLDOWN_SECONDS: "0",
  });
  const requests = createRequestContext();
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger({ level: "debug", destination, context: requests });
  const metrics = createMetrics();
  app = await createApp(config, logger, { onCommand: metrics.observeCommand });
  ops = createOps(app, { metrics, requests, serveHttp: true });
  const http = ops.http;
  if (!http) throw new Error("expected the shared server");
  for (const adapter of [
    createSlackAdapter(app, { http, retries: false }),
    createDiscordAdapter(app, { http, deferAfterMs: 150 }),
  ]) {
    app.registerAdapter(adapter);
  }
  await ops.listen("127.0.0.1");
  for (const adapter of app.adapters.values()) await adapter.start();
  base = `http://127.0.0.1:${http.address()?.port}`;
}

beforeAll(async () => {
  slack = await startSlackStandIn();
  discord = await startDiscordStandIn();
  await boot();
});
afterAll(async () => {
  for (const adapter of app?.adapters.values() ?? []) await adapter.stop();
  await ops?.close();
  await app?.close();
  await slack?.close();
  await discord?.close();
});

function signedInteraction(payload: unknown) {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), keys.privateKey).toString("hex");
  return fetch(`${base}/discord/interactions`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-signature-ed25519": signature,
      "x-signature-timestamp": timestamp,
    },
    body,
  });
}

async function slashTip() {
  const target = slack.responseUrl();
  const ack = await postSigned(
    `${base}/slack/events`,
    slashCommand({ text: "tip", response_url: target.url }),
  );
  await slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
  return ack;
}

const discordContext = () => ({
  applicationId: discord.applicationId,
  guildId: discord.guildId,
  channelId: discord.channelId,
  user: { id: "730000000000000001", username: "bo" },
});

describe("one server on PORT", () => {
  it("serves Slack and Discord side by side, each with its own signature check", async () => {
    expect(await slashTip()).toEqual({ status: 200, text: "" });
    const forged = { ...slashCommand({ text: "tip" }), secret: "not-the-signing-secret" };
    expect((await postSigned(`${base}/slack/events`, forged)).status).toBe(401);

    const pong = await signedInteraction({
      type: 1,
      id: "1",
      application_id: discord.applicationId,
      token: "t",
      version: 1,
    });
    expect(pong.status).toBe(200);
    expect(await pong.json()).toEqual({ type: 1 });
    const answer = await signedInteraction(commandInteraction(discordContext(), "tip"));
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { type: number }).type).toBe(4);
    const unsigned = await fetch(`${base}/discord/interactions`, { method: "POST", body: "{}" });
    expect(unsigned.status).toBe(401);
  });

  it("reports every component on /healthz", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      components: {
        database: { status: "ok", latencyMs: expect.any(Number) },
        slack: { status: "ok", detail: "http" },
        discord: { status: "ok", detail: "http interactions" },
        scheduler: { status: "ok", lagSeconds: 0, lastTickAt: null },
      },
    });
  });

  it("counts the commands on /metrics, behind the bearer token", async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const response = await fetch(`${base}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/vitabot_commands_total\{command="tip",platform="slack",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/vitabot_commands_total\{command="tip",platform="discord",outcome="ok"\} [1-9]/);
    expect(text).toContain("vitabot_post_queue_depth 0");
    expect(text).toContain("process_resident_memory_bytes");
  });

  it("gives each request an X-Request-Id that the log lines of its handling carry", async () => {
    const target = slack.responseUrl();
    const { body, contentType } = slashCommand({ text: "vitamin d", response_url: target.url });
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(`${base}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": slackSignature(SIGNING_SECRET, timestamp, body),
      },
      body,
    });
    expect(response.status).toBe(200);
    const id = response.headers.get("x-request-id") ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
    await expect
      .poll(() => lines.filter((l) => l.requestId === id).map((l) => l.msg))
      .toEqual(expect.arrayContaining(["http request", "answered"]));
    expect(lines.find((l) => l.msg === "answered" && l.requestId === id)).toMatchObject({
      platform: "slack",
      command: "vitamin",
    });
  });

  it("while draining refuses new work with 503 and says so on /healthz, but still serves /metrics", async () => {
    ops.beginDrain();
    const refused = await postSigned(`${base}/slack/events`, slashCommand({ text: "tip" }));
    expect(refused.status).toBe(503);
    expect(
      (
        await signedInteraction({
          type: 1,
          id: "2",
          application_id: discord.applicationId,
          token: "t",
          version: 1,
        })
      ).status,
    ).toBe(503);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { status: string }).status).toBe("draining");
    expect(
      (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status,
    ).toBe(200);
  });

  it("while draining answers 503, never 404, also once the adapters have stopped and taken their routes down", async () => {
    ops.beginDrain();
    for (const adapter of app.adapters.values()) await adapter.stop();
    const slackRequest = await postSigned(`${base}/slack/events`, slashCommand({ text: "tip" }));
    expect(slackRequest.status).toBe(503);
    const discordRequest = await signedInteraction({
      type: 1,
      id: "3",
      application_id: discord.applicationId,
      token: "t",
      version: 1,
    });
    expect(discordRequest.status).toBe(503);
    expect(discordRequest.headers.get("retry-after")).toBe("5");
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
  });
});
