/**
 * Retrieval: a MiniSearch (BM25 with fuzzy and prefix matching) index over the answer
 * documents, re-ranked by what understanding found (nutrients, intent).
 */
import MiniSearch, { type AsPlainObject, type Options } from "minisearch";
import type { NutrientId } from "../content/schema.js";
import { compareIds } from "../text/id-order.js";
import type { AnswerDoc, Topic } from "./documents.js";
import { createTermSearch, TERM_CACHE_MAX } from "./term-search.js";
import type { Intent } from "./vocabulary.js";

/** Words too common to tell documents apart. */
const STOP_WORDS = new Set(
  "a an the is are was were be been am do does did can could should would will i me my you your it its of to in on for and or with at by from about what whats how why which who when this that these those there any some get got have has had im ive just really so very".split(
    " ",
  ),
);

/** Intents that name exactly one kind of answer, and the topic that gives it. */
const SPECIFIC: Partial<Record<Intent, Topic>> = {
  food: "food",
  test: "test",
  dose: "dose",
  reversibility: "reversibility",
  safety: "safety",
  risk: "risk",
  comparison: "comparison",
};
/** Intents that colour a question without deciding it. */
const GENERIC: Partial<Record<Intent, Topic>> = {
  symptoms: "symptoms",
  mechanism: "mechanism",
  evidence: "evidence",
  lifestyle: "lifestyle",
};

/** Score a section document gets when the index missed it but it fits the nutrient. */
const SECTION_PRIOR = 0.25;

export interface Ranked {
  doc: AnswerDoc;
  score: number;
  /** The raw search score, before re-ranking; low means the words hardly matched. */
  match: number;
}

/** Lower case, without stop words: how both the index and the queries see a word. */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  return STOP_WORDS.has(t) ? null : t;
}

/** The options of the index over the answer documents: its fields and search options. */
const INDEX_OPTIONS: Options<AnswerDoc> = {
  fields: ["title", "question", "phrasings", "body"],
  processTerm,
  searchOptions: {
    boost: { question: 3, phrasings: 2, title: 1.5 },
    fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
    maxFuzzy: 1,
    prefix: (term) => term.length >= 5,
    combineWith: "OR",
  },
};

/**
 * The MiniSearch index over the answer documents, with its search options: `built` (the
 * same index as `toJSON()` gave it, kept in the content snapshot) when given, else indexed now.
 */
export function createIndex(docs: readonly AnswerDoc[], built?: AsPlainObject): MiniSearch<AnswerDoc> {
  if (built) return MiniSearch.loadJS<AnswerDoc>(built, INDEX_OPTIONS);
  const index = new MiniSearch<AnswerDoc>(INDEX_OPTIONS);
  index.addAll(docs);
  return index;
}

/**
 * Builds the index once (or loads `built`, see createIndex); `rank` is then called per question.
 */
export function createRetriever(
  docs: readonly AnswerDoc[],
  termCacheSize = TERM_CACHE_MAX,
  built?: AsPlainObject,
) {
  const index = createIndex(docs, built);
  const terms = createTermSearch(index, processTerm, termCacheSize);
  const byId = new Map(docs.map((d) => [d.id, d]));
  /** Each nutrient's own section documents (`nutrient:<id>:…`), in document order. */
  const sectionsOf = new Map<string, AnswerDoc[]>();
  for (const doc of docs) {
    const nutrient = /^nutrient:([^:]+):/.exec(doc.id)?.[1];
    if (nutrient) sectionsOf.set(nutrient, [...(sectionsOf.get(nutrient) ?? []), doc]);
  }

  function nutrientFactor(doc: AnswerDoc, targets: readonly NutrientId[]): number {
    if (targets.length === 0) return 1;
    const [first] = targets;
    if (first && doc.nutrients[0] === first) return 1.7;
    if (first && doc.nutrients.includes(first)) return 1.4;
    if (doc.nutrients.some((n) => targets.includes(n))) return 1;
    return doc.nutrients.length === 0 ? 0.6 : 0.15;
  }

  function topicFactor(doc: AnswerDoc, intents: ReadonlySet<Intent>): number {
    let factor = 1;
    for (const intent of intents) {
      if (SPECIFIC[intent] === doc.topic) factor += 1;
      else if (GENERIC[intent] === doc.topic) factor += 0.4;
    }
    return factor;
  }

  /** Documents for the query, best first. */
  function rank(query: string, targets: readonly NutrientId[], intents: ReadonlySet<Intent>): Ranked[] {
    const ranked: Ranked[] = [];
    const add = (doc: AnswerDoc, base: number, match: number) => {
      const faqBonus = doc.id.startsWith("faq:") ? 1.1 : 1;
      const score = base * nutrientFactor(doc, targets) * topicFactor(doc, intents) * faqBonus;
      ranked.push({ doc, match, score });
    };
    const hits = terms.search(query);
    const top = hits[0]?.score ?? 1;
    const found = new Set<string>();
    for (const hit of hits) {
      const doc = byId.get(hit.id);
      if (!doc) continue;
      found.add(hit.id);
      add(doc, hit.score / top, hit.score);
    }
    const [first] = targets;
    for (const doc of first ? (sectionsOf.get(first) ?? []) : []) {
      if (!found.has(doc.id)) add(doc, SECTION_PRIOR, 0);
    }
    return ranked.sort((a, b) => b.score - a.score || compareIds(a.doc.id, b.doc.id));
  }

  /** The processed terms of every document's searchable fields, each once, in document order. */
  function vocabulary(): string[] {
    const tokenize: (text: string) => string[] = MiniSearch.getDefault("tokenize");
    const seen = new Set<string>();
    for (const doc of docs) {
      const text = [doc.title, doc.question, doc.phrasings, doc.body].join(" ");
      for (const token of tokenize(text)) {
        const term = processTerm(token);
        if (term) seen.add(term);
      }
    }
    return [...seen];
  }

  let unwarmed: string[] | undefined;
  /**
   * Warms the term cache with the next `count` words of the content's own vocabulary.
   * @returns true while words are left (callers run it in slices, between requests).
   */
  function warmStep(count: number): boolean {
    unwarmed ??= vocabulary();
    terms.warm(unwarmed.splice(0, count));
    return unwarmed.length > 0;
  }

  return { rank, warmStep, cacheStats: terms.stats };
}
