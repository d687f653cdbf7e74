/**
 * Red-flag triage, run before anything reads a person's words. It reads symptom and
 * setting concepts (phrases over stemmed tokens: read-concepts.ts), applies ConText-style
 * modifiers to each mention (negated, hypothetical or general, historical, figure of
 * speech; someone else living it is noted but still counts: apply-modifiers.ts), then
 * fires the clinical categories whose rules are met by what is left (decide-rules.ts).
 * The decision names the category, its tier and its action.
 */
import type { TriageModel } from "../content/triage-schema.js";
import { createModifiers, type Finding, type TriggerFound } from "./apply-modifiers.js";
import { createDecider, type Decision } from "./decide-rules.js";
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
  const read = createConceptReader(model);
  const countedConcepts = createModifiers(model);
  const decide = createDecider(model);

  /** Triage of one message: what was found, what was cleared and why, and the decision. */
  function triage(message: string): TriageResult {
    const findings: Finding[] = [];
    const triggers: TriggerFound[] = [];
    const fired = decide(countedConcepts(read(message), findings, triggers));
    return { decision: fired[0], fired, findings, triggers };
  }

  /** The decision alone, without the findings (the answer engine's path). */
  function check(message: string): Decision | undefined {
    return decide(countedConcepts(read(message), undefined))[0];
  }

  return { triage, check };
}
