/**
 * What the phrase index holds: a concept's term, or a modifier trigger of a kind, and
 * which kind each trigger list of `safety/modifiers.yaml` makes. Part of the red-flag
 * model's shape, so the loader checks every list and triage compiles them alike
 * (src/core/triage/triggers.ts).
 */
import type { Modifiers } from "./triage-schema.js";

export type Trigger =
  | "neg-before"
  | "neg-after"
  | "pseudo"
  | "terminator"
  | "hypo-clause"
  | "hypo-sentence"
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
