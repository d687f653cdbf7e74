/**
 * Is a message written in another language? franc (trigram language identification)
 * decides, and only when it is sure: short texts, and English that franc ranks near
 * another language (plain or non-native English often ranks Scots or Danish first), stay
 * English. The engine asks only when it understood nothing in English anyway.
 * franc and its trigram tables (about 12 MB of memory) load on the first message that
 * needs them, not with the engine: most questions are answered without.
 * @see https://github.com/wooorm/franc
 */
import { loadFranc } from "../text/franc.js";

/** Shorter texts carry too few trigrams for a confident guess. */
export const MIN_LANGUAGE_TEXT = 40;
/**
 * franc scores every language against the best (1); English scoring below this is far
 * from the best match. Measured on the labelled question and triage sets (2,488 English
 * texts of 40+ characters): English scores at least 0.56 there, and at least 0.75 for
 * sentences with no misspelling; Spanish, German, French, Portuguese, Dutch, Italian and
 * Turkish questions score 0.37-0.66, other scripts 0.
 */
const MAX_ENGLISH_SCORE = 0.7;
/** franc's codes that are English for our purpose (franc often ranks plain English as Scots). */
const ENGLISH = new Set(["eng", "sco"]);

/**
 * The ISO 639-3 code of the language `text` is confidently written in, when that is not
 * English; undefined when it is English, too short, or franc is unsure.
 * @example notEnglish("¿Qué alimentos tienen mucha vitamina D para los músculos?") === "spa"
 */
export function notEnglish(text: string): string | undefined {
  if (text.trim().length < MIN_LANGUAGE_TEXT) return undefined;
  const ranked = loadFranc().francAll(text);
  const top = ranked[0]?.[0];
  if (!top || top === "und" || ENGLISH.has(top)) return undefined;
  const english = ranked.find(([code]) => code === "eng")?.[1] ?? 0;
  return english < MAX_ENGLISH_SCORE ? top : undefined;
}
