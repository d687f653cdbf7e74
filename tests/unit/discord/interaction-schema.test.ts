/**
 * The HTTP interaction body as Discord documents it is accepted, optional fields absent
 * included; anything vitabot would trip over is refused with a reason naming the field.
 */
import { describe, expect, it } from "vitest";
import { inputFromApi } from "../../../src/adapters/discord/interaction-input.js";
import { parseInteraction } from "../../../src/adapters/discord/interaction-schema.js";
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  type InteractionContext,
  pingInteraction,
} from "../../kit/discord-payloads.js";

const user = { id: "78", username: "fa" };
const guild: InteractionContext = { applicationId: "1", guildId: "4194304000", channelId: "55", user };
const dm: InteractionContext = { applicationId: "1", channelId: "56", user };

function read(json: unknown) {
  const parsed = parseInteraction(json);
  if (!parsed.ok) throw new Error(parsed.error);
  return inputFromApi(parsed.interaction);
}

describe("parseInteraction", () => {
  it("accepts a PING, which carries no data, user or locale", () => {
    expect(parseInteraction(pingInteraction("1"))).toMatchObject({ ok: true });
  });

  it.each([
    ["in a guild", guild],
    ["in a DM", dm],
  ])("reads a command with nothing typed (no data.options) %s", (_where, ctx) => {
    const payload = commandInteraction(ctx, "help");
    expect(payload.data).not.toHaveProperty("options");
    expect(read(payload)).toMatchObject({ kind: "command", path: "help", options: {} });
  });

  it("reads a subcommand with and without its own options", () => {
    expect(read(commandInteraction(guild, "tips status"))).toMatchObject({
      path: "tips status",
      options: {},
    });
    const withOptions = commandInteraction(guild, "tips subscribe", { time: "08:00" });
    expect(read(withOptions)).toMatchObject({ path: "tips subscribe", options: { time: "08:00" } });
  });

  it("reads autocomplete and buttons", () => {
    const typed = autocompleteInteraction(dm, "vitamin", { nutrient: "calc" }, "nutrient");
    expect(read(typed)).toMatchObject({ kind: "autocomplete", focused: { name: "nutrient", value: "calc" } });
    const click = buttonInteraction(guild, "vb|run|tip", { id: "1", username: "vitabot", bot: true });
    expect(read(click)).toMatchObject({ kind: "button", customId: "vb|run|tip" });
  });

  it.each([
    [null, "body"],
    [{ ...commandInteraction(guild, "tip"), data: undefined }, "data"],
    [{ ...commandInteraction(guild, "tip"), id: 12 }, "id"],
    [{ ...commandInteraction(guild, "tip"), application_id: "../../users/@me" }, "application_id"],
    [{ ...commandInteraction(dm, "tip"), user: undefined }, "member (in a guild) or user (in a DM)"],
  ])("refuses %j, naming %s", (json, field) => {
    const parsed = parseInteraction(json);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.error).toContain(field);
  });
});
