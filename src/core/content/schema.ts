/**
 * Zod schemas for everything in `content/`. Types are inferred from them, so the
 * files on disk, the loader and the engine can never disagree about a shape.
 * The prose version of these rules lives in `content/README.md`.
 */
import { z } from "zod";
import { NUTRIENT_IDS, TIP_MAX_CHARS, TIP_THEMES } from "./content-ids.js";
import { searchPageReason } from "./source-url.js";

export { NUTRIENT_IDS, TIP_MAX_CHARS };

export const NutrientIdSchema = z.enum(NUTRIENT_IDS);
export type NutrientId = z.infer<typeof NutrientIdSchema>;

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens (kebab-case)");
/** A key into the source registry in `content/sources/`. */
const sourceRef = slug;
const sourceRefs = z.array(sourceRef).min(1, "needs at least one source");

const SourceSchema = z.strictObject({
  title: text(300),
  url: z.url({ protocol: /^https$/, error: "must be an https:// URL" }).superRefine((url, ctx) => {
    const reason = searchPageReason(url);
    if (reason) {
      ctx.addIssue({
        code: "custom",
        message: `must link the article or fact sheet itself, not a search page: ${reason}`,
      });
    }
  }),
});
export type Source = z.infer<typeof SourceSchema>;
/** One file of `content/sources/`: a map from source id to title and URL. */
export const SourceFileSchema = z.record(slug, SourceSchema);

const IntakeRowSchema = z.strictObject({
  /** Who the row is for, as people say it: "Adults 19–70", "Women 51+", "Pregnancy". */
  group: text(60),
  /** RDA: Recommended Dietary Allowance; AI: Adequate Intake (used where no RDA is set). */
  kind: z.enum(["RDA", "AI"]),
  amount: z.number().positive(),
  /** Tolerable Upper Intake Level in the same unit; null where none has been set. */
  ul: z.number().positive().nullable(),
  /** Vitamin D only: the same figures in international units (1 µg = 40 IU). */
  amountIU: z.number().positive().optional(),
  ulIU: z.number().positive().nullable().optional(),
  note: text(200).optional(),
});

/**
 * What the upper limits count: everything eaten and taken ("all-sources", as for calcium),
 * or only supplements, medicines or fortified foods ("supplements-only", as for magnesium and
 * vitamin E, whose limits can sit below the RDA). Cards mark supplement-only limits.
 */
const UL_COUNTS = ["all-sources", "supplements-only"] as const;

const IntakesSchema = z
  .strictObject({
    unit: z.enum(["µg", "mg", "g"]),
    /** What the amounts measure, when it is not obvious ("ALA", "alpha-tocopherol"). */
    measure: text(80).optional(),
    rows: z.array(IntakeRowSchema).min(3),
    /** Set whenever a row has an upper limit; absent when none has been set. */
    ulCounts: z.enum(UL_COUNTS).optional(),
    /** What the upper limit covers (for example: supplements only, not food). */
    ulNote: text(400),
    source: sourceRef,
  })
  .superRefine((intakes, ctx) => {
    const anyLimit = intakes.rows.some((row) => row.ul !== null);
    if (anyLimit && intakes.ulCounts === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["ulCounts"],
        message: `say what the upper limits count: ${UL_COUNTS.join(" or ")}`,
      });
    }
    if (!anyLimit && intakes.ulCounts !== undefined) {
      ctx.addIssue({ code: "custom", path: ["ulCounts"], message: "no row has an upper limit to describe" });
    }
  });

const FoodSchema = z.strictObject({
  food: text(80),
  serving: text(40),
  /** The amount with its unit, as printed: "645 IU", "2.6 µg", "78 mg". */
  amount: text(40),
  source: sourceRef,
});

const TitledTextSchema = z.strictObject({
  title: text(80),
  text: text(600),
  source: sourceRef,
});

export const NutrientSchema = z.strictObject({
  id: NutrientIdSchema,
  name: text(40),
  /** The short form used in lists: "D", "B12", "magnesium". */
  shortName: text(20),
  /** Other names people use; matched case-insensitively, so give them in lower case. */
  aliases: z.array(text(40)).min(2),
  /** Words and short phrases of symptoms that point towards this deficiency. */
  symptomTerms: z.array(text(40)).min(3),
  summary: text(400),
  muscleRole: text(800),
  mechanisms: z.array(TitledTextSchema).min(1),
  symptoms: z.array(text(200)).min(3),
  fibreEffect: text(500),
  conditions: z.array(text(200)).min(1),
  atRisk: z.array(text(200)).min(2),
  labTest: z.strictObject({ name: text(120), text: text(800), source: sourceRef }),
  foods: z.array(FoodSchema).min(4),
  lifestyle: z
    .array(
      z.strictObject({
        topic: z.enum(["sun", "exercise", "protein", "diet", "other"]),
        text: text(500),
        source: sourceRef,
      }),
    )
    .min(1),
  intakes: IntakesSchema,
  cautions: z.array(TitledTextSchema).min(1),
  reversibility: z.strictObject({ summary: text(200), text: text(800), source: sourceRef }),
  evidence: z
    .array(
      z.strictObject({
        strength: z.enum(["strong", "moderate", "mixed", "weak"]),
        text: text(600),
        source: sourceRef,
      }),
    )
    .min(1),
  sources: sourceRefs,
});
export type Nutrient = z.infer<typeof NutrientSchema>;

export const FAQ_TOPICS = [
  "mechanism",
  "symptoms",
  "test",
  "food",
  "dose",
  "reversibility",
  "risk",
  "safety",
  "lifestyle",
  "comparison",
  "general",
] as const;

/**
 * What an FAQ entry's reply is: an answer about the covered nutrients (the default), or
 * `unknown`: a topic vitabot does not cover, said plainly with what the regulators or
 * the evidence say and who to ask (quinine for cramps).
 */
export const FAQ_KINDS = ["answer", "unknown"] as const;

const FaqEntrySchema = z
  .strictObject({
    id: slug,
    kind: z.enum(FAQ_KINDS).default("answer"),
    question: text(200),
    /** Other ways people ask the same thing; they feed the search index. */
    phrasings: z.array(text(200)).min(2),
    nutrients: z.array(NutrientIdSchema),
    topic: z.enum(FAQ_TOPICS),
    answer: text(900),
    sources: sourceRefs,
  })
  .refine((entry) => entry.kind === "answer" || entry.nutrients.length === 0, {
    path: ["nutrients"],
    message: "an unknown-kind entry is about a topic we don't cover, so it names no nutrients",
  });
export type FaqEntry = z.infer<typeof FaqEntrySchema>;
export const FaqFileSchema = z.array(FaqEntrySchema).min(1);

const TipSchema = z.strictObject({
  id: slug,
  text: text(TIP_MAX_CHARS),
  nutrients: z.array(NutrientIdSchema),
  themes: z.array(z.enum(TIP_THEMES)).min(1),
  source: sourceRef,
});
export type Tip = z.infer<typeof TipSchema>;
export const TipFileSchema = z.array(TipSchema).min(1);

const ChallengeTemplateSchema = z.strictObject({
  id: slug,
  title: text(80),
  description: text(400),
  days: z.number().int().min(3).max(90),
  tasks: z
    .array(z.strictObject({ id: slug, text: text(120), points: z.number().int().min(1).max(10) }))
    .min(1),
  nutrients: z.array(NutrientIdSchema),
  notes: z.array(text(200)).min(2),
  source: sourceRef,
});
export type ChallengeTemplate = z.infer<typeof ChallengeTemplateSchema>;
export const ChallengeFileSchema = z.array(ChallengeTemplateSchema).min(1);

export const SafetySchema = z.strictObject({
  /** The one-line disclaimer every answer carries. */
  disclaimer: text(200),
  /** Questions to bring to a doctor, offered by `symptoms`. */
  doctorQuestions: z.array(text(200)).min(2),
});
export type Safety = z.infer<typeof SafetySchema>;

/** A lay word or phrase, lower case: letters, spaces, hyphens and apostrophes. */
const layWords = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z' -]{0,39}$/,
    "must be lower-case words (letters, spaces, hyphens), 40 characters at most",
  );

/** `symptom-words.yaml`: how people write symptoms, as the words the symptom terms use. */
export const SymptomWordsSchema = z.strictObject({
  /** Lay phrase or form ("charley horse", "calves") -> the content's words ("leg cramps", "calf"). */
  says: z.record(layWords, layWords),
});
export type SymptomWords = z.infer<typeof SymptomWordsSchema>;
