/**
 * The frozen, labelled question sets (tests/fixtures/questions.yaml, and the blind sets
 * written for the content review, questions-2.yaml to questions-11.yaml) and how an
 * answerer is scored on them. Shared by the engine test and `npm run bench`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load as parse } from "js-yaml";
import { z } from "zod";
import { ANSWER_KINDS, type AnswerKind } from "../../src/core/answers/engine.js";
import { NutrientIdSchema } from "../../src/core/content/schema.js";
import { PACKAGE_ROOT } from "../../src/paths.js";

const LabelledSchema = z.array(
  z.strictObject({
    q: z.string().min(1),
    kind: z.enum(ANSWER_KINDS),
    nutrients: z.array(NutrientIdSchema).min(1).optional(),
    /** Kinds also right for a message holding several questions (set 2); `kind` alone otherwise. */
    accept: z.array(z.enum(ANSWER_KINDS)).min(1).optional(),
    category: z.string().min(1),
  }),
);
export type Labelled = z.infer<typeof LabelledSchema>[number];

/** The labelled sets in tests/fixtures/, oldest first. */
export const QUESTION_SETS = [
  "questions.yaml",
  "questions-2.yaml",
  "questions-3.yaml",
  "questions-4.yaml",
  "questions-5.yaml",
  "questions-6.yaml",
  "questions-7.yaml",
  "questions-8.yaml",
  "questions-9.yaml",
  "questions-10.yaml",
  "questions-11.yaml",
] as const;

export function loadQuestionSet(file: (typeof QUESTION_SETS)[number] = "questions.yaml"): Labelled[] {
  const raw = readFileSync(join(PACKAGE_ROOT, "tests/fixtures", file), "utf8");
  return LabelledSchema.parse(parse(raw));
}

export interface Verdict {
  item: Labelled;
  got: { kind: AnswerKind; nutrients: readonly string[] };
  right: boolean;
}

/**
 * Right means: the kind is the label's (or one it accepts) and, when both are answers,
 * nutrients[0] is one of the expected ids.
 */
export function judge(item: Labelled, got: Verdict["got"]): Verdict {
  const kindRight = (item.accept ?? [item.kind]).includes(got.kind);
  const nutrientRight =
    item.kind !== "answer" ||
    got.kind !== "answer" ||
    (item.nutrients ?? []).some((id) => id === got.nutrients[0]);
  return { item, got, right: kindRight && nutrientRight };
}

export interface Score {
  total: number;
  right: number;
  accuracy: number;
  urgentTotal: number;
  urgentFound: number;
  urgentRecall: number;
  falseAlarms: number;
  wrong: Verdict[];
}

export function score(verdicts: readonly Verdict[]): Score {
  const urgent = verdicts.filter((v) => v.item.kind === "urgent");
  const urgentFound = urgent.filter((v) => v.got.kind === "urgent").length;
  const right = verdicts.filter((v) => v.right).length;
  return {
    total: verdicts.length,
    right,
    accuracy: right / verdicts.length,
    urgentTotal: urgent.length,
    urgentFound,
    urgentRecall: urgent.length === 0 ? 1 : urgentFound / urgent.length,
    falseAlarms: verdicts.filter((v) => v.item.kind !== "urgent" && v.got.kind === "urgent").length,
    wrong: verdicts.filter((v) => !v.right),
  };
}
