/**
 * `vitabot triage --explain`: what the engine found in a message, which mentions a
 * modifier cleared and why, and the decision with the rule that set it.
 */
import type { TriageResult } from "./triage.js";
import { EXPLAINED_TRIGGERS } from "./triggers.js";

const MODIFIER_WORDS = {
  negated: "negated",
  hypothetical: "a general or hypothetical question",
  historical: "in the past and dealt with",
  figurative: "a figure of speech",
  ambient: "the temperature of a place or thing, not a body",
  activity: "the length of an activity, not of a symptom",
} as const;

/** The decision in one line: "emergency: stroke (Possible stroke)" or "not urgent". */
export function describeDecision(result: TriageResult): string {
  const d = result.decision;
  return d ? `urgent, ${d.tier}: ${d.category.id} (${d.category.label})` : "not urgent";
}

/** A plain-text explanation, one line per finding. */
export function explain(message: string, result: TriageResult): string {
  const lines = [`Message: ${JSON.stringify(message)}`, "Concepts:"];
  if (result.findings.length === 0) lines.push("  (none)");
  for (const f of result.findings) {
    const who = f.otherPerson ? " [someone else]" : "";
    const status =
      f.cleared.length === 0 ? "counts" : `cleared: ${f.cleared.map((m) => MODIFIER_WORDS[m]).join(", ")}`;
    lines.push(`  sentence ${f.sentence + 1}  ${f.concept.padEnd(24)} "${f.text}"  ${status}${who}`);
  }
  const seen = new Set<string>();
  const shown = result.triggers.filter((t) => {
    const key = `${t.sentence}|${t.kind}|${t.text}`;
    if (!EXPLAINED_TRIGGERS.has(t.kind) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  lines.push("Modifiers:");
  if (shown.length === 0) lines.push("  (none)");
  for (const t of shown) lines.push(`  sentence ${t.sentence + 1}  ${t.kind.padEnd(24)} "${t.text}"`);
  lines.push(`Decision: ${describeDecision(result)}`);
  for (const fired of result.fired) {
    const unless = fired.rule.unless.length > 0 ? ` (unless ${JSON.stringify(fired.rule.unless)})` : "";
    lines.push(`  ${fired.category.id} ${fired.tier}: all of [${fired.rule.all.join(", ")}]${unless}`);
  }
  return `${lines.join("\n")}\n`;
}
