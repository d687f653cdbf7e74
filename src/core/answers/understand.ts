/**
 * Understanding a question before retrieval: which covered nutrients it names, which
 * symptoms it describes, what it asks for, and whether it is in our domain at all.
 */
import type { Nutrient, NutrientId } from "../content/schema.js";
import { normalize, tokenize } from "../text/normalize.js";
import type { WordReader } from "../text/words.js";
import type { NutrientMatcher } from "./nutrient-names.js";
import { createSymptomMatcher, type SymptomMatch } from "./symptom-match.js";
import { readSlips } from "./typing-slips.js";
import { withoutUncovered } from "./uncovered-mask.js";
import { namesUnknownSubject } from "./unnamed-subject.js";
import {
  HEALTH,
  INTENTS,
  type Intent,
  isChat,
  MENTION,
  NAMED_AS,
  SMALL_TALK,
  UNCOVERED_WORDS,
  uncoveredSubject,
  unknownProduct,
} from "./vocabulary.js";

export interface Understanding {
  normalized: string;
  /** `normalized` with lay phrases and misspellings read as the content's words. */
  read: string;
  /** Covered nutrients named in the question, earliest first. */
  named: NutrientId[];
  /** Nutrients whose deficiency symptoms the question describes, best fit first. */
  bySymptom: NutrientId[];
  /**
   * Weaker hints when nothing is named: a deficiency disease the content defines for one
   * nutrient (rickets), and a dose in IU, which is almost always vitamin D.
   */
  hinted: NutrientId[];
  intents: Set<Intent>;
  /**
   * Names a health subject we don't cover (vitamin K, iron; in a health question, a powder or
   * root of a plant the content never names).
   */
  uncovered: boolean;
  /** Mentions health or nutrition at all. */
  health: boolean;
  /** Ordinary chat whose only health words are everyday ones (see `isChat`). */
  chat: boolean;
  /** A greeting, thanks or similar: not a question. */
  smallTalk: boolean;
  /**
   * Names a covered nutrient only as the name of something (a sprint, a project, a channel)
   * and says nothing else about health: workplace chat, not a question for vitabot.
   */
  nameOnly: boolean;
}

/**
 * Least symptom score that points a question at a nutrient: one word that two deficiencies
 * share ("cramps"). A word nearly all of them share ("weak", "tingling") leaves it to
 * retrieval; `symptoms` still lists every fit.
 */
const MIN_SYMPTOM_SCORE = 0.5;

/** A dose written in international units. */
const IU_DOSE = /\b(\d[\d,.]*\s?iu|iu)\b/;

/**
 * A deficiency disease the content defines in a nutrient's `conditions` ("Rickets in children:
 * soft bones…", "Hypocalcaemia (low blood calcium)"): the one or two names at its head.
 */
const DEFINED_CONDITION =
  /^([a-z]+(?: (?:anaemia|anemia|disease|syndrome))?(?: and [a-z]+)?)(?: in [a-z]+)?(?::| \()/;

/** A narrower condition named inside a broader one ("Megaloblastic anaemia, including pernicious anaemia (…)"). */
const INCLUDING = /,? including /;

/** A condition name in both spellings: "anaemia" and "anemia". */
function spellings(name: string): string[] {
  return [...new Set([name, name.replace(/aemia\b/, "emia"), name.replace(/(?<!a)emia\b/, "aemia")])];
}

/**
 * The deficiency diseases that point to one nutrient: those the content defines for that
 * nutrient alone (rickets and osteomalacia for vitamin D). A disease two nutrients define
 * (tetany) points to neither.
 */
function conditionNames(nutrients: readonly Nutrient[]): Map<string, NutrientId> {
  const owners = new Map<string, Set<NutrientId>>();
  for (const nutrient of nutrients) {
    for (const condition of nutrient.conditions) {
      for (const part of condition.toLowerCase().split(INCLUDING)) {
        const head = DEFINED_CONDITION.exec(part)?.[1];
        for (const name of (head?.split(" and ") ?? []).flatMap(spellings)) {
          owners.set(name, (owners.get(name) ?? new Set()).add(nutrient.id));
        }
      }
    }
  }
  return new Map(
    [...owners].filter(([, ids]) => ids.size === 1).map(([name, ids]) => [name, [...ids][0] as NutrientId]),
  );
}

/**
 * Builds understanding once per content load; returns the per-question `understand`.
 * @param reader reads lay phrases, inflections and misspellings as the content's words
 * @param known whether the content holds a word (a product made of anything else is uncovered)
 */
export function createUnderstanding(
  nutrients: readonly Nutrient[],
  matcher: NutrientMatcher,
  reader: WordReader,
  known: (word: string) => boolean = () => true,
) {
  const symptoms = createSymptomMatcher(nutrients, reader);
  const diseases = conditionNames(nutrients);

  /** The nutrients of the deficiency diseases a text names, in the text's order. */
  function byDisease(normalized: string): NutrientId[] {
    const words = tokenize(normalized);
    // A two-word name ("pernicious anaemia") is read before its words.
    const ids = words
      .map((word, at) => diseases.get(`${word} ${words[at + 1] ?? ""}`) ?? diseases.get(word))
      .filter((id): id is NutrientId => id !== undefined);
    return [...new Set(ids)];
  }

  /** `understand` for text already passed through `normalize` (the engine normalises once). */
  function understandNormalized(normalized: string): Understanding {
    // Lay phrases and misspellings read as the content's words ("charlie horse" -> "leg cramps").
    const read = reader.read(normalized);
    const { text } = read;
    const intents = new Set<Intent>();
    for (const [intent, regex] of Object.entries(INTENTS) as [Intent, RegExp][]) {
      if (regex.test(text)) intents.add(intent);
    }
    const named = matcher.find(withoutUncovered(normalized));
    const bySymptom = symptoms
      .matchWords(read.words)
      .filter((m) => m.score >= MIN_SYMPTOM_SCORE)
      .map((m) => m.id);
    return {
      normalized,
      read: text,
      named,
      bySymptom,
      hinted: [
        ...new Set([...byDisease(normalized), ...(IU_DOSE.test(normalized) ? ["vitamin-d" as const] : [])]),
      ],
      intents,
      uncovered:
        uncoveredSubject(normalized) ||
        uncoveredSubject(readSlips(normalized, UNCOVERED_WORDS)) ||
        (HEALTH.test(text) && unknownProduct(normalized, known)) ||
        (named.length === 0 && namesUnknownSubject(normalized, known)),
      health: HEALTH.test(text) || named.length > 0,
      chat: named.length === 0 && bySymptom.length === 0 && isChat(text),
      smallTalk: SMALL_TALK.test(normalized),
      nameOnly: named.length > 0 && bySymptom.length === 0 && usedAsName(normalized),
    };
  }

  /**
   * Whether the text names a nutrient as the name of something and, apart from that
   * mention, has no word of health and asks for no amount.
   */
  function usedAsName(normalized: string): boolean {
    const rest = matcher.mask(normalized, MENTION);
    return NAMED_AS.test(rest) && !HEALTH.test(rest) && !INTENTS.dose.test(rest);
  }

  return {
    understand: (question: string) => understandNormalized(normalize(question)),
    understandNormalized,
    /**
     * Which deficiencies a description of symptoms fits (for `symptoms`), best fit first:
     * those with a telling sign when there are any ("weak thighs"), else every fit ("weak").
     */
    symptomMatches: (text: string): SymptomMatch[] => {
      const all = symptoms.match(normalize(text));
      const telling = all.filter((m) => m.score >= MIN_SYMPTOM_SCORE);
      return telling.length > 0 ? telling : all;
    },
  };
}
