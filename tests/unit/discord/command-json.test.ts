/**
 * The registration payload, built from the same definitions as everything else.
 */
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { commandJson, commandsJson } from "../../../src/adapters/discord/command-json.js";
import { runnablesOf } from "../../../src/core/commands/define-command.js";
import { discordTestCommands } from "../../helpers/discord-test-commands.js";

const byName = (name: string) => {
  const command = discordTestCommands.find((c) => c.name === name);
  if (!command) throw new Error(`no ${name}`);
  return commandJson(command);
};

describe("commands/ as Discord slash commands", () => {
  const payload = commandsJson(commands);

  it("keeps every command's name, description, subcommands and visible options, in order", () => {
    expect(payload.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const [i, command] of commands.entries()) {
      const json = payload[i];
      expect(json?.type).toBe(1);
      expect(json?.description).toBe(command.description);
      const shape = command.runnable
        ? Object.entries(command.runnable.options)
            .filter(([, d]) => !d.hidden)
            .map(([n]) => n)
        : runnablesOf(command).map((r) => r.path.split(" ")[1]);
      expect(json?.options?.map((o) => o.name)).toEqual(shape);
    }
  });

  it("uses autocomplete with content ids for nutrient options, never fixed choices", () => {
    expect(byName("vitamin").options).toEqual([
      {
        type: 3,
        name: "nutrient",
        description: "Vitamin D, B12, E, magnesium, omega-3 or calcium",
        required: true,
        autocomplete: true,
      },
    ]);
    for (const option of byName("compare").options ?? []) {
      expect(option).toMatchObject({ type: 3, autocomplete: true, required: false });
      expect(option).not.toHaveProperty("choices");
    }
  });

  it("leaves hidden options (set by buttons) out", () => {
    expect(byName("ask").options?.map((o) => o.name)).toEqual(["question"]);
    expect(byName("feedback").options?.map((o) => o.name)).toEqual(["vote", "note"]);
  });

  it("lists choice options as choices", () => {
    expect(byName("feedback").options?.[0]).toMatchObject({
      type: 3,
      required: true,
      choices: [
        { name: "up", value: "up" },
        { name: "down", value: "down" },
      ],
    });
  });

  it("nests subcommands with their own options, and autocompletes zones and templates", () => {
    const plan = byName("plan");
    expect(plan.options?.map((o) => [o.type, o.name])).toEqual([
      [1, "show"],
      [1, "set"],
    ]);
    expect(plan.options?.[1]).toMatchObject({
      options: [
        { type: 3, name: "zone", required: true, autocomplete: true },
        { type: 3, name: "template", required: false, autocomplete: true },
      ],
    });
  });

  it("requires Manage Channels by default only when every part is admin-only, and keeps those out of DMs", () => {
    expect(byName("setup")).toMatchObject({ default_member_permissions: "16", contexts: [0] });
    expect(byName("plan")).not.toHaveProperty("default_member_permissions");
    expect(byName("plan").contexts).toEqual([0, 1]);
    for (const [i, json] of payload.entries()) {
      const command = commands[i];
      const allAdmin = command !== undefined && runnablesOf(command).every((r) => r.runnable.adminOnly);
      expect(json.default_member_permissions !== undefined).toBe(allAdmin);
    }
  });

  it("stays inside Discord's per-command size limit of 8,000 characters", () => {
    for (const json of payload) {
      const size = JSON.stringify(json).length;
      expect(size, json.name).toBeLessThan(8000);
    }
  });
});
