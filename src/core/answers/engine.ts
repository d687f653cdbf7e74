/**
 * The answer engine: triage, then understanding, then retrieval, then a short
 * composed answer with its sources and the disclaimer. Pure and synchronous: no I/O,
 * no database, so `ask --json` and the commands share it as is.
 */
import type { Content } from "../content/load-content.js";
import type { NutrientId } from "../content/schema.js";
import type { Category } from "../content/triage-schema.js";
import { normalize } from "../text/normalize.js";
import type { SafetyNumbers } from "../triage/numbers.js";
import { createTriage, type Decision } from "../triage/triage.js";
import { amountAsked, uncoveredAskedBeside } from "./asked-subject.js";
import { isChannelChat } from "./channel-chat.js";
import { withDaylightHint } from "./daylight-dose.js";
import { buildDocuments } from "./documents.js";
import { contentWords, createKnownWords } from "./known-words.js";
import { notEnglish } from "./language.js";
import { leadByMedicine } from "./medicine-lead.js";
import { otherNutrientInside } from "./more-uncovered.js";
import { createNutrientMatcher } from "./nutrient-names.js";
import { type Answer, createReplies } from "./replies.js";
import { createRetriever, processTerm } from "./retrieve.js";
import { asksNothing } from "./statement.js";
import { createSymptomReader } from "./symptom-match.js";
import { withoutUncovered } from "./uncovered-mask.js";
import { createUnderstanding, type Understanding } from "./understand.js";
import { asksWorthOfUnknown } from "./unnamed-subject.js";
import { MENTION, MUSCLE_DOMAIN, SEVERAL_NUTRIENTS_ASKED, uncoveredTopics } from "./vocabulary.js";

type TriageEngine = ReturnType<typeof createTriage>;
type Retriever = ReturnType<typeof createRetriever>;

export { ANSWER_KINDS, type Answer, type AnswerKind, NOT_ENGLISH_ID, SMALL_TALK_ID } from "./replies.js";

export interface AnswerEngineOptions {
  /** The deployment's emergency number (EMERGENCY_NUMBER), named by every urgent answer. */
  emergencyNumber: string;
  /** The deployment's crisis line (CRISIS_LINE), for self-harm answers. */
  crisisLine?: string;
  /** The deployment's poison control number (POISON_CONTROL). */
  poisonControl?: string;
  /** Search words whose results are remembered (default TERM_CACHE_MAX; 0 turns it off). */
  termCacheSize?: number;
}

/** Nutrients an answer is about for it to answer "which vitamins and minerals…". */
const SEVERAL_NUTRIENTS = 2;
/** Below this raw search score, a question that names no nutrient is not really covered. */
const MIN_MATCH_WITHOUT_NUTRIENT = 6;
/**
 * Below this share of recognised words the engine found nothing to go on. Measured: English
 * texts in the question and triage sets that franc ranks as another language recognise
 * 0.36-1; questions in Spanish, German, French, Portuguese, Italian, Dutch, Turkish and
 * Hindi in Latin letters 0.08-0.30.
 */
const MIN_KNOWN_SHARE = 1 / 3;

/**
 * Builds the engine from validated content.
 * @example const engine = createAnswerEngine(content, { emergencyNumber: "911" });
 *          engine.ask("can low b12 cause muscle weakness").kind === "answer"
 */
export function createAnswerEngine(content: Content, options: AnswerEngineOptions) {
  const matcher = createNutrientMatcher(content.nutrients);
  // Triage and the search index are built on first use: a command that only looks a
  // nutrient up (`vitamin d`) needs neither, and a snapshot reads the triage model only then.
  let built: { triage: TriageEngine; categoryById: Map<string, Category> } | undefined;
  const triaging = () =>
    (built ??= {
      triage: createTriage(content.triage),
      categoryById: new Map(content.triage.categories.map((c) => [c.id, c])),
    });
  const defaultNumbers: SafetyNumbers = { emergency: options.emergencyNumber };
  if (options.crisisLine) defaultNumbers.crisis = options.crisisLine;
  if (options.poisonControl) defaultNumbers.poison = options.poisonControl;
  const docs = buildDocuments(content);
  const vocabulary = content.prebuilt ? new Set(content.prebuilt.contentWords) : contentWords(docs);
  const reader = createSymptomReader(content.nutrients, content.symptomWords.says, vocabulary);
  const known = (word: string) => vocabulary.has(word) || processTerm(word) === null;
  const { understandNormalized, symptomMatches } = createUnderstanding(
    content.nutrients,
    matcher,
    reader,
    known,
  );
  const docById = new Map(docs.map((d) => [d.id, d]));
  const namesCovered = (text: string) => matcher.find(withoutUncovered(text)).length > 0;
  let searching: Retriever | undefined;
  const retriever = () =>
    (searching ??= createRetriever(docs, options.termCacheSize, content.prebuilt?.answerIndex));
  const knownShare = createKnownWords(vocabulary);
  const { answerFrom, unknown, outOfScope, urgentAnswer, notEnglishAnswer, smallTalkAnswer } = createReplies(
    content,
    defaultNumbers,
  );

  /**
   * Answers one question. Never throws for any string. Triage reads it first; then a
   * greeting gets a greeting, and a message franc is sure is in another language, of
   * whose words the engine recognises under a third, gets "I understand English for now".
   * @param numbers the workspace's own numbers, over the deployment's
   */
  function ask(question: string, numbers?: Partial<SafetyNumbers>): Answer {
    const decision: Decision | undefined = triaging().triage.check(question);
    if (decision) return urgentAnswer(question, decision.category, decision.tier, decision.action, numbers);
    const normalized = normalize(question);
    const u = withDaylightHint(understandNormalized(normalized));
    if (u.smallTalk && u.named.length === 0) return smallTalkAnswer(question, normalized);
    const foundNothing = knownShare(normalized) < MIN_KNOWN_SHARE;
    if (foundNothing && notEnglish(question)) return notEnglishAnswer(question, numbers);
    // Chat about a shop, an event, kit, a link, a bot or a game that borrows a health word;
    // thanks, news and notices that ask nothing and describe no one's symptom.
    return isChannelChat(normalized) || asksNothing(normalized)
      ? outOfScope(question)
      : understood(question, u);
  }

  /** The answer from the English reading of a question triage let through. */
  function understood(question: string, u: Understanding): Answer {
    if (u.normalized.length === 0 || u.nameOnly || u.chat) return outOfScope(question);
    if (u.named.length === 0 && u.uncovered) return uncoveredAnswer(question, u);
    // "Had calcium stones: is lemon water any good?": a remedy we never name, beside a nutrient as its setting.
    if (asksWorthOfUnknown(u.normalized, known, namesCovered)) return uncoveredAnswer(question, u);
    // "The vitamin A in cod liver oil": another nutrient, asked about inside a covered one's product;
    // "is K2 needed with my D3": another supplement, asked about beside a covered one.
    if (
      u.uncovered &&
      (otherNutrientInside(matcher.mask(u.normalized, MENTION), MENTION) ||
        uncoveredAskedBeside(u.normalized, namesCovered))
    )
      return uncoveredAnswer(question, u);
    const found = [u.named, u.bySymptom, u.hinted].find((list) => list.length > 0) ?? [];
    // Symptoms on a medicine that lowers one of the nutrients they suggest point at that one first.
    const byMedicine = found === u.bySymptom ? leadByMedicine(u.normalized, found) : undefined;
    const targets = byMedicine ?? found;
    if (targets.length === 0 && !u.health) return outOfScope(question);
    if (targets.length === 0 && !MUSCLE_DOMAIN.test(u.read)) return unknown(question);
    // An uncovered topic's own reply is for questions about it, never instead of a covered answer.
    const answers = retriever()
      .rank(u.read, targets, u.intents)
      .filter((r) => r.doc.kind === "answer");
    // "Which vitamins and minerals should I get checked?" asks for several: an answer about one won't do.
    const several =
      targets.length === 0 && SEVERAL_NUTRIENTS_ASKED.test(u.normalized)
        ? answers.find((r) => r.doc.nutrients.length >= SEVERAL_NUTRIENTS)
        : undefined;
    const best = several ?? answers[0];
    if (!best || (targets.length === 0 && best.match < MIN_MATCH_WITHOUT_NUTRIENT)) return unknown(question);
    return answerFrom(
      question,
      best.doc,
      leadBySymptom(u, targets),
      targets === u.named || byMedicine !== undefined,
    );
  }

  /**
   * Of several nutrients named, the one whose amount is asked leads; else those the described
   * symptoms point at lead: a panel of vitamin D, B12 and magnesium asked about night cramps is
   * about magnesium first.
   */
  function leadBySymptom(u: Understanding, targets: NutrientId[]): NutrientId[] {
    if (targets !== u.named || targets.length < 2) return targets;
    // "Is he getting too much vitamin D with all that?": the nutrient whose amount is asked leads.
    const amount = amountAsked(u.normalized, (text) => matcher.find(withoutUncovered(text)));
    if (amount && targets.includes(amount)) return [amount, ...targets.filter((id) => id !== amount)];
    const pointed = targets.filter((id) => u.bySymptom.includes(id));
    return pointed.length > 0 ? [...pointed, ...targets.filter((id) => !pointed.includes(id))] : targets;
  }

  /**
   * A question about a topic we don't cover: that topic's own `unknown` reply when the
   * content has one naming the same topic (quinine: what the regulators say), else the plain
   * "outside what I cover". Never an answer about a nutrient the question did not ask about.
   */
  function uncoveredAnswer(question: string, u: Understanding): Answer {
    const asked = uncoveredTopics(u.normalized);
    const own = retriever()
      .rank(u.normalized, [], u.intents)
      .find(
        (r) =>
          r.doc.kind === "unknown" &&
          uncoveredTopics(normalize(`${r.doc.question} ${r.doc.phrasings}`)).some((t) => asked.includes(t)),
      );
    return own ? answerFrom(question, own.doc, []) : unknown(question);
  }

  /**
   * Re-renders a given answer by its id (for "Share to channel"); undefined if unknown.
   * Urgent ids take their tier after a colon (`urgent:stroke:emergency`); a crisis
   * category is never re-rendered, so it can't be shared.
   */
  function answerById(id: string, question = "", numbers?: Partial<SafetyNumbers>): Answer | undefined {
    if (id.startsWith("urgent:")) {
      const [, flag = "", tier = "emergency"] = id.split(":");
      const category = triaging().categoryById.get(flag);
      if (!category || category.reply === "crisis" || (tier !== "emergency" && tier !== "same_day"))
        return undefined;
      const action = category.actions[tier] ?? category.actions.emergency ?? category.actions.same_day ?? "";
      return urgentAnswer(question || category.label, category, tier, action, numbers);
    }
    const doc = docById.get(id);
    return doc ? answerFrom(question || doc.title, doc, []) : undefined;
  }

  /** True when an answer must be seen by its asker only (a crisis category). */
  function isPrivate(answer: Answer): boolean {
    return answer.flag !== undefined && triaging().categoryById.get(answer.flag.id)?.reply === "crisis";
  }

  return {
    ask,
    answerById,
    isPrivate,
    /** The deployment's numbers (EMERGENCY_NUMBER, CRISIS_LINE, POISON_CONTROL). */
    numbers: defaultNumbers as Readonly<SafetyNumbers>,
    /** The triage engine alone, for `vitabot triage` and the benchmark. */
    triage: ((...args) => triaging().triage.triage(...args)) as TriageEngine["triage"],
    symptomMatches,
    matcher,
    termCacheStats: (() => retriever().cacheStats()) as Retriever["cacheStats"],
    /** Looks up the next `count` words of the content ahead of questions; true while more are left. */
    warmStep: ((count) => retriever().warmStep(count)) as Retriever["warmStep"],
  };
}

export type AnswerEngine = ReturnType<typeof createAnswerEngine>;
