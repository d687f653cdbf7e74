/**
 * The Discord renderer over every content item (each nutrient card and food list, each
 * FAQ answer, each tip, every comparison of one to three nutrients), checked against
 * every Discord limit, plus overlong and untrusted replies.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { renderReply } from "../../../src/adapters/discord/render.js";
import type { Invocation } from "../../../src/core/commands/dispatch.js";
import type { Reply } from "../../../src/core/reply/reply.js";
import { textReply } from "../../../src/core/reply/reply.js";
import { createTestApp } from "../../helpers/app.js";
import { expectWithinDiscordLimits } from "../../helpers/discord-assert.js";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});

const invocation: Invocation = {
  platform: "discord",
  user: { id: "750000000000000001", name: "di" },
  channel: { platform: "discord", workspaceId: "4194304000", channelId: "750000000000000002" },
  isAdmin: false,
};

async function line(text: string): Promise<Reply> {
  const result = await app.dispatcher.runLine(invocation, text);
  expect(result.outcome, text).toBe("ok");
  return result.reply;
}

function rendered(reply: Reply, label: string) {
  const message = renderReply(reply);
  expectWithinDiscordLimits(message, label);
  return message;
}

/** Every subset of one to three items, in order. */
function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  items.forEach((a, i) => {
    out.push([a]);
    items.slice(i + 1).forEach((b, j) => {
      out.push([a, b]);
      for (const c of items.slice(i + j + 2)) out.push([a, b, c]);
    });
  });
  return out;
}

describe("every content item fits Discord", () => {
  it("renders each nutrient card and food list", async () => {
    for (const n of app.knowledge.content.nutrients) {
      const card = rendered(await line(`vitamin ${n.id}`), `vitamin ${n.id}`);
      expect(card.embeds[0]?.title).toBe(n.name);
      expect(card.embeds[0]?.description).toContain(n.summary);
      const foods = rendered(await line(`foods ${n.id}`), `foods ${n.id}`);
      const text = JSON.stringify(foods.embeds[0]?.fields);
      for (const food of n.foods) expect(text).toContain(JSON.stringify(food.food).slice(1, -1));
    }
  });

  it("renders each FAQ answer in full", async () => {
    expect(app.knowledge.content.faq.length).toBeGreaterThanOrEqual(30);
    for (const entry of app.knowledge.content.faq) {
      const message = rendered(await line(`ask answer:faq:${entry.id}`), entry.id);
      expect(message.embeds[0]?.description, entry.id).toContain(entry.answer.trim());
      expect(message.embeds[0]?.footer?.text).toMatch(/^Sources: /);
    }
  });

  it("renders each tip, day by day until every tip has appeared", async () => {
    const seen = new Set<string>();
    const tips = app.knowledge.content.tips;
    for (let day = 0; day < tips.length * 2 && seen.size < tips.length; day++) {
      app.clock.set(new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString());
      const message = rendered(await line("tip"), `tip day ${day}`);
      const tip = tips.find((t) => message.embeds[0]?.description === t.text);
      expect(tip, `day ${day}: the tip text renders unchanged`).toBeDefined();
      if (tip) seen.add(tip.id);
    }
    expect(seen.size).toBe(tips.length);
  });

  it("renders every comparison of one to three nutrients", async () => {
    const ids = app.knowledge.content.nutrients.map((n) => n.id);
    const all = subsets(ids);
    expect(all).toHaveLength(6 + 15 + 20);
    for (const chosen of all) {
      const message = rendered(await line(`compare ${chosen.join(" ")}`), chosen.join(","));
      const fields = message.embeds[0]?.fields ?? [];
      expect(fields.map((f) => f.name)).toContain("Main mechanism");
      // One nutrient: its cells as they are; several: one labelled line per nutrient.
      const names = chosen.map((id) => app.knowledge.nutrient(id).name);
      if (chosen.length > 1) for (const name of names) expect(fields[0]?.value).toContain(`**${name}**: `);
      else expect(fields[0]?.value).not.toContain("**");
    }
  });

  it("renders help for everything and for each command", async () => {
    rendered(await line("help"), "help");
    for (const name of app.registry.names()) rendered(await line(`help ${name}`), `help ${name}`);
  });
});

describe("limits and safety on replies that are too big or untrusted", () => {
  const huge = "word ".repeat(3000);
  const big: Reply = {
    title: "T".repeat(400),
    tone: "info",
    sections: Array.from({ length: 5 }, (_, i) => ({ heading: `Part ${i}`, text: huge })),
    fields: Array.from({ length: 30 }, (_, i) => ({ label: `Label ${i} ${"x".repeat(300)}`, value: huge })),
    sources: [{ title: "S".repeat(3000), url: "https://example.org/source" }],
    disclaimer: "Not medical advice.",
    buttons: Array.from({ length: 12 }, (_, i) => ({
      label: `Button ${i} ${"y".repeat(100)}`,
      action: `vitamin ${i}`,
    })),
    visibility: "ephemeral",
  };

  it("cuts every part to its limit, the whole embed to 6,000, and rows to 5 buttons", () => {
    const message = rendered(big, "big");
    expect(message.embeds[0]?.title?.endsWith("…")).toBe(true);
    expect(message.components.map((row) => row.components.length)).toEqual([5, 5, 2]);
  });

  it("draws a table too long for fields as a code block", () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`Food ${i}`, "1 cup", `${i} mg`]);
    const message = rendered(
      { ...textReply("Foods", ""), table: { columns: ["Food", "Serving", "Amount"], rows } },
      "table",
    );
    expect(message.embeds[0]?.description).toMatch(/^```\nFood +Serving +Amount\n/);
    expect(message.embeds[0]?.fields).toBeUndefined();
  });

  it("refuses a button whose custom_id passes 100 characters, saying how to fix it", () => {
    const reply = { ...textReply("Hi", "x"), buttons: [{ label: "Long", action: `ask ${"q".repeat(100)}` }] };
    expect(() => renderReply(reply)).toThrow(/custom_id; Discord allows 100\. Shorten/);
  });

  it("drops duplicate buttons rather than sending a custom_id twice", () => {
    const button = { label: "Foods", action: "foods vitamin-d" };
    const message = renderReply({
      ...textReply("Hi", "x"),
      buttons: [button, { ...button, label: "Again" }],
    });
    expect(message.components[0]?.components).toHaveLength(1);
  });

  it("neutralises mentions everywhere and escapes markdown in untrusted text", () => {
    const reply: Reply = {
      ...textReply("Team tip by @here", "**Drink** water @everyone <@123456789012> <@&987654321098> _now_"),
      fields: [{ label: "From", value: "<@!123456789012>" }],
      untrusted: true,
    };
    const embed = renderReply(reply).embeds[0];
    const text = JSON.stringify(embed);
    expect(text).not.toMatch(/@everyone|@here|<@!?\d|<@&\d/);
    expect(embed?.description).toContain("\\*\\*Drink\\*\\*");
    expect(embed?.description).toContain("\\_now\\_");
    const trusted = renderReply(textReply("Hi", "**bold** @everyone")).embeds[0];
    expect(trusted?.description).toBe("**bold** @\u200beveryone");
  });

  it("marks private answers ephemeral and channel posts not, always with allowed_mentions parse []", () => {
    const reply = { ...textReply("Hi", "x"), buttons: [{ label: "Share", action: "tip", share: true }] };
    expect(renderReply(reply)).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    const shared = renderReply(reply, { forChannel: true });
    expect(shared.flags).toBeUndefined();
    expect(shared.components).toEqual([]);
    expect(shared.allowed_mentions).toEqual({ parse: [] });
  });
});
