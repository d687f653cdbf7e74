/**
 * Text normalisation shared by triage, understanding and search: lower case, plain
 * quotes, and the spellings of nutrient names folded to one form ("b 12" -> "b12",
 * "omega 3s" -> "omega3", "vitamn" -> "vitamin").
 */
import { distance } from "fastest-levenshtein";

const VITAMIN = "vitamin";

/** Lower-cases and folds punctuation and nutrient spellings; keeps word order. */
export function normalize(input: string): string {
  let text = input
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u00b5g|\u03bcg/g, "mcg");
  text = text.replace(/[a-z]+/g, (word) => (isVitaminTypo(word) ? VITAMIN : word));
  return text
    .replace(/\bvit\b\.?/g, VITAMIN)
    .replace(/\bb[\s-]?12s?\b/g, "b12")
    .replace(/\b(o?m[a-z]{0,3}ga)[\s-]?3s?\b/g, "omega3")
    .replace(/\bvitamin[\s-]?(d3|d2|d|e|b12|k2|k|a|c|b6|b1|b)s?\b/g, "vitamin $1")
    .replace(/\s+/g, " ")
    .trim();
}

function isVitaminTypo(word: string): boolean {
  if (word === VITAMIN || word.length < 5 || word.length > 9) return false;
  if (!word.startsWith("v")) return false;
  return distance(word.replace(/s$/, ""), VITAMIN) <= 2;
}

/** Words of a normalised text (letters, digits and the joined nutrient forms). */
export function tokenize(normalized: string): string[] {
  return normalized.match(/[a-z0-9]+/g) ?? [];
}
