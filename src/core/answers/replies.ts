/**
 * The replies the answer engine gives, built from content: an answer from a document, the
 * plain "outside what I cover" and "I answer muscle-health questions", a red flag's answer,
 * "I understand English for now" and small talk. Each is composed the same way: title, body,
 * a sources line and the disclaimer. The engine decides which; this file only words them.
 */
import type { Content } from "../content/load-content.js";
import type { NutrientId, Source } from "../content/schema.js";
import type { Category, Tier } from "../content/triage-schema.js";
import { fillNumbers, mergeNumbers, type SafetyNumbers } from "../triage/numbers.js";
import type { AnswerDoc } from "./documents.js";
import { coveredList } from "./format.js";
import { smallTalkReply } from "./small-talk.js";

export const ANSWER_KINDS = ["answer", "urgent", "unknown", "out_of_scope"] as const;
/** The id of the answer to a message in another language (kind "out_of_scope"). */
export const NOT_ENGLISH_ID = "not_english";
/** The id of the reply to a greeting, thanks or goodbye (kind "out_of_scope"). */
export const SMALL_TALK_ID = "small_talk";
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** The answer contract (`ask --json` prints exactly this object). */
export interface Answer {
  question: string;
  kind: AnswerKind;
  /** Ids the answer is about, most relevant first; [] for every kind but "answer". */
  nutrients: NutrientId[];
  title: string;
  /** The plain-text answer, including its sources line and the disclaimer. */
  text: string;
  sources: Source[];
  /** Which answer was given (`faq:…`, `nutrient:…`, `urgent:…`), stored with feedback. */
  id: string;
  /** The answer alone, without sources or disclaimer, for rich rendering. */
  body: string;
  disclaimer: string;
  /** Urgent answers only: call the emergency number now, or be seen today. */
  urgency?: Tier;
  /** Urgent answers only: the red-flag category; `id` is `urgent:` + `flag.id`. */
  flag?: { id: string; label: string };
}

const MAX_SOURCES = 3;

/**
 * The reply builders for one content and the deployment's numbers.
 * @example const replies = createReplies(content, { emergency: "911" }); replies.unknown("what about zinc?").kind === "unknown"
 */
export function createReplies(content: Content, defaultNumbers: SafetyNumbers) {
  const { disclaimer } = content.safety;
  const covered = coveredList(content.nutrients);

  function sourcesOf(ids: readonly string[]): Source[] {
    return [...new Set(ids)]
      .slice(0, MAX_SOURCES)
      .map((id) => content.sources.get(id))
      .filter((s): s is Source => s !== undefined);
  }

  function compose(
    question: string,
    kind: AnswerKind,
    id: string,
    title: string,
    body: string,
    sources: Source[],
    nutrients: NutrientId[] = [],
  ): Answer {
    const sourceLine =
      sources.length > 0 ? `\n\nSources: ${sources.map((s) => `${s.title} <${s.url}>`).join("; ")}` : "\n";
    const text = `${title}\n${body}${sourceLine}\n${disclaimer}`;
    return { question, kind, nutrients, title, text, sources, id, body, disclaimer };
  }

  /**
   * Nutrients the person named lead in their order. Nutrients read from symptoms lead too,
   * but those the answer itself is about come first, in the answer's order (a hand-cramps
   * answer leads with calcium, though "cramp" suggests magnesium as well).
   */
  function answerFrom(question: string, doc: AnswerDoc, targets: NutrientId[], named = true): Answer {
    if (doc.kind === "unknown")
      return compose(question, "unknown", doc.id, doc.title, doc.body, sourcesOf(doc.sources));
    const rank = (id: NutrientId) => {
      const at = doc.nutrients.indexOf(id);
      return at === -1 ? doc.nutrients.length : at;
    };
    const lead = named ? targets : [...targets].sort((a, b) => rank(a) - rank(b));
    const nutrients = [...new Set([...lead, ...doc.nutrients])];
    return compose(question, "answer", doc.id, doc.title, doc.body, sourcesOf(doc.sources), nutrients);
  }

  function unknown(question: string): Answer {
    return compose(
      question,
      "unknown",
      "unknown",
      "That one is outside what I cover",
      `I can't answer that reliably. I cover ${covered}: how low levels affect muscles, symptoms, tests, foods and reference intakes. A doctor or pharmacist is the right person for the rest.`,
      [],
    );
  }

  function outOfScope(question: string): Answer {
    return compose(
      question,
      "out_of_scope",
      "out_of_scope",
      "I'm vitabot: I answer muscle-health questions",
      `Ask me about ${covered} and muscle weakness, for example "why are my legs weak" or "foods with magnesium".`,
      [],
    );
  }

  /**
   * A red flag's answer: what was recognised, the rule's action with the numbers, the
   * category's sources and the disclaimer, nothing else. A crisis category (self-harm)
   * does not say "this could be…", following safe-messaging guidance.
   */
  function urgentAnswer(
    question: string,
    category: Category,
    tier: Tier,
    action: string,
    own?: Partial<SafetyNumbers>,
  ): Answer {
    const numbers = mergeNumbers(defaultNumbers, own);
    const crisis = category.reply === "crisis";
    const title = crisis
      ? "You don't have to go through this alone"
      : tier === "emergency"
        ? `Call ${numbers.emergency} now`
        : "Please get this checked today";
    const filled = fillNumbers(action, numbers);
    const body = crisis ? filled : `${category.says} ${filled}`;
    const answer = compose(
      question,
      "urgent",
      `urgent:${category.id}`,
      title,
      body,
      sourcesOf(category.sources),
    );
    return { ...answer, urgency: tier, flag: { id: category.id, label: category.label } };
  }

  /**
   * "I understand English for now", with the emergency number: for a message in another
   * language, which the English reading can only get wrong.
   */
  function notEnglishAnswer(question: string, own?: Partial<SafetyNumbers>): Answer {
    const { emergency } = mergeNumbers(defaultNumbers, own);
    return compose(
      question,
      "out_of_scope",
      NOT_ENGLISH_ID,
      "I understand English for now",
      `Please ask me in English, for example "why are my legs weak" or "foods with magnesium". If you feel very unwell or something happened suddenly, call ${emergency} now.`,
      [],
    );
  }

  /** A short, friendly reply to a greeting, thanks or goodbye, instead of the introduction. */
  function smallTalkAnswer(question: string, normalized: string): Answer {
    const { title, body } = smallTalkReply(normalized, covered);
    return compose(question, "out_of_scope", SMALL_TALK_ID, title, body, []);
  }

  return { answerFrom, unknown, outOfScope, urgentAnswer, notEnglishAnswer, smallTalkAnswer };
}
