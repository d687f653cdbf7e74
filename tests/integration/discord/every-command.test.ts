/**
 * Every registered command and subcommand over real HTTP, the way Discord sends it:
 * with nothing typed (Discord then omits `data.options`) and with every visible option
 * filled, in a guild and, where the command is offered there, in a DM (`user`, no
 * `member`, no `guild_id`). The list comes from the registry through the same
 * registration JSON Discord gets, never from a hand-kept list, so a new command is
 * covered the day it is added.
 */
import type { APIApplicationCommandBasicOption } from "discord.js";
import { ApplicationCommandOptionType, InteractionContextType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandJson } from "../../../src/adapters/discord/command-json.js";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import type { App } from "../../../src/app.js";
import type { OptionDef } from "../../../src/core/commands/define-command.js";
import { createDiscordTestApp } from "../../helpers/discord-app.js";
import {
  expectModalWithinLimits,
  expectWithinDiscordLimits,
  type ModalJson,
} from "../../helpers/discord-assert.js";
import { interactionKeys, postInteraction } from "../../helpers/discord-http.js";
import type { MessageJson } from "../../kit/discord-json.js";
import {
  autocompleteInteraction,
  commandInteraction,
  type InteractionContext,
  interactionContext,
  type OptionValues,
} from "../../kit/discord-payloads.js";
import { type DiscordStandIn, startDiscordStandIn } from "../../kit/discord-stand-in.js";

const keys = interactionKeys();
const admin = { id: "750000000000000001", username: "dee" };

let standIn: DiscordStandIn;
let app: App;
let adapter: DiscordAdapter;
let url: string;
let logLines: Record<string, unknown>[];

beforeAll(async () => {
  standIn = await startDiscordStandIn();
  const created = await createDiscordTestApp(standIn, {
    env: { DISCORD_PUBLIC_KEY: keys.publicKeyHex, ADMIN_USER_IDS: `discord:${admin.id}` },
  });
  app = created.app;
  logLines = created.logLines;
  adapter = createDiscordAdapter(app, { port: 0, host: "127.0.0.1", deferAfterMs: 1500 });
  await adapter.start();
  url = `http://127.0.0.1:${adapter.address()?.port}/discord/interactions`;
}, 60_000);
afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
});

/** One invocable path (`vitamin`, `tips subscribe`) with its visible options and where it is offered. */
interface Invocable {
  path: string;
  options: readonly APIApplicationCommandBasicOption[];
  inDms: boolean;
}

/** Every path Discord shows, read from the registration JSON the registry produces. */
function invocables(): Invocable[] {
  return app.registry.commands.flatMap((command) => {
    const json = commandJson(command);
    const inDms = json.contexts?.includes(InteractionContextType.BotDM) === true;
    const subs = (json.options ?? []).filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
    if (subs.length === 0) {
      return [
        { path: json.name, options: (json.options ?? []) as APIApplicationCommandBasicOption[], inDms },
      ];
    }
    return subs.map((sub) => ({
      path: `${json.name} ${sub.name}`,
      options: (sub.options ?? []) as APIApplicationCommandBasicOption[],
      inDms,
    }));
  });
}

/** The definition behind a registered option, for its autocomplete source. */
function definitionOf(path: string, name: string): OptionDef | undefined {
  const [command = "", sub] = path.split(" ");
  const definition = app.registry.get(command);
  const runnable = sub ? definition?.subcommands?.[sub] : definition?.runnable;
  return runnable?.options[name];
}

/** A value a person could pick for the option: the first choice, a real id, a short text. */
function valueFor(path: string, option: APIApplicationCommandBasicOption): string | number {
  if ("choices" in option && option.choices?.[0]) return option.choices[0].value;
  if (option.type === ApplicationCommandOptionType.Integer) return 1;
  const source = definitionOf(path, option.name)?.autocomplete;
  if (source === "nutrient") return "vitamin-d";
  if (source === "zone") return "Europe/Berlin";
  if (source === "template") return app.knowledge.content.challenges[0]?.id ?? "";
  return "vitamin d";
}

function filled(invocable: Invocable): OptionValues {
  return Object.fromEntries(invocable.options.map((o) => [o.name, valueFor(invocable.path, o)]));
}

/**
 * The answer Discord would show: the HTTP response's message, or the webhook edit after a
 * defer; a form opener (`/tips setup`, `/challenge new`, `/ask` with nothing typed) answers
 * with its modal (type 9), checked here.
 */
async function answerTo(payload: ReturnType<typeof commandInteraction>): Promise<MessageJson | "modal"> {
  const { status, body } = await postInteraction(url, payload, { key: keys.privateKey });
  expect(status, JSON.stringify(body)).toBe(200);
  expect([4, 5, 9]).toContain(body.type);
  if (body.type === 9) {
    expectModalWithinLimits(body.data as unknown as ModalJson, payload.data.name);
    return "modal";
  }
  if (body.type === 4) return body.data ?? {};
  const edit = await standIn.waitForCall((c) => c.method === "PATCH" && c.path.includes(payload.token));
  return edit.body;
}

function expectAnswered(message: MessageJson | "modal") {
  if (message === "modal") return;
  expect(message?.embeds?.length).toBeGreaterThan(0);
  expect(message?.embeds?.[0]?.title).not.toBe("Sorry, something went wrong on my side");
  expectWithinDiscordLimits(message);
}

const guild = (): InteractionContext => interactionContext(standIn, admin);
const dm = (): InteractionContext => {
  const { guildId: _guildId, ...rest } = guild();
  return { ...rest, channelId: "760000000000000001" };
};

describe("every registered command over HTTP interactions", () => {
  it("covers the commands the issue names, so the list is really the registry's", () => {
    const paths = invocables().map((i) => i.path);
    for (const name of ["help", "tip", "compare", "leaderboard", "checkin"]) expect(paths).toContain(name);
    expect(paths.length).toBeGreaterThanOrEqual(app.registry.commands.length);
  });

  it("answers each one with nothing typed, as Discord sends it (no data.options)", async () => {
    for (const invocable of invocables()) {
      const payload = commandInteraction(guild(), invocable.path);
      if (!invocable.path.includes(" ")) expect(payload.data).not.toHaveProperty("options");
      expectAnswered(await answerTo(payload));
    }
  });

  it("answers each one with every option filled", async () => {
    for (const invocable of invocables()) {
      expectAnswered(await answerTo(commandInteraction(guild(), invocable.path, filled(invocable))));
    }
  });

  it("answers each one offered in DMs, with and without options (user instead of member, no guild)", async () => {
    for (const invocable of invocables().filter((i) => i.inDms)) {
      const bare = commandInteraction(dm(), invocable.path);
      expect(bare).not.toHaveProperty("member");
      expect(bare).not.toHaveProperty("guild_id");
      expectAnswered(await answerTo(bare));
      expectAnswered(await answerTo(commandInteraction(dm(), invocable.path, filled(invocable))));
    }
  });

  it("suggests values for every autocompleted option, from nothing typed", async () => {
    const autocompleted = invocables().flatMap((i) =>
      i.options
        .filter((o) => "autocomplete" in o && o.autocomplete)
        .map((o) => ({ path: i.path, name: o.name })),
    );
    expect(autocompleted.length).toBeGreaterThan(0);
    for (const { path, name } of autocompleted) {
      const payload = autocompleteInteraction(guild(), path, { [name]: "" }, name);
      const { status, body } = await postInteraction(url, payload, { key: keys.privateKey });
      expect(status).toBe(200);
      expect(body.type).toBe(8);
      expect(body.data?.choices?.length, `${path} ${name}`).toBeGreaterThan(0);
    }
  });

  it("logged no fault on the way", () => {
    expect(logLines.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });
});
