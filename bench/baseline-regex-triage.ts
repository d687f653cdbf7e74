/**
 * The red-flag triage vitabot had before the triage engine: regular expressions over the
 * normalised question, cleared when the message opened like a general question. Kept
 * only so `npm run bench answers` can print the engine beside it in the same run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load as parse } from "js-yaml";
import { z } from "zod";
import { normalize } from "../src/core/text/normalize.js";
import { PACKAGE_ROOT } from "../src/paths.js";

const PatternsSchema = z.strictObject({
  redFlags: z.array(z.strictObject({ id: z.string(), patterns: z.array(z.string()).min(1) })).min(1),
});

const GENERAL_QUESTION =
  /^(can|could|does|do|did|is|are|was|were|will|would|what|whats|what's|why|how|which|when|should|at what|in what)\b/;
const HYPOTHETICAL_SUBJECT =
  /\b(can|could|should|would|will|do|does|might|if) (i|you|we|someone|somebody|people|a person)\b/g;
const PERSONAL =
  /\b(i|i'm|im|i've|ive|i'd|me|my|mine|myself|we|our|us|he|she|his|her|him|they|their|them|dad|father|mom|mum|mother|wife|husband|son|daughter|kid|child|baby|friend|grandma|grandpa|grandmother|grandfather|partner|coworker|colleague|right now|currently)\b/;

/** The baseline: the id of the first red flag a message raises, or undefined. */
export function createRegexTriage(): (message: string) => string | undefined {
  const raw = readFileSync(join(PACKAGE_ROOT, "bench/data/regex-red-flags.yaml"), "utf8");
  const flags = PatternsSchema.parse(parse(raw)).redFlags.map((flag) => ({
    id: flag.id,
    patterns: flag.patterns.map((source) => new RegExp(source, "iu")),
  }));
  return (message) => {
    const text = normalize(message);
    const flag = flags.find((f) => f.patterns.some((p) => p.test(text)));
    if (!flag) return undefined;
    const general = GENERAL_QUESTION.test(text) && !PERSONAL.test(text.replace(HYPOTHETICAL_SUBJECT, " "));
    return general ? undefined : flag.id;
  };
}
