import { defineCommand, option } from "../src/core/commands/define-command.js";
import { nutrientCard } from "../src/core/reply/build.js";

/** `/vitamin <nutrient>`: a nutrient's card. */
export default defineCommand({
  name: "vitamin",
  description: "A nutrient's card: its role in muscle, signs of deficiency, test, intakes, evidence",
  options: {
    nutrient: option.nutrient("Vitamin D, B12, E, magnesium, omega-3 or calcium", {
      required: true,
      rest: true,
    }),
  },
  examples: ["vitamin d", "vitamin b12", "vitamin fish oil"],
  run(ctx, { nutrient }) {
    return nutrientCard(ctx.knowledge, ctx.knowledge.requireNutrient(nutrient));
  },
});
