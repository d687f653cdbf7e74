/**
 * Zod schemas for the red-flag model in `content/safety/`: the concepts (symptoms and
 * settings, as words people use), the context modifiers (negation, hypothetical,
 * history, figures of speech), and the clinical categories whose rules combine
 * concepts into a tier. `content/README.md` describes the files in prose.
 */
import { z } from "zod";
import type { Phrase } from "../text/phrases.js";
import type { Value } from "./triage-triggers.js";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens (kebab-case)");
/** A term: words, `*` gaps, `#N` numbers, `=Exact` spellings (see src/core/text/phrases.ts). */
const term = text(120);
const terms = z.array(term);
/** One or more concept ids joined by `|`: any of them. */
const anyOf = z
  .string()
  .regex(/^[a-z0-9-]+(\|[a-z0-9-]+)*$/, 'must be concept ids joined by "|", e.g. "chest-pain|breathless"');

/** What to do: every action names the emergency number, whatever else it says. */
const action = text(600).refine((a) => a.includes("{emergency}"), {
  message: "must name the emergency number with {emergency}",
});

const TIERS = ["emergency", "same_day"] as const;
export const TierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof TierSchema>;

const ConceptSchema = z
  .strictObject({
    /** Words and phrases that mean this concept. */
    terms: terms.default([]),
    /** Also present when one concept of each group occurs within `window` words in a sentence. */
    near: z
      .strictObject({
        all: z.array(anyOf).min(2),
        window: z.number().int().min(1).max(30).default(6),
      })
      .optional(),
    /** A setting rather than a symptom (on blood thinners, after a workout): only negation clears it. */
    context: z.boolean().default(false),
    /** Often a figure of speech ("gave me a heart attack"): cleared in a sentence that jokes. */
    idiom: z.boolean().default(false),
    /** Never cleared as a figure of speech (first-person self-harm wording). */
    literal: z.boolean().default(false),
    /** Concepts this one hides where they overlap ("heat stroke" hides "stroke"). */
    hides: z.array(slug).default([]),
    /**
     * Says a sign passed ("it settled", "fine after", "back to normal"): as a rule's
     * `unless`, it clears only the sign it follows (in its sentence up to its clause, or
     * the last sentence before it with a sign), never a later, different one.
     */
    resolves: z.boolean().default(false),
  })
  .refine((c) => c.terms.length > 0 || c.near !== undefined, {
    message: "needs terms, or near groups, or both",
  });
export type Concept = z.infer<typeof ConceptSchema>;

export const ConceptFileSchema = z.strictObject({
  /** Long words whose typos are tolerated ("siezure", "anaphalaxis"). */
  fuzzy: z.array(z.string().regex(/^[a-z]{5,}$/, "must be one lower-case word of 5+ letters")).default([]),
  concepts: z.record(slug, ConceptSchema),
});

const RuleSchema = z.strictObject({
  tier: TierSchema,
  /** Every entry must be present (an entry is concept ids joined by `|`, any of them). */
  all: z.array(anyOf).min(1),
  /** The rule does not fire when any of these is present; a list inside means all of it. */
  unless: z.array(z.union([anyOf, z.array(anyOf).min(2)])).default([]),
  /** Replaces the category's action for this tier. */
  action: action.optional(),
});
export type Rule = z.infer<typeof RuleSchema>;

const CategorySchema = z
  .strictObject({
    id: slug,
    label: text(80),
    /** What was recognised, in plain words: "This could be a stroke." */
    says: text(160),
    /** `crisis`: self-harm wording, private, never shared; `medical`: the rest. */
    reply: z.enum(["medical", "crisis"]).default("medical"),
    /**
     * What to do, per tier; `{emergency}`, `{crisis}` and `{poison}` become the
     * configured numbers.
     */
    actions: z.strictObject({ emergency: action.optional(), same_day: action.optional() }),
    sources: z.array(slug).min(1, "needs at least one source"),
    concepts: z.record(slug, ConceptSchema).default({}),
    rules: z.array(RuleSchema).min(1),
  })
  .superRefine((category, ctx) => {
    category.rules.forEach((rule, i) => {
      if (!rule.action && !category.actions[rule.tier]) {
        ctx.addIssue({
          code: "custom",
          path: ["rules", i, "tier"],
          message: `needs an action: add actions.${rule.tier} or the rule's own action`,
        });
      }
    });
  });
export type Category = z.infer<typeof CategorySchema>;
export const CategoryFileSchema = z.array(CategorySchema).min(1);

const triggers = terms.default([]);

export const ModifiersSchema = z.strictObject({
  /** How many words a negation reaches (NegEx used 5). */
  window: z.number().int().min(1).max(12),
  negation: z.strictObject({
    /** "no chest pain": negates what follows, up to `window` words or a terminator. */
    before: terms.min(1),
    /** "chest pain ruled out": negates what comes just before. */
    after: triggers,
    /** Look like negations but are not ("not sure", "no longer"). */
    pseudo: triggers,
  }),
  /** End a negation's or a hypothetical's reach ("no fever but my chest hurts"). */
  terminators: terms.min(1),
  hypothetical: z.strictObject({
    /** Make the rest of their clause hypothetical ("if", "what if", "signs of"). */
    clause: terms.min(1),
    // No cue makes a whole message general: a crossword, a quiz or a training day clears its
    // own sentence, so an emergency told in the next sentence still counts.
    /** Make the whole sentence general ("how do you know", "i read that"). */
    sentence: triggers,
    /** Make the few words before them hypothetical ("self-harm warning signs"). */
    after: triggers,
    /** Look hypothetical but are not ("not sure if", "what does it mean if"). */
    pseudo: triggers,
  }),
  /** Question words ("what", "how"); a question with no personal word is general. */
  questionWords: terms.min(1),
  /** Auxiliaries that open a question ("can", "does") when a subject follows or it ends with "?". */
  auxiliaries: terms.min(1),
  /** Words that can follow an auxiliary in a question ("can *low* magnesium…", "does *it*…"). */
  subjects: terms.min(1),
  /** Words skipped before the first word of a sentence ("hey", "quick q"). */
  openers: triggers,
  /** Words that put a person in the sentence ("my", "he", "grandma"). */
  personal: terms.min(1),
  /** Personal words that don't make it personal ("can i", "should i"). */
  impersonal: triggers,
  /** Other people living it ("my dad", "a colleague"): noted, never cleared. */
  otherPerson: triggers,
  /** Clearly over and dealt with ("years ago", "was treated for"). */
  history: terms.min(1),
  /** Happening now or recently ("today", "yesterday", "it went away"): history does not clear. */
  present: terms.min(1),
  /** Present-tense words ("is", "keeps"): a later clause in the present is not part of a history. */
  presentTense: triggers,
  /** Happening right now ("right now", "at the moment"): a question is about this, not general. */
  now: terms.min(1),
  figurative: z.strictObject({
    /** Idioms that hide a concept's words ("gave me a heart attack"). */
    phrases: triggers,
    /** Words that mark a sentence as a joke, for concepts marked `idiom` ("lol"). */
    sentence: triggers,
  }),
  /** Harmless phrases that hide a concept's words ("hard to swallow pills", "fell asleep"). */
  benign: triggers,
  /**
   * Readings that belong to something other than the body or the symptom. A temperature
   * within `reach` words of a place or thing (`ambient`: "room", "oven", "outside") in one
   * clause, with no person or `body` word ("my", "temp") between, is not a body's; a
   * duration just before an activity (`activity`: "shift", "stream") is the activity's
   * length, not how long a symptom has lasted.
   */
  readings: z
    .strictObject({
      ambient: triggers,
      body: triggers,
      activity: triggers,
      reach: z.number().int().min(1).max(12).default(5),
      /** Concepts a place's temperature still means (a hot place is `heat`): never cleared as ambient. */
      places: z.array(slug).default([]),
    })
    .default({ ambient: [], body: [], activity: [], reach: 5, places: [] }),
  /**
   * Phrases that are a sign only standing alone: "came to" is coming round ("came to on
   * the floor", "came to, dazed", "came to slowly") but arriving when what follows is not
   * the clause's end, a number, an adverb (-ly), another sign or one of `followers`
   * ("came to stay", "came to the office").
   */
  standalone: z
    .strictObject({ phrases: triggers, followers: z.array(z.string().regex(/^[a-z]+$/)).default([]) })
    .default({ phrases: [], followers: [] }),
  /** Chat spellings, word -> words ("im" -> "i am"). */
  spelling: z.record(z.string().regex(/^[a-z0-9']+$/), text(40)).default({}),
  /** Word sequences read as another ("could not" -> "can not", "unable to" -> "can not"). */
  rewrite: z.record(z.string().regex(/^[a-z0-9' ]+$/), text(40)).default({}),
  /** Words a phrase may skip anywhere inside it ("can not *really* breathe"). */
  fillers: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /**
   * Messages mostly in another language, which the model cannot read: when nothing else
   * fired, a message of at least `minWords` words of which under `maxEnglish` are words
   * the model or `english` knows, and that franc does not read as English, fires
   * `category` (whose rules name the health cues it needs).
   */
  otherLanguage: z
    .strictObject({
      category: slug,
      minWords: z.number().int().min(1).max(50),
      maxEnglish: z.number().min(0).max(1),
      english: z.array(z.string().regex(/^[a-z']+$/)).min(1),
    })
    .optional(),
});
export type Modifiers = z.infer<typeof ModifiersSchema>;

/** The whole red-flag model, as the loader hands it to the triage engine. */
export interface TriageModel {
  modifiers: Modifiers;
  fuzzy: readonly string[];
  /** Shared concepts and every category's own, by id. */
  concepts: ReadonlyMap<string, Concept>;
  /** In content order (the order of `content/safety/categories.yaml`). */
  categories: readonly Category[];
  /**
   * Every term compiled (triggers.ts `compilePhrases`), when the model comes from the
   * content snapshot; triage compiles the terms itself when this is absent.
   */
  phrases?: readonly Phrase<Value>[];
}
