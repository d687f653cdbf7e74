/**
 * Understanding a question before retrieval: which covered nutrients it names, which
 * symptoms it describes, what it asks for, and whether it is in our domain at all.
 */
import type { Nutrient, NutrientId } from "../content/schema.js";
import type { WordReader } from "../text/words.js";
import { normalize } from "./normalize.js";
import type { NutrientMatcher } from "./nutrient-names.js";
import { createSymptomMatcher, type SymptomMatch } from "./symptom-match.js";
import { readSlips } from "./typing-slips.js";
import {
  HEALTH,
  INTENTS,
  type Intent,
  MENTION,
  NAMED_AS,
  SMALL_TALK,
  UNCOVERED,
  UNCOVERED_WORDS,
} from "./vocabulary.js";

export interface Understanding {
  normalized: string;
  /** `normalized` with lay phrases and misspellings read as the content's words. */
  read: string;
  /** Covered nutrients named in the question, earliest first. */
  named: NutrientId[];
  /** Nutrients whose deficiency symptoms the question describes, best fit first. */
  bySymptom: NutrientId[];
  /** Weaker hints when nothing is named: a dose in IU is almost always vitamin D. */
  hinted: NutrientId[];
  intents: Set<Intent>;
  /** Names a health subject we don't cover (vitamin K, iron, …). */
  uncovered: boolean;
  /** Mentions health or nutrition at all. */
  health: boolean;
  /** A greeting, thanks or similar: not a question. */
  smallTalk: boolean;
  /**
   * Names a covered nutrient only as the name of something (a sprint, a project, a channel)
   * and says nothing else about health: workplace chat, not a question for vitabot.
   */
  nameOnly: boolean;
}

/**
 * Least symptom score that points a question at a nutrient: one word that two deficiencies
 * share ("cramps"). A word nearly all of them share ("weak", "tingling") leaves it to
 * retrieval; `symptoms` still lists every fit.
 */
const MIN_SYMPTOM_SCORE = 0.5;

/** A dose written in international units. */
const IU_DOSE = /\b(\d[\d,.]*\s?iu|iu)\b/;

/**
 * Builds understanding once per content load; returns the per-question `understand`.
 * @param reader reads lay phrases, inflections and misspellings as the content's words
 */
export function createUnderstanding(
  nutrients: readonly Nutrient[],
  matcher: NutrientMatcher,
  reader: WordReader,
) {
  const symptoms = createSymptomMatcher(nutrients, reader);

  /** `understand` for text already passed through `normalize` (the engine normalises once). */
  function understandNormalized(normalized: string): Understanding {
    // Lay phrases and misspellings read as the content's words ("charlie horse" -> "leg cramps").
    const read = reader.read(normalized);
    const { text } = read;
    const intents = new Set<Intent>();
    for (const [intent, regex] of Object.entries(INTENTS) as [Intent, RegExp][]) {
      if (regex.test(text)) intents.add(intent);
    }
    const named = matcher.find(normalized);
    const bySymptom = symptoms
      .matchWords(read.words)
      .filter((m) => m.score >= MIN_SYMPTOM_SCORE)
      .map((m) => m.id);
    return {
      normalized,
      read: text,
      named,
      bySymptom,
      hinted: IU_DOSE.test(normalized) ? ["vitamin-d"] : [],
      intents,
      uncovered: UNCOVERED.test(normalized) || UNCOVERED.test(readSlips(normalized, UNCOVERED_WORDS)),
      health: HEALTH.test(text) || named.length > 0,
      smallTalk: SMALL_TALK.test(normalized),
      nameOnly: named.length > 0 && bySymptom.length === 0 && usedAsName(normalized),
    };
  }

  /**
   * Whether the text names a nutrient as the name of something and, apart from that
   * mention, has no word of health and asks for no amount.
   */
  function usedAsName(normalized: string): boolean {
    const rest = matcher.mask(normalized, MENTION);
    return NAMED_AS.test(rest) && !HEALTH.test(rest) && !INTENTS.dose.test(rest);
  }

  return {
    understand: (question: string) => understandNormalized(normalize(question)),
    understandNormalized,
    /**
     * Which deficiencies a description of symptoms fits (for `symptoms`), best fit first:
     * those with a telling sign when there are any ("weak thighs"), else every fit ("weak").
     */
    symptomMatches: (text: string): SymptomMatch[] => {
      const all = symptoms.match(normalize(text));
      const telling = all.filter((m) => m.score >= MIN_SYMPTOM_SCORE);
      return telling.length > 0 ? telling : all;
    },
  };
}
