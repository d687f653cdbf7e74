/**
 * The 3-second rule and its failure modes, through discord.js and the stand-in: slow
 * answers defer and then edit; "Unknown interaction" (10062) and "already
 * acknowledged" (40060) are logged and never crash; mentions and DMs are answered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import { createDiscordTestApp } from "../../helpers/discord-app.js";
import { expectWithinDiscordLimits } from "../../helpers/discord-assert.js";
import { discordTestCommands, SLOW_MS } from "../../helpers/discord-test-commands.js";
import {
  botRoleIdFor,
  buttonInteraction,
  commandInteraction,
  interactionContext,
  messageCreate,
  snowflake,
} from "../../kit/discord-payloads.js";
import { type DiscordStandIn, startDiscordStandIn } from "../../kit/discord-stand-in.js";

const DEFER_AFTER_MS = 150;
let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let logLines: Record<string, unknown>[];
const ana = { id: "710000000000000002", username: "ana" };

beforeAll(async () => {
  standIn = await startDiscordStandIn();
  const created = await createDiscordTestApp(standIn, { commands: discordTestCommands });
  logLines = created.logLines;
  adapter = createDiscordAdapter(created.app, { mode: "gateway", deferAfterMs: DEFER_AFTER_MS });
  await adapter.start();
});
afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
});

const ctx = () => interactionContext(standIn, ana);

const callbackPath = (p: { id: string; token: string }) => `/interactions/${p.id}/${p.token}/callback`;

async function waitForLog(match: (line: Record<string, unknown>) => boolean) {
  return standIn.waitFor(() => logLines.find(match), 3000, "a log line");
}

describe("slow commands", () => {
  it("defers privately at once, then edits the original with the answer", async () => {
    const payload = commandInteraction(ctx(), "slow");
    const sent = standIn.dispatch("INTERACTION_CREATE", payload);
    const deferred = await standIn.waitForCall((c) => c.path === callbackPath(payload));
    expect(deferred.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(deferred.at - sent).toBeLessThan(SLOW_MS);
    const edit = await standIn.waitForCall(
      (c) =>
        c.method === "PATCH" &&
        c.path === `/webhooks/${standIn.applicationId}/${payload.token}/messages/@original`,
    );
    expect(edit.at - sent).toBeGreaterThanOrEqual(SLOW_MS - 5);
    expect(edit.body.embeds?.[0]?.title).toBe("Done at last");
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(edit.authorization).toBeUndefined();
  });

  it("answers fast commands directly, without a defer", async () => {
    const payload = commandInteraction(ctx(), "tip");
    standIn.dispatch("INTERACTION_CREATE", payload);
    const call = await standIn.waitForCall((c) => c.path === callbackPath(payload));
    expect(call.body.type).toBe(4);
    expect(standIn.calls.filter((c) => c.path.includes(payload.token))).toHaveLength(1);
  });
});

describe("expired and double-acknowledged interactions", () => {
  it.each([
    [10062, 404, "Unknown interaction"],
    [40060, 400, "Interaction has already been acknowledged."],
  ])("logs %i as a warning and keeps answering", async (code, status, message) => {
    const payload = commandInteraction(ctx(), "vitamin", { nutrient: "d" });
    standIn.respondOnce((c) => c.path === callbackPath(payload), { status, body: { code, message } });
    standIn.dispatch("INTERACTION_CREATE", payload);
    const line = await waitForLog((l) => l.code === code && l.eventId === payload.id);
    expect(line).toMatchObject({ level: 40, msg: "interaction expired or already answered", status });
    expect(JSON.stringify(line)).not.toContain(payload.token);
    const next = commandInteraction(ctx(), "help");
    standIn.dispatch("INTERACTION_CREATE", next);
    expect((await standIn.waitForCall((c) => c.path === callbackPath(next))).body.type).toBe(4);
  });

  it("survives a 10062 on the edit after a defer", async () => {
    const payload = commandInteraction(ctx(), "slow");
    standIn.respondOnce((c) => c.method === "PATCH" && c.path.includes(payload.token), {
      status: 404,
      body: { code: 10062, message: "Unknown interaction" },
    });
    standIn.dispatch("INTERACTION_CREATE", payload);
    await waitForLog((l) => l.code === 10062 && l.eventId === payload.id);
    expect(adapter.health().ok).toBe(true);
  });

  it("defers a slow Share publicly", async () => {
    const payload = buttonInteraction(ctx(), "vb|share|slow", standIn.bot);
    standIn.dispatch("INTERACTION_CREATE", payload);
    const deferred = await standIn.waitForCall((c) => c.path === callbackPath(payload));
    expect(deferred.body.type).toBe(5);
    expect(deferred.body.data?.flags ?? 0).toBe(0);
  });

  it("when a slow Share turns out an error, removes the public 'thinking…' and tells the presser privately", async () => {
    const payload = buttonInteraction(ctx(), "vb|share|slowfail", standIn.bot);
    standIn.dispatch("INTERACTION_CREATE", payload);
    const webhook = `/webhooks/${standIn.applicationId}/${payload.token}`;
    const followUp = await standIn.waitForCall((c) => c.method === "POST" && c.path === webhook);
    expect(followUp.body.flags).toBe(64);
    expect(followUp.body.embeds?.[0]?.description).toMatch(/^Nothing was posted to the channel/);
    const calls = standIn.calls.filter((c) => c.path.startsWith(webhook));
    // The public deferral is deleted before the private answer, and never edited into the error.
    expect(calls.map((c) => `${c.method} ${c.path.slice(webhook.length)}`)).toEqual([
      "DELETE /messages/@original",
      "POST ",
    ]);
  });
});

describe("mentions and DMs", () => {
  it("answers a mention with a reply to that message, pinging nobody", async () => {
    const ignored = messageCreate({
      channelId: standIn.channelId,
      guildId: standIn.guildId,
      author: ana,
      content: "vitamin d is great",
    });
    const fromBot = messageCreate({
      channelId: standIn.channelId,
      guildId: standIn.guildId,
      author: { id: "720000000000000009", username: "otherbot", bot: true },
      content: `<@${standIn.bot.id}> hello`,
      mentions: [standIn.bot],
    });
    const mention = messageCreate({
      channelId: standIn.channelId,
      guildId: standIn.guildId,
      author: ana,
      content: `<@${standIn.bot.id}> why are my legs weak`,
      mentions: [standIn.bot],
    });
    for (const m of [ignored, fromBot, mention]) standIn.dispatch("MESSAGE_CREATE", m);
    const reply = await standIn.waitForCall(
      (c) => c.method === "POST" && c.path === `/channels/${standIn.channelId}/messages`,
    );
    expect(reply.body.message_reference?.message_id).toBe(mention.id);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.body.flags ?? 0).toBe(0);
    expectWithinDiscordLimits({
      ...reply.body,
      allowed_mentions: { parse: reply.body.allowed_mentions?.parse ?? [] },
    });
    expect(reply.authorization).toBe(`Bot ${"test-bot-token.abc.def"}`);
    const replies = standIn.calls.filter((c) => c.path === `/channels/${standIn.channelId}/messages`);
    expect(replies.map((c) => c.body.message_reference?.message_id)).toEqual([mention.id]);
  });

  it("also answers when someone mentions the bot's role instead of the bot", async () => {
    const roleId = botRoleIdFor(standIn.guildId);
    const mention = messageCreate({
      channelId: standIn.channelId,
      guildId: standIn.guildId,
      author: ana,
      content: `<@&${roleId}> foods with calcium`,
      mentionRoles: [roleId],
    });
    standIn.dispatch("MESSAGE_CREATE", mention);
    const reply = await standIn.waitForCall((c) => c.body.message_reference?.message_id === mention.id);
    expect(reply.body.embeds?.[0]?.description).toMatch(/calcium/i);
  });

  it("answers a mention about self-harm by direct message only, never in the channel", async () => {
    const mention = messageCreate({
      channelId: standIn.channelId,
      guildId: standIn.guildId,
      author: ana,
      content: `<@${standIn.bot.id}> i just want to end it all`,
      mentions: [standIn.bot],
    });
    standIn.dispatch("MESSAGE_CREATE", mention);
    const opened = await standIn.waitForCall((c) => c.method === "POST" && c.path === "/users/@me/channels");
    expect(opened.body).toMatchObject({ recipient_id: ana.id });
    const dm = await standIn.waitForCall(
      (c) =>
        c.method === "POST" &&
        /^\/channels\/\d+\/messages$/.test(c.path) &&
        c.path !== `/channels/${standIn.channelId}/messages`,
    );
    expect(dm.body.embeds?.[0]?.description).toContain("a local crisis line or someone you trust");
    expect(JSON.stringify(dm.body.components ?? [])).not.toContain("vb|share|");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(standIn.calls.some((c) => c.body.message_reference?.message_id === mention.id)).toBe(false);
  });

  it("when the DM cannot be sent, says so in the channel without repeating what was written", async () => {
    standIn.respondOnce((c) => c.method === "POST" && c.path === "/users/@me/channels", {
      status: 403,
      body: { message: "Cannot send messages to this user", code: 50007 },
    });
    const mention = messageCreate({
      channelId: standIn.channelId,
      guildId: standIn.guildId,
      author: ana,
      content: `<@${standIn.bot.id}> i keep thinking about killing myself`,
      mentions: [standIn.bot],
    });
    standIn.dispatch("MESSAGE_CREATE", mention);
    const reply = await standIn.waitForCall((c) => c.body.message_reference?.message_id === mention.id);
    const said = JSON.stringify(reply.body.embeds);
    expect(said).toContain("answer you privately");
    expect(said).not.toMatch(/killing|suicid|crisis/i);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("answers a direct message in the DM channel", async () => {
    const dmChannel = snowflake();
    const dm = messageCreate({ channelId: dmChannel, author: ana, content: "foods with magnesium" });
    standIn.dispatch("MESSAGE_CREATE", dm);
    const reply = await standIn.waitForCall((c) => c.path === `/channels/${dmChannel}/messages`);
    expect(reply.body.message_reference?.message_id).toBe(dm.id);
    expect(reply.body.embeds?.[0]?.description).toMatch(/magnesium/i);
    expect(JSON.stringify(reply.body.components)).not.toContain("vb|share|");
  });
});
