import { defineCommand, option } from "../src/core/commands/define-command.js";

/** `/foods <nutrient>`: foods with amounts per serving. */
export default defineCommand({
  name: "foods",
  description: "Foods rich in a nutrient, with amounts per serving",
  options: {
    nutrient: option.nutrient("Vitamin D, B12, E, magnesium, omega-3 or calcium", {
      required: true,
      rest: true,
    }),
  },
  examples: ["foods magnesium", "foods d"],
  run(ctx, { nutrient }) {
    const kb = ctx.knowledge;
    const n = kb.requireNutrient(nutrient);
    const sources = [...new Set(n.foods.map((f) => f.source))].flatMap(
      (id) => kb.content.sources.get(id) ?? [],
    );
    const lifestyle = n.lifestyle.find((l) => l.topic === "diet" || l.topic === "sun");
    return {
      title: `Foods with ${n.name}`,
      tone: "info",
      sections: lifestyle ? [{ text: lifestyle.text }] : [],
      table: {
        columns: ["Food", "Serving", "Amount"],
        rows: n.foods.map((f) => [f.food, f.serving, f.amount]),
      },
      sources,
      disclaimer: kb.content.safety.disclaimer,
      buttons: [
        { label: `About ${n.shortName}`, action: `vitamin ${n.id}` },
        { label: "Share to channel", action: `foods ${n.id}`, share: true },
      ],
      visibility: "ephemeral",
    };
  },
});
