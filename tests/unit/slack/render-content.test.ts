import { describe, expect, it } from "vitest";
import { decodeAction } from "../../../src/adapters/chat-adapter.js";
import { toBlockKit } from "../../../src/adapters/slack/render.js";
import type { Reply } from "../../../src/core/reply/reply.js";
import { createTestApp, slackInvocation } from "../../helpers/app.js";
import { slackLimitViolations } from "../../helpers/slack-limits.js";

const app = await createTestApp();
const { content } = app.knowledge;

async function render(line: string): Promise<{ reply: Reply; problems: string[] }> {
  const result = await app.dispatcher.runLine(slackInvocation(), line);
  expect(result.outcome, `${line} → ${result.reply.title}`).toBe("ok");
  const message = toBlockKit(result.reply);
  const problems = slackLimitViolations(message);
  for (const value of JSON.stringify(message.blocks).match(/"value":"[^"]*"/g) ?? [])
    expect(decodeAction(JSON.parse(`{${value}}`).value), value).toBeDefined();
  return { reply: result.reply, problems };
}

/** Every subset of 1–3 nutrients, in content order. */
function subsets(ids: readonly string[]): string[][] {
  const out: string[][] = [];
  ids.forEach((a, i) => {
    out.push([a]);
    ids.slice(i + 1).forEach((b, j) => {
      out.push([a, b]);
      for (const c of ids.slice(i + j + 2)) out.push([a, b, c]);
    });
  });
  return out;
}

describe("every content item renders within Slack's limits, with a fallback text", () => {
  it.each(content.nutrients.map((n) => n.id))("nutrient card: vitamin %s", async (id) => {
    const { reply, problems } = await render(`vitamin ${id}`);
    expect(reply.title).toBe(content.nutrients.find((n) => n.id === id)?.name);
    expect(problems).toEqual([]);
  });

  it.each(content.nutrients.map((n) => n.id))("foods table: foods %s", async (id) => {
    expect((await render(`foods ${id}`)).problems).toEqual([]);
  });

  it.each(content.faq.map((entry) => entry.id))("FAQ answer: %s", async (id) => {
    const { reply, problems } = await render(`ask answer:faq:${id}`);
    expect(reply.buttons?.find((b) => b.share)?.action).toBe(`ask answer:faq:${id}`);
    expect(problems).toEqual([]);
  });

  it(`all ${content.tips.length} tips`, async () => {
    const seen = new Set<string>();
    for (let day = 0; day < content.tips.length; day++) {
      app.clock.set(new Date(Date.UTC(2026, 0, 1 + day)).toISOString());
      const { reply, problems } = await render("tip");
      seen.add(reply.sections[0]?.text ?? "");
      expect(problems).toEqual([]);
    }
    expect(seen.size).toBe(content.tips.length);
  });

  const combos = subsets(content.nutrients.map((n) => n.id));
  it(`all ${combos.length} comparison subsets of 1–3 nutrients`, async () => {
    for (const combo of combos) {
      const { reply, problems } = await render(`compare ${combo.join(" ")}`);
      expect(reply.table?.columns.length).toBe(combo.length + 1);
      expect(problems, combo.join(" ")).toEqual([]);
    }
  });

  it("help, symptoms and an urgent answer", async () => {
    for (const line of [
      "help",
      "help compare",
      "symptoms weak thighs, cramps and tingling feet",
      "ask chest pain and I can't breathe",
    ])
      expect((await render(line)).problems, line).toEqual([]);
  });
});
