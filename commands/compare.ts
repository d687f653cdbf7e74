import { adultRows, formatIntakeRow } from "../src/core/answers/format.js";
import { defineCommand, option } from "../src/core/commands/define-command.js";
import type { Nutrient, NutrientId } from "../src/core/content/schema.js";
import { UserFacingError } from "../src/errors.js";

const DEFAULT: NutrientId[] = ["vitamin-d", "vitamin-b12", "vitamin-e"];
/** How many nutrients fit side by side. */
const MAX_COMPARED = 3;
/** Words people put between names ("compare vitamin d and b12") that name nothing. */
const FILLER = new Set(["vitamin", "vit", "and", "vs", "versus", "with", "or", "to"]);
const CELL_MAX = 90;

function firstSentence(text: string): string {
  const sentence = text.split(/(?<=[.!?])\s/)[0] ?? text;
  return sentence.length <= CELL_MAX ? sentence : `${sentence.slice(0, CELL_MAX - 1).trimEnd()}…`;
}

const ROWS: [string, (n: Nutrient) => string][] = [
  [
    "Main mechanism",
    (n) =>
      n.mechanisms
        .map((m) => m.title)
        .slice(0, 2)
        .join("; "),
  ],
  ["Typical signs", (n) => n.symptoms.slice(0, 3).join("; ")],
  ["Effect on muscle fibres", (n) => firstSentence(n.fibreEffect)],
  ["Linked conditions", (n) => n.conditions.slice(0, 2).join("; ")],
  ["Test", (n) => n.labTest.name],
  [
    "Adults",
    (n) =>
      adultRows(n.intakes)
        .map((row) => formatIntakeRow(n.intakes, row, { markSupplementsOnly: true }))
        .join("; "),
  ],
  ["Reversible?", (n) => n.reversibility.summary],
];

/**
 * More than three named: which were left out, and the command that compares them (with
 * the first one shown, when there is room), rather than dropping them silently.
 */
function leftOutNote(chosen: readonly Nutrient[], left: readonly Nutrient[]): string {
  const names = left.map((n) => n.name).join(" and ");
  const next = [...left, ...chosen].slice(0, Math.max(left.length, 2)).slice(0, MAX_COMPARED);
  const verb = left.length === 1 ? "was" : "were";
  return `I compare up to three nutrients at a time: ${names} ${verb} left out. Try /compare ${next.map((n) => n.id).join(" ")}.`;
}

/** `/compare [a] [b] [c]`: up to three nutrients side by side (default D, B12 and E). */
export default defineCommand({
  name: "compare",
  description: "Compare up to three nutrients side by side (default: vitamin D, B12 and E)",
  options: {
    a: option.nutrient("First nutrient"),
    b: option.nutrient("Second nutrient"),
    c: option.nutrient("Third nutrient", { rest: true }),
  },
  examples: ["compare", "compare d b12", "compare magnesium calcium"],
  run(ctx, { a, b, c }) {
    const kb = ctx.knowledge;
    const words = [a, b, c].filter((s): s is string => s !== undefined);
    const ids: NutrientId[] = [];
    for (const word of words) {
      // The last option takes the rest of the line ("e calcium"): a one-letter name such as
      // "e" is only recognised alone, so each word is looked up too, in the order typed.
      const found = [...word.split(/\s+/).flatMap((w) => kb.findNutrients(w)), ...kb.findNutrients(word)];
      if (found.length === 0 && !FILLER.has(word.toLowerCase())) kb.requireNutrient(word);
      for (const id of found) if (!ids.includes(id)) ids.push(id);
    }
    if (words.length > 0 && ids.length === 0)
      throw new UserFacingError(`Name up to three nutrients, for example /compare d b12.`);
    const named = ids.length > 0 ? ids : DEFAULT;
    const chosen = named.slice(0, MAX_COMPARED).map((id) => kb.nutrient(id));
    const left = named.slice(MAX_COMPARED).map((id) => kb.nutrient(id));
    const sourceIds = chosen.flatMap((n) => n.sources.slice(0, 1));
    return {
      title: `${chosen.map((n) => n.name).join(" vs ")}: how each affects muscle`,
      tone: "info",
      sections: left.length > 0 ? [{ text: leftOutNote(chosen, left) }] : [],
      table: {
        columns: ["", ...chosen.map((n) => n.name)],
        rows: ROWS.map(([label, cell]) => [label, ...chosen.map(cell)]),
      },
      sources: sourceIds.flatMap((id) => kb.content.sources.get(id) ?? []),
      disclaimer: kb.content.safety.disclaimer,
      buttons: [
        { label: "Share to channel", action: `compare ${chosen.map((n) => n.id).join(" ")}`, share: true },
      ],
      visibility: "ephemeral",
    };
  },
});
