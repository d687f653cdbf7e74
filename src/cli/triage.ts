/**
 * `vitabot triage "text" [--explain] [--json]`: red-flag triage alone, on the command
 * line. No database; content only.
 */
import type { Writable } from "node:stream";
import { describeDecision, explain } from "../core/triage/explain.js";
import type { TriageResult } from "../core/triage/triage.js";

const TRIAGE_USAGE = 'Usage: vitabot triage "message" [--explain] [--json]\n';

function toJson(message: string, result: TriageResult): string {
  const d = result.decision;
  return JSON.stringify({
    message,
    urgent: d !== undefined,
    ...(d ? { urgency: d.tier, flag: { id: d.category.id, label: d.category.label }, rule: d.rule.all } : {}),
    fired: result.fired.map((f) => ({ id: f.category.id, urgency: f.tier })),
    findings: result.findings,
  });
}

/** Prints the triage of one message; exit code 0, or 2 for a usage error. */
export function runTriage(
  triage: (message: string) => TriageResult,
  argv: readonly string[],
  io: { stdout: Writable; stderr: Writable },
): number {
  const flags = new Set(argv.filter((a) => a.startsWith("--")));
  const unknown = [...flags].filter((f) => f !== "--explain" && f !== "--json");
  const message = argv.filter((a) => !a.startsWith("--")).join(" ");
  if (unknown.length > 0 || message.trim() === "") {
    io.stderr.write(
      unknown.length > 0 ? `Unknown option ${unknown.join(", ")}. ${TRIAGE_USAGE}` : TRIAGE_USAGE,
    );
    return 2;
  }
  const result = triage(message);
  if (flags.has("--json")) io.stdout.write(`${toJson(message, result)}\n`);
  else if (flags.has("--explain")) io.stdout.write(explain(message, result));
  else io.stdout.write(`${describeDecision(result)}\n`);
  return 0;
}
