/**
 * The fixed lists and limits of content/ that commands use too, apart from the zod
 * schemas (schema.ts), so a command can name them without loading every schema.
 */

/** The six nutrients vitabot covers, in the order it lists them. */
export const NUTRIENT_IDS = [
  "vitamin-d",
  "vitamin-b12",
  "vitamin-e",
  "magnesium",
  "omega-3",
  "calcium",
] as const;

/** Longest daily tip, in characters (a tweet-sized tip reads well in every client). */
export const TIP_MAX_CHARS = 280;

/** The themes a tip may carry (tips rotate by theme). */
export const TIP_THEMES = [
  "food",
  "exercise",
  "sun",
  "protein",
  "testing",
  "safety",
  "supplements",
  "habits",
] as const;
