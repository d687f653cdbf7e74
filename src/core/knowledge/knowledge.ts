/**
 * The knowledge base the commands use: validated content, the answer engine, nutrient
 * look-up with friendly errors, and today's tip.
 */
import { UserFacingError } from "../../errors.js";
import { type AnswerEngine, type AnswerEngineOptions, createAnswerEngine } from "../answers/engine.js";
import { coveredList } from "../answers/format.js";
import type { Content } from "../content/load-content.js";
import type { Nutrient, NutrientId, Tip } from "../content/schema.js";

const DAY_MS = 86_400_000;

/** A fixed permutation of the tips, so consecutive days move between themes. */
function shuffledOrder(length: number, seed: number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  let state = seed >>> 0;
  for (let i = length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/**
 * @example const kb = createKnowledge(content, { emergencyNumber: "911" }); kb.requireNutrient("b12").id
 */
export function createKnowledge(content: Content, options: AnswerEngineOptions) {
  const engine: AnswerEngine = createAnswerEngine(content, options);
  const byId = new Map(content.nutrients.map((n) => [n.id, n]));
  const covered = coveredList(content.nutrients);
  const tipOrder = shuffledOrder(content.tips.length, 20_261_125);

  function nutrient(id: NutrientId): Nutrient {
    const found = byId.get(id);
    if (!found) throw new Error(`unknown nutrient id ${id}`);
    return found;
  }

  /** The nutrient a person named ("d", "b12", "vit e", "fish oil"), or a helpful error. */
  function requireNutrient(text: string): Nutrient {
    const id = engine.matcher.resolve(text);
    if (id) return nutrient(id);
    throw new UserFacingError(
      `I don't know "${text}". I cover ${covered}: try one of ${content.nutrients.map((n) => n.id).join(", ")}.`,
      "unknown_nutrient",
    );
  }

  /** The tip for a calendar date (YYYY-MM-DD): the same all day, a new one each day. */
  function tipForDate(date: string): Tip {
    const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    const index = tipOrder[((day % tipOrder.length) + tipOrder.length) % tipOrder.length] ?? 0;
    return content.tips[index] as Tip;
  }

  return {
    content,
    engine,
    covered,
    nutrient,
    requireNutrient,
    findNutrients: engine.matcher.find,
    tipForDate,
  };
}

export type Knowledge = ReturnType<typeof createKnowledge>;
