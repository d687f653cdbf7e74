/**
 * Which of two things a message asks about when it names a covered nutrient and an uncovered
 * supplement beside it ("is K2 needed with my D3", "does metformin lower folate as well as
 * B12"). Read the way a reader finds the topic of a question: what its first question names,
 * and the phrases that make one thing the companion or the cause of another.
 */
import type { NutrientId } from "../content/schema.js";
import { TAKEN_TOPICS, TAKEN_UNCOVERED } from "./vocabulary.js";

/** A sentence ends at ".", "!" or "?" before a space, or at a line break. */
const SENTENCE_END = /(?<=[.!?])\s+|\n+/;

/**
 * An uncovered supplement made the subject by the words around it: the first of "X as well as
 * Y" (Y is the companion), and what a claim is "because of" or "due to".
 */
const SUBJECT_BY_LINK = new RegExp(
  [
    `\\b(${TAKEN_TOPICS})( \\w+){0,2} as well as\\b`,
    `\\b(because of|due to|owing to) (all )?(the |its |their |that |this )?(${TAKEN_TOPICS})\\b`,
  ].join("|"),
);

/**
 * Whether a normalised message that names a covered nutrient asks about an uncovered
 * supplement instead: its first question naming either names only the supplement ("Is K2
 * really needed?" after a sentence about D3), or a linking phrase makes the supplement the
 * subject ("bad for bones because of the vitamin A", "folate as well as B12"). "The vitamin A
 * in cod liver oil" is read by `otherNutrientInside`.
 * @param namesCovered whether a text names one of the covered nutrients
 */
export function uncoveredAskedBeside(normalized: string, namesCovered: (text: string) => boolean): boolean {
  if (SUBJECT_BY_LINK.test(normalized)) return true;
  const asked = normalized
    .split(SENTENCE_END)
    .filter((sentence) => sentence.trimEnd().endsWith("?"))
    .find((sentence) => TAKEN_UNCOVERED.test(sentence) || namesCovered(sentence));
  return asked !== undefined && TAKEN_UNCOVERED.test(asked) && !namesCovered(asked);
}

/** An amount asked about, and the few words after it that say of what ("too much vitamin D with all that"). */
const AMOUNT_OF =
  /\b(too much|too many|enough|how much|how many|overdo\w*|overdos\w*|excess)\b((?: \S+){1,4})/g;

/**
 * The covered nutrient whose amount a message asks about ("is he getting too much vitamin D",
 * "how much calcium with my tablets"), found by `find` in the words right after the amount;
 * undefined when no amount of a named nutrient is asked.
 * @param find the covered nutrients a text names, earliest first
 */
export function amountAsked(
  normalized: string,
  find: (text: string) => NutrientId[],
): NutrientId | undefined {
  for (const [, , after] of normalized.matchAll(AMOUNT_OF)) {
    const [first] = find(after ?? "");
    if (first) return first;
  }
  return undefined;
}
