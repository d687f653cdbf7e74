/**
 * `/me` on Discord, through discord.js and the stand-in: the same personal panel as
 * Slack's Home tab, only for the person (ephemeral), with the challenge's Check in
 * buttons; admins (Manage Channels) also get the server's tip channels and challenges.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeAction } from "../../../src/adapters/chat-adapter.js";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import { createDiscordTestApp } from "../../helpers/discord-app.js";
import { expectWithinDiscordLimits } from "../../helpers/discord-assert.js";
import { commandInteraction, interactionContext } from "../../kit/discord-payloads.js";
import { type DiscordStandIn, startDiscordStandIn } from "../../kit/discord-stand-in.js";

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
const admin = { id: "710000000000000011", username: "ada" };
const member = { id: "710000000000000012", username: "mo" };
/** Manage Channels: what Discord's admin commands require. */
const MANAGE_CHANNELS = String(1 << 4);

type Message = {
  flags?: number;
  embeds?: { description?: string }[];
  components?: { components: { custom_id: string; label: string }[] }[];
};

/** Sends a slash command and returns the message of its answer. */
async function run(user: typeof admin, path: string, values: Record<string, string> = {}, asAdmin = false) {
  const ctx = interactionContext(standIn, user, asAdmin ? { permissions: MANAGE_CHANNELS } : {});
  const payload = commandInteraction(ctx, path, values);
  standIn.dispatch("INTERACTION_CREATE", payload);
  const call = await standIn.waitForCall(
    (c) => c.path === `/interactions/${payload.id}/${payload.token}/callback` && c.body.type === 4,
  );
  return call.body.data as Message;
}

beforeAll(async () => {
  standIn = await startDiscordStandIn();
  const created = await createDiscordTestApp(standIn);
  adapter = createDiscordAdapter(created.app, { mode: "gateway" });
  created.app.registerAdapter?.(adapter);
  await adapter.start();
  await run(admin, "tips subscribe", { time: "09:00", zone: "Europe/Berlin" }, true);
  await run(
    admin,
    "challenge start",
    { template: "daylight-walks", name: "Lunch walks", zone: "Europe/Berlin" },
    true,
  );
  await run(member, "challenge join");
});
afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
});

describe("/me on Discord", () => {
  it("shows a member the panel's sections, only to them, with Check in buttons for their challenge", async () => {
    const message = await run(member, "me");
    expectWithinDiscordLimits(message as never);
    expect(message.flags).toBe(64);
    const text = message.embeds?.[0]?.description ?? "";
    for (const heading of ["Today's tip", "Your challenges", "Lunch walks", "Your data"])
      expect(text).toContain(heading);
    expect(text).toMatch(/Day 1 of 14/);
    expect(text).not.toContain("Channels with daily tips");
    const buttons = (message.components ?? []).flatMap((row) => row.components);
    const lines = buttons.map((b) => decodeAction(b.custom_id)?.line);
    expect(lines.some((l) => l?.startsWith("checkin outdoor-walk cid:"))).toBe(true);
    expect(lines).toEqual(expect.arrayContaining(["ask", "privacy export", "privacy forget"]));
    expect(buttons.find((b) => b.custom_id.includes("checkin outdoor-walk"))?.label).toBe(
      "Lunch walks: Check in: outdoor-walk",
    );
  });

  it("shows an admin the server's channels with daily tips and running challenges too", async () => {
    const message = await run(admin, "me", {}, true);
    const text = message.embeds?.[0]?.description ?? "";
    expect(text).toContain("Channels with daily tips");
    expect(text).toContain(`#${standIn.channelId}`);
    expect(text).toContain("Running challenges");
    expect(text).toMatch(/1 participant\b/);
    const lines = (message.components ?? [])
      .flatMap((row) => row.components)
      .map((b) => decodeAction(b.custom_id)?.line);
    expect(lines).toContain(`tips pause ch:${standIn.channelId}`);
    expect(lines.some((l) => l?.startsWith("challenge end cid:"))).toBe(true);
  });
});
