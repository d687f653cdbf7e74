/**
 * Charts and files on Discord, end to end through the stand-in, which parses
 * multipart/form-data like Discord (`payload_json` + `files[i]`): ephemeral interaction
 * replies carry the PNG in gateway mode; HTTP interactions defer (type 5) and send it in
 * the webhook edit; channel posts over REST carry it too. The embed shows the picture
 * through `attachment://` and its text version; the attachment's description is the alt text.
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import {
  chartReply,
  chartTestCommands,
  PNG_SIGNATURE,
  pngSize,
  TEST_CSV,
  testChart,
} from "../../helpers/chart-commands.js";
import { createDiscordTestApp } from "../../helpers/discord-app.js";
import { expectWithinDiscordLimits } from "../../helpers/discord-assert.js";
import type { BodyJson, MessageJson } from "../../kit/discord-json.js";
import { commandInteraction, interactionContext, snowflake } from "../../kit/discord-payloads.js";
import { type DiscordStandIn, type RestCall, startDiscordStandIn } from "../../kit/discord-stand-in.js";

const keys = generateKeyPairSync("ed25519");
const publicKeyHex = keys.publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");

let standIn: DiscordStandIn;
let gateway: DiscordAdapter;
let gatewayLog: Record<string, unknown>[];
let http: DiscordAdapter;
let interactionsUrl: string;

beforeAll(async () => {
  standIn = await startDiscordStandIn();
  await testChart();
  const gatewayApp = await createDiscordTestApp(standIn, { commands: chartTestCommands });
  gatewayLog = gatewayApp.logLines;
  // A generous defer threshold: in gateway mode the chart goes in the first reply itself.
  gateway = createDiscordAdapter(gatewayApp.app, { mode: "gateway", deferAfterMs: 2000 });
  await gateway.start();
  const httpApp = await createDiscordTestApp(standIn, {
    commands: chartTestCommands,
    env: { DISCORD_PUBLIC_KEY: publicKeyHex },
  });
  http = createDiscordAdapter(httpApp.app, { port: 0, host: "127.0.0.1", deferAfterMs: 2000 });
  await http.start();
  interactionsUrl = `http://127.0.0.1:${http.address()?.port}/discord/interactions`;
}, 60_000);
afterAll(async () => {
  await gateway?.stop();
  await http?.stop();
  await standIn?.close();
});

const ctx = () => interactionContext(standIn, { id: "740000000000000001", username: "cy" });

/** Fails unless the call uploaded the chart as files[0] with its alt text, shown in the embed. */
async function expectChartAttached(call: RestCall, message: MessageJson | undefined) {
  const chart = await testChart();
  expect(call.contentType).toMatch(/^multipart\/form-data; boundary=/);
  expect(call.files).toHaveLength(1);
  const [file] = call.files;
  expect(file).toMatchObject({ field: "files[0]", name: "chart.png", contentType: "image/png" });
  expect(file?.data.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(file?.data.length).toBe(chart.png.length);
  expect(file?.data.equals(chart.png)).toBe(true);
  expect(pngSize(file?.data ?? new Uint8Array(24))).toEqual({ width: chart.width, height: chart.height });
  // files[0] is declared as attachment "0": a snowflake string, as Discord's schema types it,
  // in every path (discord.js on the gateway, our own REST calls for channel posts and edits).
  expect(message?.attachments).toHaveLength(1);
  expect(message?.attachments?.[0]?.id).toBe("0");
  expect(message?.attachments?.[0]?.description).toBe(chart.alt);
  const embed = message?.embeds?.[0];
  expect(embed?.image).toEqual({ url: "attachment://chart.png" });
  expect(embed?.description).toContain("```\nDaylight walks: standings\n1. Ana: 30 pts (streak 10 days)");
  expectWithinDiscordLimits(message);
}

describe("gateway mode", () => {
  it("answers an ephemeral command with the PNG attached to the reply itself", async () => {
    const payload = commandInteraction(ctx(), "chart-test");
    standIn.dispatch("INTERACTION_CREATE", payload);
    const call = await standIn.waitForCall(
      (c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`,
    );
    expect(call.body.type).toBe(4);
    expect(call.body.data?.flags).toBe(64);
    await expectChartAttached(call, call.body.data);
  });

  it("attaches a CSV export to the ephemeral reply, byte for byte, described by its title", async () => {
    const payload = commandInteraction(ctx(), "export-test");
    standIn.dispatch("INTERACTION_CREATE", payload);
    const call = await standIn.waitForCall(
      (c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`,
    );
    expect(call.body.data?.flags).toBe(64);
    expect(call.files.map((f) => f.name)).toEqual(["checkins.csv"]);
    expect(call.files[0]?.data.toString("utf8")).toBe(TEST_CSV.content);
    expect(call.body.data?.attachments?.[0]?.description).toBe(TEST_CSV.title);
    expect(call.body.data?.embeds?.[0]?.image).toBeUndefined();
  });

  it("posts a channel message with the chart over REST, for everyone", async () => {
    const channelId = standIn.channelId;
    const before = standIn.calls.length;
    await gateway.post(
      { platform: "discord", workspaceId: standIn.guildId, channelId },
      await chartReply("channel"),
    );
    const call = standIn.calls
      .slice(before)
      .find((c) => c.method === "POST" && c.path === `/channels/${channelId}/messages`);
    expect(call).toBeDefined();
    expect(call?.body.flags).toBeUndefined();
    await expectChartAttached(call as RestCall, call?.body);
  });

  it("posts the text version without files when Discord refuses them (no Attach Files), with a warning", async () => {
    const channelId = snowflake();
    const path = `/channels/${channelId}/messages`;
    standIn.respondOnce((c) => c.method === "POST" && c.path === path && c.files.length > 0, {
      status: 403,
      body: { code: 50013, message: "Missing Permissions" },
    });
    const target = { platform: "discord", workspaceId: standIn.guildId, channelId } as const;
    await expect(gateway.post(target, await chartReply("channel"))).resolves.toBeUndefined();
    const posts = standIn.calls.filter((c) => c.method === "POST" && c.path === path);
    expect(posts.map((c) => c.files.length)).toEqual([1, 0]);
    const [embed] = posts[1]?.body.embeds ?? [];
    expect(embed?.image).toBeUndefined();
    expect(embed?.description).toContain("1. Ana: 30 pts (streak 10 days)");
    expect(posts[1]?.body.attachments).toBeUndefined();
    expect(gatewayLog.some((l) => l.code === 50013 && l.channelId === channelId && l.level === 40)).toBe(
      true,
    );
  });
});

describe("HTTP interactions mode", () => {
  async function post(payload: unknown) {
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), keys.privateKey).toString("hex");
    const headers = {
      "content-type": "application/json",
      "x-signature-ed25519": signature,
      "x-signature-timestamp": timestamp,
    };
    const res = await fetch(interactionsUrl, { method: "POST", headers, body });
    return (await res.json()) as BodyJson;
  }

  it("defers (type 5, ephemeral) and sends the PNG in the multipart webhook edit", async () => {
    const payload = commandInteraction(ctx(), "chart-test");
    expect(await post(payload)).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await standIn.waitForCall((c) => c.method === "PATCH" && c.path.includes(payload.token));
    expect(edit.path).toBe(`/webhooks/${standIn.applicationId}/${payload.token}/messages/@original`);
    expect(edit.authorization).toBeUndefined();
    await expectChartAttached(edit, edit.body);
  });

  it("still answers a command without files in the HTTP response itself (type 4, JSON)", async () => {
    const payload = commandInteraction(ctx(), "vitamin", { nutrient: "vitamin-d" });
    const response = await post(payload);
    expect(response.type).toBe(4);
    expect(response.data?.attachments).toBeUndefined();
    expect(JSON.stringify(response)).not.toContain("attachment://");
  });
});
