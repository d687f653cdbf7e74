/**
 * HTTP interactions mode end to end: signed requests to POST /discord/interactions on
 * 127.0.0.1, badly signed ones refused with 401, and deferred answers edited through
 * the stand-in's webhook route.
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import { createDiscordTestApp } from "../../helpers/discord-app.js";
import { expectWithinDiscordLimits } from "../../helpers/discord-assert.js";
import { discordTestCommands, SLOW_MS } from "../../helpers/discord-test-commands.js";
import type { BodyJson } from "../../kit/discord-json.js";
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  interactionContext,
} from "../../kit/discord-payloads.js";
import { type DiscordStandIn, startDiscordStandIn } from "../../kit/discord-stand-in.js";

const keys = generateKeyPairSync("ed25519");
const stranger = generateKeyPairSync("ed25519");
/** The raw 32-byte key as the Developer Portal shows it: the tail of the SPKI DER. */
const publicKeyHex = keys.publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let url: string;
let logLines: Record<string, unknown>[];

beforeAll(async () => {
  standIn = await startDiscordStandIn();
  const created = await createDiscordTestApp(standIn, {
    commands: discordTestCommands,
    env: { DISCORD_PUBLIC_KEY: publicKeyHex },
  });
  logLines = created.logLines;
  adapter = createDiscordAdapter(created.app, { port: 0, host: "127.0.0.1", deferAfterMs: 150 });
  await adapter.start();
  url = `http://127.0.0.1:${adapter.address()?.port}/discord/interactions`;
});
afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
});

const ctx = () => interactionContext(standIn, { id: "730000000000000001", username: "bo" });

async function post(
  payload: unknown,
  options: { key?: KeyObject; tamper?: boolean; headers?: boolean } = {},
) {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), options.key ?? keys.privateKey).toString("hex");
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.headers !== false) {
    headers["x-signature-ed25519"] = signature;
    headers["x-signature-timestamp"] = timestamp;
  }
  const sent = options.tamper ? body.replace("vitamin", "vitamim") : body;
  const res = await fetch(url, { method: "POST", headers, body: sent });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as BodyJson };
}

describe("POST /discord/interactions", () => {
  it("chooses HTTP mode because DISCORD_PUBLIC_KEY is set, and answers a signed PING with PONG", async () => {
    expect(adapter.mode).toBe("http");
    expect(
      await post({ type: 1, id: "1", application_id: standIn.applicationId, token: "t", version: 1 }),
    ).toEqual({
      status: 200,
      body: { type: 1 },
    });
  });

  it.each([
    ["signed with another key", { key: stranger.privateKey }],
    ["with a tampered body", { tamper: true }],
    ["without signature headers", { headers: false }],
  ])("refuses a request %s with 401", async (_what, options) => {
    const result = await post(commandInteraction(ctx(), "vitamin", { nutrient: "d" }), options);
    expect(result.status).toBe(401);
    expect(standIn.calls.filter((c) => c.path.startsWith("/webhooks"))).toHaveLength(0);
  });

  it("runs a command and answers with the message in the HTTP response (type 4)", async () => {
    const { status, body } = await post(commandInteraction(ctx(), "vitamin", { nutrient: "magnesium" }));
    expect(status).toBe(200);
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(body.data?.embeds?.[0]?.title).toBe("Magnesium");
    expectWithinDiscordLimits(body.data);
  });

  it("shares publicly from a button and autocompletes nutrients", async () => {
    const shared = await post(buttonInteraction(ctx(), "vb|share|foods omega-3", standIn.bot));
    expect(shared.body.type).toBe(4);
    expect(shared.body.data?.flags).toBeUndefined();
    expect(shared.body.data?.embeds?.[0]?.title).toBe("Foods with Omega-3 fatty acids");
    const suggestions = await post(
      autocompleteInteraction(ctx(), "vitamin", { nutrient: "calc" }, "nutrient"),
    );
    expect(suggestions.body.type).toBe(8);
    // "calc" names calcium, and is also the start of vitamin D's alias calciferol, ranked after it.
    expect(suggestions.body.data?.choices?.map((c) => c.value)).toEqual(["calcium", "vitamin-d"]);
  });

  it("defers a slow command (type 5) and edits the original over the webhook", async () => {
    const payload = commandInteraction(ctx(), "slow");
    const started = performance.now();
    const { body } = await post(payload);
    expect(body).toEqual({ type: 5, data: { flags: 64 } });
    expect(performance.now() - started).toBeLessThan(SLOW_MS);
    const edit = await standIn.waitForCall((c) => c.method === "PATCH" && c.path.includes(payload.token));
    expect(edit.path).toBe(`/webhooks/${standIn.applicationId}/${payload.token}/messages/@original`);
    expect(edit.authorization).toBeUndefined();
    expect(edit.body.embeds?.[0]?.title).toBe("Done at last");
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  it("a slow Share that turns out an error: the public deferral is deleted, the presser told privately", async () => {
    const payload = buttonInteraction(ctx(), "vb|share|slowfail", standIn.bot);
    const { body } = await post(payload);
    expect(body.type).toBe(5);
    expect(body.data?.flags ?? 0).toBe(0);
    const webhook = `/webhooks/${standIn.applicationId}/${payload.token}`;
    const followUp = await standIn.waitForCall((c) => c.method === "POST" && c.path === webhook);
    expect(followUp.authorization).toBeUndefined();
    expect(followUp.body.flags).toBe(64);
    expect(followUp.body.embeds?.[0]?.description).toMatch(/^Nothing was posted to the channel/);
    const calls = standIn.calls.filter((c) => c.path.startsWith(webhook));
    expect(calls.map((c) => `${c.method} ${c.path.slice(webhook.length)}`)).toEqual([
      "DELETE /messages/@original",
      "POST ",
    ]);
  });

  it("logs a 10062 on the edit after a defer as a warning, without the token", async () => {
    const payload = commandInteraction(ctx(), "slow");
    standIn.respondOnce((c) => c.method === "PATCH" && c.path.includes(payload.token), {
      status: 404,
      body: { code: 10062, message: "Unknown interaction" },
    });
    expect((await post(payload)).body.type).toBe(5);
    const line = await standIn.waitFor(() =>
      logLines.find((l) => l.eventId === payload.id && l.code === 10062),
    );
    expect(line).toMatchObject({ level: 40, msg: "interaction expired or already answered" });
    expect(JSON.stringify(logLines)).not.toContain(payload.token);
  });

  it("answers 404 elsewhere and 405 to other methods", async () => {
    expect((await fetch(url.replace("/discord/interactions", "/other"), { method: "POST" })).status).toBe(
      404,
    );
    expect((await fetch(url)).status).toBe(405);
  });
});
