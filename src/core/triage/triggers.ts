/**
 * What the phrase index holds: concept terms and modifier triggers by kind, and the
 * index built from a red-flag model.
 */
import type { TriageModel } from "../content/triage-schema.js";
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
  | "personal";

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
export const EXPLAINED_TRIGGERS: ReadonlySet<string> = new Set(
  [...SCOPED, ...BLOCKERS].filter((t) => t !== "present-tense"),
);

/**
 * Every term of the model in one phrase index: concept terms, and modifier triggers by
 * kind. The compiled phrases are dropped once the index holds them.
 */
export function buildIndex(
  model: TriageModel,
  spelling: ReadonlyMap<string, readonly string[]>,
): PhraseIndex<Value> {
  const m = model.modifiers;
  const phrases: Phrase<Value>[] = [];
  const add = (list: readonly string[], value: Value) => {
    for (const t of list) phrases.push(compileTerm<Value>(t, value, spelling));
  };
  for (const [id, concept] of model.concepts) add(concept.terms, { concept: id });
  const triggerLists: [readonly string[], Trigger][] = [
    [m.negation.before, "neg-before"],
    [m.negation.after, "neg-after"],
    [[...m.negation.pseudo, ...m.hypothetical.pseudo], "pseudo"],
    [m.terminators, "terminator"],
    [m.hypothetical.clause, "hypo-clause"],
    [m.hypothetical.sentence, "hypo-sentence"],
    [m.hypothetical.message, "hypo-message"],
    [m.hypothetical.after, "hypo-after"],
    [m.impersonal, "impersonal"],
    [m.otherPerson, "other-person"],
    [m.history, "history"],
    [m.present, "present"],
    [m.presentTense, "present-tense"],
    [m.now, "now"],
    [m.figurative.phrases, "figure"],
    [m.figurative.sentence, "joke"],
    [m.benign, "benign"],
    [m.questionWords, "question"],
    [m.auxiliaries, "auxiliary"],
    [m.subjects, "subject"],
    [m.openers, "opener"],
    [m.personal, "personal"],
  ];
  for (const [list, trigger] of triggerLists) add(list, { trigger });
  return new PhraseIndex(phrases, model.fuzzy, m.fillers);
}

/** The concept id of a match ("" for a trigger). */
export function conceptOf(match: PhraseMatch<Value>): string {
  return "concept" in match.phrase.value ? match.phrase.value.concept : "";
}
