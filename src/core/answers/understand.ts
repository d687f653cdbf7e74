/**
 * Understanding a question before retrieval: which covered nutrients it names, which
 * symptoms it describes, what it asks for, and whether it is in our domain at all.
 */
import type { Nutrient, NutrientId } from "../content/schema.js";
import type { NutrientMatcher } from "../knowledge/nutrient-names.js";
import { normalize } from "./normalize.js";
import { HEALTH, INTENTS, type Intent, SMALL_TALK, UNCOVERED } from "./vocabulary.js";

/** A nutrient whose deficiency symptoms a text describes, with the words that matched. */
export interface SymptomMatch {
  id: NutrientId;
  terms: string[];
}

export interface Understanding {
  normalized: string;
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
}

/** A dose written in international units. */
const IU_DOSE = /\b(\d[\d,.]*\s?iu|iu)\b/;

interface SymptomTerm {
  id: NutrientId;
  term: string;
  /** Every word of the term, as the regex needs it literally: a cheap test before the regex. */
  words: string[];
  regex: RegExp;
  weight: number;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Compiles the symptom vocabulary from content; returns the per-question `understand`. */
export function createUnderstanding(nutrients: readonly Nutrient[], matcher: NutrientMatcher) {
  const symptomTerms: SymptomTerm[] = nutrients.flatMap((n) =>
    n.symptomTerms.map((term) => {
      const plain = normalize(term).split(" ");
      const words = plain.map(escapeRegex);
      // Allow plural/verb endings on each word, and a couple of words in between.
      const body = words.map((w) => `${w}(?:s|es|ed|ing|y)?`).join("(?:\\s+\\S+){0,2}?\\s+");
      return { id: n.id, term, words: plain, regex: new RegExp(`\\b${body}\\b`), weight: words.length };
    }),
  );
  const order = new Map(nutrients.map((n, i) => [n.id, i]));

  /** Nutrients whose symptom terms the text uses, best fit first, with the terms found. */
  function symptomMatches(normalized: string): SymptomMatch[] {
    const found = new Map<NutrientId, SymptomMatch & { score: number }>();
    for (const term of symptomTerms) {
      // The regex can only match where each word appears literally; most terms don't.
      if (!term.words.every((word) => normalized.includes(word)) || !term.regex.test(normalized)) continue;
      const entry = found.get(term.id) ?? { id: term.id, terms: [], score: 0 };
      entry.terms.push(term.term);
      entry.score += term.weight;
      found.set(term.id, entry);
    }
    return [...found.values()]
      .sort((a, b) => b.score - a.score || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
      .map(({ id, terms }) => ({ id, terms }));
  }

  /** `understand` for text already passed through `normalize` (the engine normalises once). */
  function understandNormalized(normalized: string): Understanding {
    const intents = new Set<Intent>();
    for (const [intent, regex] of Object.entries(INTENTS) as [Intent, RegExp][]) {
      if (regex.test(normalized)) intents.add(intent);
    }
    const named = matcher.find(normalized);
    return {
      normalized,
      named,
      bySymptom: symptomMatches(normalized).map((m) => m.id),
      hinted: IU_DOSE.test(normalized) ? ["vitamin-d"] : [],
      intents,
      uncovered: UNCOVERED.test(normalized),
      health: HEALTH.test(normalized) || named.length > 0,
      smallTalk: SMALL_TALK.test(normalized),
    };
  }

  return {
    understand: (question: string) => understandNormalized(normalize(question)),
    understandNormalized,
    symptomMatches: (text: string) => symptomMatches(normalize(text)),
  };
}

export type Understand = ReturnType<typeof createUnderstanding>;
