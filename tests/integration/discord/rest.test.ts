/**
 * Discord REST against the stand-in: channel posts (allowed_mentions, rate limits,
 * permanent failures) and `vitabot discord deploy` (the registration payload).
 */
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { commandsJson } from "../../../src/adapters/discord/command-json.js";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import { runDiscordCli } from "../../../src/cli/discord.js";
import { textReply } from "../../../src/core/reply/reply.js";
import { PlatformError } from "../../../src/errors.js";
import { createDiscordTestApp, TEST_TOKEN } from "../../helpers/discord-app.js";
import { expectWithinDiscordLimits } from "../../helpers/discord-assert.js";
import { type DiscordStandIn, startDiscordStandIn } from "../../kit/discord-stand-in.js";

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;

beforeAll(async () => {
  standIn = await startDiscordStandIn();
  const { app } = await createDiscordTestApp(standIn);
  adapter = createDiscordAdapter(app, { mode: "gateway" });
  await adapter.start();
});
afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
});

const channel = (channelId: string) => ({
  platform: "discord" as const,
  workspaceId: standIn.guildId,
  channelId,
});
const postsTo = (channelId: string) =>
  standIn.calls.filter((c) => c.path === `/channels/${channelId}/messages`);

describe("post(target, reply) for scheduled posts", () => {
  it("posts an embed with allowed_mentions parse [] and the bot token, never ephemeral", async () => {
    const reply = { ...textReply("Team tip", "@everyone drink water <@123456789012>"), untrusted: true };
    await adapter.post(channel("900000000000000001"), reply);
    const [call] = postsTo("900000000000000001");
    expect(call?.authorization).toBe(`Bot ${TEST_TOKEN}`);
    expectWithinDiscordLimits(call?.body);
    expect(call?.body.flags).toBeUndefined();
    expect(call?.body.embeds?.[0]?.description).not.toMatch(/@everyone|<@\d/);
  });

  it("waits out a 429 for retry_after, then succeeds", async () => {
    const id = "900000000000000002";
    standIn.respondOnce((c) => c.path === `/channels/${id}/messages`, {
      status: 429,
      body: { message: "You are being rate limited.", retry_after: 0.3, global: false },
      headers: { "retry-after": "0.3", "x-ratelimit-scope": "user" },
    });
    await adapter.post(channel(id), textReply("Tip", "Stretch"));
    const [limited, retried] = postsTo(id);
    expect(postsTo(id)).toHaveLength(2);
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(290);
  });

  it("gives up on a long rate limit with retryAfterMs for the scheduler", async () => {
    const id = "900000000000000003";
    standIn.respondOnce((c) => c.path === `/channels/${id}/messages`, {
      status: 429,
      body: { message: "You are being rate limited.", retry_after: 30, global: false },
      headers: { "retry-after": "30" },
    });
    const error = await adapter.post(channel(id), textReply("Tip", "Stretch")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).detail).toMatchObject({ permanent: false });
    expect((error as PlatformError).detail.retryAfterMs).toBeGreaterThanOrEqual(30_000);
  });

  it.each([
    [10003, 404, "Unknown Channel"],
    [50001, 403, "Missing Access"],
    [50013, 403, "Missing Permissions"],
  ])("maps %i (%s) to a permanent PlatformError", async (code, status, message) => {
    const id = `90000000000000${code}`;
    standIn.respondOnce((c) => c.path === `/channels/${id}/messages`, { status, body: { code, message } });
    const error = await adapter.post(channel(id), textReply("Tip", "Stretch")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ code: String(code), detail: { permanent: true } });
  });
});

function io() {
  let out = "";
  let err = "";
  const stream = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _e, done) {
        append(String(chunk));
        done();
      },
    });
  return {
    stdout: stream((s) => (out += s)),
    stderr: stream((s) => (err += s)),
    out: () => out,
    err: () => err,
  };
}

describe("vitabot discord deploy", () => {
  const env = () => ({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_APPLICATION_ID: standIn.applicationId,
    DISCORD_API_URL: standIn.apiUrl,
  });

  it("bulk-overwrites the guild's commands with the payload built from commands/", async () => {
    const streams = io();
    const code = await runDiscordCli(["deploy", "--guild", standIn.guildId], streams, env());
    expect(code).toBe(0);
    const put = standIn.calls.find((c) => c.method === "PUT" && c.path.includes("/guilds/"));
    expect(put?.path).toBe(`/applications/${standIn.applicationId}/guilds/${standIn.guildId}/commands`);
    expect(put?.authorization).toBe(`Bot ${TEST_TOKEN}`);
    expect(put?.body).toEqual(JSON.parse(JSON.stringify(commandsJson(commands))));
    expect(((put?.body ?? []) as unknown as { name: string }[]).map((c) => c.name)).toEqual(
      commands.map((c) => c.name),
    );
    expect(streams.out()).toContain(`Registered ${commands.length} commands in server ${standIn.guildId}`);
  });

  it("registers globally without --guild", async () => {
    const code = await runDiscordCli(["deploy"], io(), env());
    expect(code).toBe(0);
    expect(
      standIn.calls.some(
        (c) => c.method === "PUT" && c.path === `/applications/${standIn.applicationId}/commands`,
      ),
    ).toBe(true);
  });

  it("explains what is missing instead of calling Discord", async () => {
    const streams = io();
    expect(await runDiscordCli(["deploy"], streams, { DISCORD_API_URL: standIn.apiUrl })).toBe(1);
    expect(streams.err()).toContain("DISCORD_TOKEN is required to deploy commands");
    const noApp = io();
    expect(await runDiscordCli(["deploy"], noApp, { DISCORD_TOKEN: TEST_TOKEN })).toBe(1);
    expect(noApp.err()).toContain("DISCORD_APPLICATION_ID is required");
    const badGuild = io();
    expect(await runDiscordCli(["deploy", "--guild", "my-server"], badGuild, env())).toBe(1);
    expect(badGuild.err()).toContain("numeric server id");
  });

  it("turns Discord's refusal into advice", async () => {
    standIn.respondOnce((c) => c.method === "PUT", {
      status: 403,
      body: { code: 50001, message: "Missing Access" },
    });
    const streams = io();
    expect(await runDiscordCli(["deploy", "--guild", "123456789012345678"], streams, env())).toBe(1);
    expect(streams.err()).toContain("Invite it with the applications.commands scope");
  });
});
