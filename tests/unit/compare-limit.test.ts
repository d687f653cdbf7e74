/** /compare names what it leaves out when given more than three nutrients. */
import { describe, expect, it } from "vitest";
import { fallbackText } from "../../src/core/reply/reply.js";
import { createTestApp, slackInvocation } from "../helpers/app.js";

async function compare(line: string) {
  const t = await createTestApp();
  const result = await t.dispatcher.runLine(slackInvocation(), line);
  return { ...result, text: fallbackText(result.reply) };
}

describe("compare", () => {
  it("says which nutrient it left out when given more than three", async () => {
    const result = await compare("compare d b12 e calcium");
    expect(result.outcome).toBe("ok");
    const shown = result.reply.table?.columns.slice(1) ?? [];
    expect(shown).toHaveLength(3);
    const all = {
      "Vitamin D": "vitamin-d",
      "Vitamin B12": "vitamin-b12",
      "Vitamin E": "vitamin-e",
      Calcium: "calcium",
    };
    const [leftOut, id] = Object.entries(all).find(([name]) => !shown.includes(name)) ?? [];
    expect(result.text).toContain(`up to three nutrients at a time: ${leftOut} was left out`);
    expect(result.text).toContain(`Try /compare ${id} `);
  });

  it("adds no note for three or fewer", async () => {
    const result = await compare("compare d b12 e");
    expect(result.reply.table?.columns).toEqual(["", "Vitamin D", "Vitamin B12", "Vitamin E"]);
    expect(result.reply.sections).toEqual([]);
  });
});
