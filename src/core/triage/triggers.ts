/**
 * The phrase index built from a red-flag model (its concept terms and modifier triggers,
 * see src/core/content/triage-triggers.ts), and which triggers reach, block or explain.
 */
import type { Modifiers, TriageModel } from "../content/triage-schema.js";
import { modifierLists, type Trigger, type Value } from "../content/triage-triggers.js";
import { compileTerm, type Phrase, PhraseIndex, type PhraseMatch } from "../text/phrases.js";

/** Triggers with a reach; of two that overlap, the longer stands ("recovered" inside "fully recovered"). */
export const SCOPED: ReadonlySet<Trigger> = new Set([
  "neg-before",
  "neg-after",
  "terminator",
  "hypo-clause",
  "hypo-sentence",
  "hypo-after",
  "history",
  "present",
  "present-tense",
  "now",
  "joke",
]);

/** Phrases that hide what they overlap: a pseudo-negation, an idiom, a harmless phrase. */
export const BLOCKERS: ReadonlySet<Trigger> = new Set(["pseudo", "figure", "benign"]);

/** Triggers an explanation shows: the ones that clear or keep a mention (not openers, subjects, "is"…). */
export const EXPLAINED_TRIGGERS: ReadonlySet<string> = new Set([
  ...[...SCOPED, ...BLOCKERS].filter((t) => t !== "present-tense"),
  "ambient",
  "activity",
  "standalone",
]);

/** The words the model's `spelling` list splits or respells, as the tokenizer reads them. */
export function spellingOf(m: Modifiers): Map<string, string[]> {
  return new Map(Object.entries(m.spelling).map(([word, words]) => [word, words.split(/\s+/)]));
}

/**
 * Every term of the model compiled (tokenized and stemmed): concept terms, then modifier
 * triggers by kind. The content snapshot keeps them, so a start skips this step.
 */
export function compilePhrases(model: TriageModel): Phrase<Value>[] {
  const spelling = spellingOf(model.modifiers);
  const phrases: Phrase<Value>[] = [];
  const add = (list: readonly string[], value: Value) => {
    for (const t of list) phrases.push(compileTerm<Value>(t, value, spelling));
  };
  for (const [id, concept] of model.concepts) add(concept.terms, { concept: id });
  for (const { terms, trigger } of modifierLists(model.modifiers)) add(terms, { trigger });
  return phrases;
}

/**
 * Every term of the model in one phrase index: the compiled phrases the model carries
 * (from the content snapshot), else its terms compiled now. The compiled phrases are
 * dropped once the index holds them.
 */
export function buildIndex(model: TriageModel): PhraseIndex<Value> {
  return new PhraseIndex(model.phrases ?? compilePhrases(model), model.fuzzy, model.modifiers.fillers);
}

/** The concept id of a match ("" for a trigger). */
export function conceptOf(match: PhraseMatch<Value>): string {
  return "concept" in match.phrase.value ? match.phrase.value.concept : "";
}
