/**
 * End to end through the real discord.js client: it logs in to the local stand-in
 * (HELLO, IDENTIFY -> READY, GUILD_CREATE), receives INTERACTION_CREATE for every
 * command, buttons and autocomplete, and the tests assert the callback payloads the
 * stand-in receives.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import { runnablesOf } from "../../../src/core/commands/define-command.js";
import { createDiscordTestApp } from "../../helpers/discord-app.js";
import { expectWithinDiscordLimits } from "../../helpers/discord-assert.js";
import { discordTestCommands } from "../../helpers/discord-test-commands.js";
import { type BodyJson, buttonsOf } from "../../kit/discord-json.js";
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  guildCreate,
  type InteractionContext,
  interactionContext,
  type OptionValues,
  snowflake,
} from "../../kit/discord-payloads.js";
import { type DiscordStandIn, startDiscordStandIn } from "../../kit/discord-stand-in.js";

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
const ana = { id: "710000000000000001", username: "ana" };

beforeAll(async () => {
  standIn = await startDiscordStandIn();
  const { app } = await createDiscordTestApp(standIn, { commands: discordTestCommands });
  adapter = createDiscordAdapter(app, { mode: "gateway", deferAfterMs: 150 });
  app.registerAdapter(adapter); // as npm start does, so channel posts go through this adapter
  await adapter.start();
});
afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
});

const ctx = (overrides: Partial<InteractionContext> = {}) => interactionContext(standIn, ana, overrides);

/** Dispatches an interaction and returns the body of its callback at the stand-in. */
async function callback(payload: { id: string; token: string }): Promise<BodyJson> {
  standIn.dispatch("INTERACTION_CREATE", payload);
  const path = `/interactions/${payload.id}/${payload.token}/callback`;
  return (await standIn.waitForCall((c) => c.path === path)).body;
}

describe("logging in to the stand-in", () => {
  it("identifies with Guilds, GuildMessages and DirectMessages only, and caches the guild", () => {
    expect(standIn.identifies).toHaveLength(1);
    expect(standIn.identifies[0]?.intents).toBe(1 | (1 << 9) | (1 << 12));
    expect(standIn.calls[0]).toMatchObject({ method: "GET", path: "/gateway/bot" });
    expect(adapter.client?.user?.id).toBe(standIn.bot.id);
    expect(adapter.client?.guilds.cache.get(standIn.guildId)?.available).toBe(true);
    expect(adapter.client?.channels.cache.has(standIn.channelId)).toBe(true);
    expect(adapter.health().ok).toBe(true);
  });
});

const SAMPLES: Record<string, OptionValues> = {
  ask: { question: "can low b12 cause muscle weakness" },
  vitamin: { nutrient: "vitamin-d" },
  compare: { a: "vitamin-d", b: "magnesium", c: "calcium" },
  foods: { nutrient: "calcium" },
  symptoms: { words: "weak thighs and aching bones" },
  feedback: { vote: "up" },
};
const TITLES: Record<string, RegExp> = {
  vitamin: /^Vitamin D$/,
  compare: /^Vitamin D vs Magnesium vs Calcium/,
  foods: /^Foods with Calcium$/,
  help: /vitabot/,
  tip: /tip/i,
};

describe("being added to a server", () => {
  it("posts a welcome with a Set up daily tips button in the new server, mentioning nobody", async () => {
    const guildId = snowflake();
    const channelId = snowflake();
    standIn.dispatch("GUILD_CREATE", guildCreate(guildId, channelId, standIn.bot));
    const call = await standIn.waitForCall(
      (c) => c.method === "POST" && c.path.endsWith(`/channels/${channelId}/messages`),
    );
    const body = call.body as { allowed_mentions?: unknown; components?: unknown };
    expect(JSON.stringify(body.components)).toContain("Set up daily tips");
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe("tips subscribe on Discord", () => {
  const manageChannels = (1n << 4n).toString();

  it("needs a zone, then announces in the channel and confirms with the zone and next post", async () => {
    const noZone = await callback(
      commandInteraction(ctx({ permissions: manageChannels }), "tips subscribe", { time: "09:00" }),
    );
    expect(JSON.stringify(noZone.data?.embeds)).toContain("zone:Europe/Berlin");
    const body = await callback(
      commandInteraction(ctx({ permissions: manageChannels }), "tips subscribe", {
        time: "09:00",
        zone: "Europe/Berlin",
      }),
    );
    expect(JSON.stringify(body.data?.embeds)).toContain("09:00 Europe/Berlin");
    const announced = await standIn.waitForCall(
      (c) => c.method === "POST" && c.path.endsWith(`/channels/${standIn.channelId}/messages`),
    );
    expect((announced.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it("says exactly what to fix when the bot has no access to the channel (Missing Access)", async () => {
    const closed = snowflake();
    standIn.respondOnce((c) => c.method === "POST" && c.path.endsWith(`/channels/${closed}/messages`), {
      status: 403,
      body: { code: 50001, message: "Missing Access" },
    });
    const body = await callback(
      commandInteraction(ctx({ permissions: manageChannels, channelId: closed }), "tips subscribe", {
        time: "09:00",
        zone: "UTC",
      }),
    );
    const text = JSON.stringify(body.data?.embeds);
    expect(text).toContain("I can't post in this channel yet");
    expect(text).toContain("View Channel");
  });
});

describe("every command as a slash command", () => {
  const paths = discordTestCommands
    .flatMap((c) => runnablesOf(c).map((r) => r.path))
    .filter((p) => p !== "slow" && p !== "slowfail") // both defer by design
    .filter((p) => p !== "tips setup"); // opens its modal (tests/integration/discord/forms.test.ts)
  it.each(paths)("/%s answers with one embed inside Discord's limits", async (path) => {
    const body = await callback(commandInteraction(ctx(), path, SAMPLES[path] ?? {}));
    expect(body.type).toBe(4);
    expectWithinDiscordLimits(body.data, path);
    const title = TITLES[path];
    if (title) expect(body.data?.embeds?.[0]?.title).toMatch(title);
  });

  it("answers privately (ephemeral) with the sources and disclaimer in the footer and buttons that route back", async () => {
    const body = await callback(commandInteraction(ctx(), "vitamin", { nutrient: "b12" }));
    expect(body.data?.flags).toBe(64);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(body.data?.embeds?.[0]?.footer?.text).toMatch(/^Sources: .*\n.*not medical advice/s);
    const ids = buttonsOf(body.data).map((b) => b.custom_id);
    expect(ids).toEqual([
      "vb|run|foods vitamin-b12",
      "vb|run|compare vitamin-b12 vitamin-d",
      "vb|share|vitamin vitamin-b12",
    ]);
  });

  it("replies to bad options with a friendly, private error naming what is known", async () => {
    const body = await callback(commandInteraction(ctx(), "vitamin", { nutrient: "vitamin k" }));
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(body.data?.embeds?.[0]?.title).toBe("That didn't work");
    expect(body.data?.embeds?.[0]?.description).toContain("vitamin-d, vitamin-b12");
  });

  it("understands free text typed without picking a suggestion", async () => {
    const body = await callback(commandInteraction(ctx(), "foods", { nutrient: "b12" }));
    expect(body.data?.embeds?.[0]?.title).toBe("Foods with Vitamin B12");
  });
});

describe("buttons", () => {
  it("runs a button's command line and answers privately", async () => {
    const body = await callback(buttonInteraction(ctx(), "vb|run|foods vitamin-d", standIn.bot));
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(body.data?.embeds?.[0]?.title).toBe("Foods with Vitamin D");
  });

  it("Share to channel posts the same reply for everyone, without the ephemeral flag or a Share button", async () => {
    const body = await callback(buttonInteraction(ctx(), "vb|share|vitamin vitamin-d", standIn.bot));
    expect(body.type).toBe(4);
    expect(body.data?.flags ?? 0).toBe(0);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(body.data?.embeds?.[0]?.title).toBe("Vitamin D");
    expect(JSON.stringify(body.data?.components)).not.toContain("vb|share|");
  });

  it("Share on an error answers only the presser, saying nothing was posted", async () => {
    const body = await callback(buttonInteraction(ctx(), "vb|share|vitamin no-such-nutrient", standIn.bot));
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(body.data?.embeds?.[0]?.title).toBe("That didn't work");
    expect(body.data?.embeds?.[0]?.description).toMatch(/^Nothing was posted to the channel/);
  });

  it("records 👍 feedback from the button under an answer", async () => {
    const asked = await callback(commandInteraction(ctx(), "ask", { question: "foods with magnesium" }));
    const up = buttonsOf(asked.data).find((b) => b.label?.startsWith("👍"));
    expect(up?.custom_id).toMatch(/^vb\|run\|feedback up answer:/);
    const body = await callback(buttonInteraction(ctx(), up?.custom_id ?? "", standIn.bot));
    expect(body.data?.embeds?.[0]?.title).toBe("Thanks for the feedback");
  });
});

describe("DMs and foreign buttons", () => {
  it("answers a slash command used in a DM with the bot", async () => {
    const dm = ctx({ channelId: "760000000000000001" });
    delete dm.guildId;
    const body = await callback(commandInteraction(dm, "vitamin", { nutrient: "calcium" }));
    expect(body.data?.embeds?.[0]?.title).toBe("Calcium");
  });

  it("leaves buttons vitabot did not make unanswered", async () => {
    const foreign = buttonInteraction(ctx(), "someone-else|42", standIn.bot);
    standIn.dispatch("INTERACTION_CREATE", foreign);
    await callback(commandInteraction(ctx(), "help"));
    expect(standIn.calls.some((c) => c.path.includes(foreign.token))).toBe(false);
  });
});

describe("autocomplete", () => {
  it("suggests nutrient ids for typed text, aliases and misspellings", async () => {
    const b12 = await callback(autocompleteInteraction(ctx(), "vitamin", { nutrient: "b1" }, "nutrient"));
    expect(b12).toEqual({ type: 8, data: { choices: [{ name: "Vitamin B12", value: "vitamin-b12" }] } });
    const fuzzy = await callback(autocompleteInteraction(ctx(), "compare", { a: "magnesum" }, "a"));
    expect(fuzzy.data?.choices).toContainEqual({ name: "Magnesium", value: "magnesium" });
    const all = await callback(autocompleteInteraction(ctx(), "foods", { nutrient: "" }, "nutrient"));
    expect(all.data?.choices?.map((c) => c.value)).toEqual([
      "vitamin-d",
      "vitamin-b12",
      "vitamin-e",
      "magnesium",
      "omega-3",
      "calcium",
    ]);
  });

  it("suggests IANA time zones and challenge templates inside a subcommand", async () => {
    const zones = await callback(autocompleteInteraction(ctx(), "plan set", { zone: "berl" }, "zone"));
    expect(zones.data?.choices).toContainEqual({ name: "Europe/Berlin", value: "Europe/Berlin" });
    const templates = await callback(
      autocompleteInteraction(ctx(), "plan set", { zone: "UTC", template: "walk" }, "template"),
    );
    expect(templates.data?.choices?.[0]).toEqual({
      name: "Daylight walks (14 days)",
      value: "daylight-walks",
    });
    expect(templates.data?.choices?.length).toBeLessThanOrEqual(25);
  });
});

describe("admins", () => {
  it("refuses an admin subcommand to a member without Manage Channels, clearly", async () => {
    const body = await callback(
      commandInteraction(ctx({ permissions: "1024" }), "plan set", { zone: "UTC" }),
    );
    expect(body.data?.embeds?.[0]?.description).toBe("Only channel admins can use /plan set.");
  });

  it("lets a member with Manage Channels run it", async () => {
    const body = await callback(commandInteraction(ctx({ permissions: "16" }), "plan set", { zone: "UTC" }));
    expect(body.data?.embeds?.[0]?.title).toBe("Plan set");
  });
});

describe("memory", () => {
  it("keeps no cache of the people who use it, only its own user", async () => {
    for (let i = 0; i < 5; i++) {
      const user = { id: `71000000000000010${i}`, username: `user${i}` };
      const body = await callback(commandInteraction(ctx({ user }), "vitamin", { nutrient: "vitamin-d" }));
      expect(body.type).toBe(4);
    }
    const client = adapter.client;
    expect([...(client?.users.cache.keys() ?? [])]).toEqual([standIn.bot.id]);
    const members = client?.guilds.cache.get(standIn.guildId)?.members.cache;
    expect([...(members?.keys() ?? [])].filter((id) => id !== standIn.bot.id)).toEqual([]);
  });
});
