/**
 * Uncovered topics set aside before nutrients are looked for, so a word that names one is
 * never read as a misspelling of a covered nutrient ("linoleic" is not "linolenic", "omega 6"
 * is not "omega 3").
 */
import { UNCOVERED } from "./vocabulary.js";

const UNCOVERED_ALL = new RegExp(UNCOVERED.source, "g");

/** `normalized` with each uncovered topic it names replaced by a mark no nutrient name holds. */
export function withoutUncovered(normalized: string): string {
  return normalized.replace(UNCOVERED_ALL, "\u00a7");
}
