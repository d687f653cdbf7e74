/**
 * What the phrase index holds: concept terms and modifier triggers by kind, and the
 * index built from a red-flag model.
 */
import type { Modifiers, TriageModel } from "../content/triage-schema.js";
import { compileTerm, type Phrase, PhraseIndex, type PhraseMatch } from "./phrases.js";

export type Trigger =
  | "neg-before"
  | "neg-after"
  | "pseudo"
  | "terminator"
  | "hypo-clause"
  | "hypo-sentence"
  | "hypo-message"
  | "hypo-after"
  | "impersonal"
  | "other-person"
  | "history"
  | "present"
  | "present-tense"
  | "now"
  | "figure"
  | "joke"
  | "benign"
  | "question"
  | "auxiliary"
  | "subject"
  | "opener"
  | "personal"
  | "ambient"
  | "body"
  | "activity"
  | "standalone";

export type Value = { concept: string } | { trigger: Trigger };

/** Triggers with a reach; of two that overlap, the longer stands ("recovered" inside "fully recovered"). */
export const SCOPED: ReadonlySet<Trigger> = new Set([
  "neg-before",
  "neg-after",
  "terminator",
  "hypo-clause",
  "hypo-sentence",
  "hypo-message",
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

/** Every trigger list of `safety/modifiers.yaml`, by its path there, with the trigger it makes. */
export function modifierLists(m: Modifiers): { path: string; terms: readonly string[]; trigger: Trigger }[] {
  return [
    { path: "negation.before", terms: m.negation.before, trigger: "neg-before" },
    { path: "negation.after", terms: m.negation.after, trigger: "neg-after" },
    { path: "negation.pseudo", terms: m.negation.pseudo, trigger: "pseudo" },
    { path: "hypothetical.pseudo", terms: m.hypothetical.pseudo, trigger: "pseudo" },
    { path: "terminators", terms: m.terminators, trigger: "terminator" },
    { path: "hypothetical.clause", terms: m.hypothetical.clause, trigger: "hypo-clause" },
    { path: "hypothetical.sentence", terms: m.hypothetical.sentence, trigger: "hypo-sentence" },
    { path: "hypothetical.message", terms: m.hypothetical.message, trigger: "hypo-message" },
    { path: "hypothetical.after", terms: m.hypothetical.after, trigger: "hypo-after" },
    { path: "impersonal", terms: m.impersonal, trigger: "impersonal" },
    { path: "otherPerson", terms: m.otherPerson, trigger: "other-person" },
    { path: "history", terms: m.history, trigger: "history" },
    { path: "present", terms: m.present, trigger: "present" },
    { path: "presentTense", terms: m.presentTense, trigger: "present-tense" },
    { path: "now", terms: m.now, trigger: "now" },
    { path: "figurative.phrases", terms: m.figurative.phrases, trigger: "figure" },
    { path: "figurative.sentence", terms: m.figurative.sentence, trigger: "joke" },
    { path: "benign", terms: m.benign, trigger: "benign" },
    { path: "questionWords", terms: m.questionWords, trigger: "question" },
    { path: "auxiliaries", terms: m.auxiliaries, trigger: "auxiliary" },
    { path: "subjects", terms: m.subjects, trigger: "subject" },
    { path: "openers", terms: m.openers, trigger: "opener" },
    { path: "personal", terms: m.personal, trigger: "personal" },
    { path: "readings.ambient", terms: m.readings.ambient, trigger: "ambient" },
    { path: "readings.body", terms: m.readings.body, trigger: "body" },
    { path: "readings.activity", terms: m.readings.activity, trigger: "activity" },
    { path: "standalone.phrases", terms: m.standalone.phrases, trigger: "standalone" },
  ];
}

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
