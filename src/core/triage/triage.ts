/**
 * Red-flag triage, run before anything reads a person's words. It reads symptom and
 * setting concepts (phrases over stemmed tokens: read-concepts.ts), applies ConText-style
 * modifiers to each mention (negated, hypothetical or general, historical, figure of
 * speech; someone else living it is noted but still counts: apply-modifiers.ts), then
 * fires the clinical categories whose rules are met by what is left (decide-rules.ts).
 * The decision names the category, its tier and its action. A message mostly in another
 * language, which none of this can read, gets its own category (other-language.ts).
 */
import type { TriageModel } from "../content/triage-schema.js";
import { createModifiers, type Finding, type TriggerFound } from "./apply-modifiers.js";
import { createDecider, type Decision } from "./decide-rules.js";
import { createLanguageCheck } from "./other-language.js";
import { createConceptReader } from "./read-concepts.js";

export type { Finding, TriggerFound } from "./apply-modifiers.js";
export type { Decision } from "./decide-rules.js";

export interface TriageResult {
  /** The category to answer with: emergency before same_day, then content order. */
  decision: Decision | undefined;
  /** Every category that fired, in the same order. */
  fired: Decision[];
  findings: Finding[];
  /** The modifier triggers that were read (empty from `check`). */
  triggers: TriggerFound[];
}

/**
 * Compiles the model once; `triage(text)` then runs per message.
 * @throws Error when a term is malformed or near-concepts loop (the loader reports these).
 */
export function createTriage(model: TriageModel) {
  const { read, knows } = createConceptReader(model);
  const countedConcepts = createModifiers(model);
  const decide = createDecider(model);
  const languageOf = createLanguageCheck(model, knows);

  /** The other-language category's own concepts: an explanation shows them only for such a message. */
  const gatedCategory = model.categories.find((c) => c.id === model.modifiers.otherLanguage?.category);
  const gatedConcepts = new Set(Object.keys(gatedCategory?.concepts ?? {}));

  /** Drops the other-language cue words from an English message's explanation. */
  function englishOnly(findings: Finding[] | undefined): void {
    if (!findings || gatedConcepts.size === 0) return;
    const kept = findings.filter((f) => !gatedConcepts.has(f.concept));
    findings.splice(0, findings.length, ...kept);
  }

  function run(message: string, findings: Finding[] | undefined, found?: TriggerFound[]): Decision[] {
    const sentences = read(message);
    const active = countedConcepts(sentences, findings, found);
    const fired = decide(active);
    // Only a message with no decision, or a same-day one, can change; most have neither check.
    if (!languageOf || fired[0]?.tier === "emergency") {
      englishOnly(findings);
      return fired;
    }
    const language = languageOf(message, sentences);
    if (language === undefined) {
      englishOnly(findings);
      return fired;
    }
    findings?.push({
      concept: "other-language",
      text: `mostly not English (franc: ${language})`,
      sentence: 0,
      cleared: [],
      otherPerson: false,
    });
    if (fired.length === 0) return decide(active, true);
    // What fired was read from the few English words; the rest may hold a worse sign, and
    // in doubt between tiers we choose emergency.
    return fired.map((d) => {
      const action = d.category.actions.emergency;
      return action ? { ...d, tier: "emergency" as const, action } : d;
    });
  }

  /** Triage of one message: what was found, what was cleared and why, and the decision. */
  function triage(message: string): TriageResult {
    const findings: Finding[] = [];
    const triggers: TriggerFound[] = [];
    const fired = run(message, findings, triggers);
    return { decision: fired[0], fired, findings, triggers };
  }

  /** The decision alone, without the findings (the answer engine's path). */
  function check(message: string): Decision | undefined {
    return run(message, undefined)[0];
  }

  return { triage, check };
}
