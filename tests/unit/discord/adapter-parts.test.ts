/**
 * Small pure parts of the Discord adapter: text helpers, admin detection, reading
 * interactions, autocomplete ranking and the mention stripping for questions.
 */
import { describe, expect, it } from "vitest";
import { isDiscordAdmin, parsePermissions } from "../../../src/adapters/discord/admin.js";
import { suggest } from "../../../src/adapters/discord/autocomplete.js";
import { stripBotMention } from "../../../src/adapters/discord/gateway.js";
import { inputFromApi, invocationOf } from "../../../src/adapters/discord/interaction-input.js";
import { escapeMarkdown, neutralizeMentions, truncate } from "../../../src/adapters/discord/text.js";
import { createKnowledge } from "../../../src/core/knowledge/knowledge.js";
import { realContent } from "../../helpers/content.js";
import { commandInteraction } from "../../kit/discord-payloads.js";

const kb = createKnowledge(realContent(), { emergencyNumber: "911" });

describe("text", () => {
  it("truncates with an ellipsis and never splits a surrogate pair", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abc", 3)).toBe("abc");
    const cut = truncate("ab💪cd", 4);
    expect(cut).toBe("ab…");
    expect(cut.length).toBeLessThanOrEqual(4);
  });

  it("makes mentions inert and escapes markdown", () => {
    expect(neutralizeMentions("@here <@1234567> <@!1234567> <@&1234567> <#1234567>")).not.toMatch(
      /@here|<[@#][!&]?\d/,
    );
    expect(escapeMarkdown("*a* _b_ `c` ~d~ |e| > [f](g)")).toBe(
      "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\|e\\| \\> \\[f\\]\\(g\\)",
    );
  });
});

describe("admins", () => {
  it("counts Manage Channels, Administrator and ADMIN_USER_IDS, nothing else", () => {
    const listed = new Set(["discord:42", "slack:7"]);
    expect(isDiscordAdmin(listed, "42", null)).toBe(true);
    expect(isDiscordAdmin(listed, "7", null)).toBe(false);
    expect(isDiscordAdmin(new Set(), "1", parsePermissions("16"))).toBe(true);
    expect(isDiscordAdmin(new Set(), "1", parsePermissions("8"))).toBe(true);
    expect(isDiscordAdmin(new Set(), "1", parsePermissions("1071698660929"))).toBe(false);
    expect(parsePermissions("not a number")).toBeNull();
  });
});

describe("reading interactions", () => {
  it("reads a raw subcommand interaction into a path, options and an invocation", () => {
    const payload = commandInteraction(
      {
        applicationId: "1",
        guildId: "4194304000",
        channelId: "55",
        user: { id: "77", username: "ed" },
        permissions: "16",
      },
      "plan set",
      { zone: "UTC" },
    );
    const input = inputFromApi(payload as never);
    expect(input).toMatchObject({
      kind: "command",
      path: "plan set",
      options: { zone: "UTC" },
      userId: "77",
    });
    expect(invocationOf({ adminUserIds: new Set() }, input ?? ({} as never))).toEqual({
      platform: "discord",
      user: { id: "77", name: "ed" },
      channel: { platform: "discord", workspaceId: "4194304000", channelId: "55" },
      isAdmin: true,
      eventId: payload.id,
    });
  });

  it("reads a DM interaction with workspace 'dm' and no permissions", () => {
    const payload = commandInteraction(
      { applicationId: "1", channelId: "56", user: { id: "78", username: "fa" } },
      "tip",
    );
    const input = inputFromApi(payload as never);
    expect(input).toMatchObject({ kind: "command", path: "tip", permissions: null, channelId: "56" });
    expect(invocationOf({ adminUserIds: new Set() }, input ?? ({} as never)).channel.workspaceId).toBe("dm");
  });
});

describe("autocomplete", () => {
  it("ranks names before aliases and caps at 25 choices", () => {
    expect(suggest(kb, "nutrient", "omega").map((c) => c.value)[0]).toBe("omega-3");
    expect(suggest(kb, "nutrient", "fish oil").map((c) => c.value)).toContain("omega-3");
    expect(suggest(kb, "nutrient", "zzzz")).toEqual([]);
    expect(suggest(kb, "zone", "")).toHaveLength(25);
    expect(suggest(kb, "zone", "new york")).toEqual([
      { name: "America/New_York", value: "America/New_York" },
    ]);
    expect(suggest(kb, "template", "").length).toBe(Math.min(25, kb.content.challenges.length));
  });
});

describe("questions from mentions", () => {
  it("removes the bot's mention and keeps the question", () => {
    expect(stripBotMention("<@123> why are my legs weak", "123")).toBe("why are my legs weak");
    expect(stripBotMention("hey <@!123>, foods with b12?", "123")).toBe("hey foods with b12?");
    expect(stripBotMention("<@999> hi", "123")).toBe("<@999> hi");
    expect(stripBotMention("<@&555> foods with d", "123", ["555"])).toBe("foods with d");
  });
});
