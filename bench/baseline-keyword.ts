/**
 * The baseline the answer engine is measured against: plain keyword matching over the
 * FAQ (count shared words between the question and each entry's wording; no triage,
 * no aliases, no typos, no search library).
 */
import type { AnswerKind } from "../src/core/answers/engine.js";
import type { Content } from "../src/core/content/load-content.js";

const STOP = new Set(
  "a an the is are do does can i my me of to in on for and or with what how why which it".split(" "),
);

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP.has(w)));
}

export function createKeywordBaseline(content: Content) {
  const entries = content.faq.map((e) => ({
    entry: e,
    words: words([e.question, ...e.phrasings].join(" ")),
  }));
  return function ask(question: string): { kind: AnswerKind; nutrients: string[] } {
    const q = words(question);
    let best: (typeof entries)[number] | undefined;
    let bestScore = 0;
    for (const candidate of entries) {
      let shared = 0;
      for (const w of q) if (candidate.words.has(w)) shared++;
      if (shared > bestScore) {
        best = candidate;
        bestScore = shared;
      }
    }
    return best
      ? { kind: "answer", nutrients: [...best.entry.nutrients] }
      : { kind: "out_of_scope", nutrients: [] };
  };
}
