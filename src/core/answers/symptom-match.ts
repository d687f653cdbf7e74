/**
 * Which deficiencies a description of symptoms fits. A symptom term ("weak thighs",
 * "aching bones") is found when all its words' lemmas occur in one clause of the message,
 * in any order and any inflection: "weak thighs and aching bones" and "my thighs are weak
 * and my bones ache" read the same. Clauses end at punctuation and joining words, so
 * "weak" and "bones" from two clauses never make "weak bones". A term that itself holds
 * a joining word ("pins and needles") keeps it joined.
 */
import type { Nutrient, NutrientId } from "../content/schema.js";
import { normalize } from "../text/normalize.js";
import { symptomReader, tellingWords } from "../text/symptom-reading.js";
import type { Word, WordReader } from "../text/words.js";

/** A nutrient whose deficiency symptoms a text describes, with the terms that matched. */
export interface SymptomMatch {
  id: NutrientId;
  terms: string[];
  /** How telling the matched words are: each word counts 1 / the number of deficiencies it is a sign of. */
  score: number;
}

interface Term {
  id: NutrientId;
  term: string;
  /** The lemmas that must share a clause, each once. */
  lemmas: string[];
}

/** `before|joiner|after` lemma triples that a term holds, so they stay one clause. */
function gluesOf(words: readonly Word[]): string[] {
  const glues: string[] = [];
  words.forEach((word, i) => {
    const before = words[i - 1];
    const after = words[i + 1];
    if (word.joiner && before && after && !before.joiner && !after.joiner)
      glues.push(`${before.lemma}|${word.lemma}|${after.lemma}`);
  });
  return glues;
}

/** Builds the matcher once per content load; `match` is then a pure lookup. */
export function createSymptomMatcher(nutrients: readonly Nutrient[], reader: WordReader) {
  const glues = new Set<string>();
  const terms: Term[] = nutrients.flatMap((n) =>
    n.symptomTerms.map((term) => {
      const { words } = reader.read(normalize(term));
      for (const glue of gluesOf(words)) glues.add(glue);
      const lemmas = [...new Set(tellingWords(words).map((w) => w.lemma))];
      return { id: n.id, term, lemmas };
    }),
  );
  const order = new Map(nutrients.map((n, i) => [n.id, i]));
  // A word many deficiencies share ("weak", "tingling") says less than one only a few have ("thigh").
  const sharedBy = new Map<string, Set<NutrientId>>();
  for (const term of terms)
    for (const lemma of term.lemmas) sharedBy.set(lemma, (sharedBy.get(lemma) ?? new Set()).add(term.id));
  const weightOf = (term: Term) => term.lemmas.reduce((sum, l) => sum + 1 / (sharedBy.get(l)?.size ?? 1), 0);
  const weights = new Map(terms.map((t) => [t, weightOf(t)]));

  /** The message's clauses, each as the set of its lemmas. */
  function clausesOf(words: readonly Word[]): Set<string>[] {
    const clauses: Set<string>[] = [new Set()];
    words.forEach((word, i) => {
      const clause = clauses[clauses.length - 1] as Set<string>;
      if (!word.joiner) {
        clause.add(word.lemma);
        return;
      }
      const before = words[i - 1];
      const after = words[i + 1];
      const glued = before && after && glues.has(`${before.lemma}|${word.lemma}|${after.lemma}`);
      if (!glued && clause.size > 0) clauses.push(new Set());
    });
    return clauses.filter((c) => c.size > 0);
  }

  /** Nutrients whose symptom terms the words describe, best fit (most telling words matched) first. */
  function matchWords(words: readonly Word[]): SymptomMatch[] {
    const clauses = clausesOf(words);
    const found = new Map<NutrientId, SymptomMatch>();
    for (const term of terms) {
      if (!clauses.some((clause) => term.lemmas.every((lemma) => clause.has(lemma)))) continue;
      const entry = found.get(term.id) ?? { id: term.id, terms: [], score: 0 };
      entry.terms.push(term.term);
      entry.score += weights.get(term) ?? 0;
      found.set(term.id, entry);
    }
    return [...found.values()].sort(
      (a, b) => b.score - a.score || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
    );
  }

  return {
    matchWords,
    /** The same for text already normalised. */
    match: (normalized: string) => matchWords(reader.read(normalized).words),
  };
}

/**
 * The reader of symptom descriptions for this content: its lay words, misspellings read
 * as the symptom terms' words, and never a word the content itself uses.
 */
export function createSymptomReader(
  nutrients: readonly Nutrient[],
  says: Readonly<Record<string, string>>,
  known?: ReadonlySet<string>,
): WordReader {
  return symptomReader(
    nutrients.flatMap((n) => n.symptomTerms),
    says,
    known,
  );
}
