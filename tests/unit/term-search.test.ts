import { describe, expect, it } from "vitest";
import { buildDocuments } from "../../src/core/answers/documents.js";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { normalize } from "../../src/core/answers/normalize.js";
import { createIndex, processTerm } from "../../src/core/answers/retrieve.js";
import { createTermSearch } from "../../src/core/answers/term-search.js";
import { realContent } from "../helpers/content.js";
import { loadQuestionSet } from "../helpers/question-set.js";

const scoresOf = (hits: readonly { id: unknown; score: number }[]) =>
  new Map(hits.map((hit) => [String(hit.id), hit.score]));

describe("the term-cached search", () => {
  const index = createIndex(buildDocuments(realContent()));
  const questions = loadQuestionSet().map((item) => normalize(item.q));

  it("scores every document exactly as MiniSearch does, for every question, cold and warm", () => {
    const search = createTermSearch(index, processTerm);
    for (const pass of ["cold", "warm"]) {
      for (const question of questions) {
        expect(scoresOf(search.search(question)), `${pass}: ${question}`).toEqual(
          scoresOf(index.search(question)),
        );
      }
    }
    expect(search.stats().hits).toBeGreaterThan(search.stats().misses);
  });

  it("adds a repeated word's score again but counts the word once, as MiniSearch does", () => {
    const search = createTermSearch(index, processTerm);
    for (const query of ["weak legs weak", "magnesium cramps magnesium magnesium", "b12 b12", "the the"]) {
      expect(scoresOf(search.search(query)), query).toEqual(scoresOf(index.search(query)));
    }
  });

  it("lists hits best first", () => {
    const hits = createTermSearch(index, processTerm).search("vitamin d muscle weakness");
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it("remembers at most maxTerms words, dropping the least recently used", () => {
    const search = createTermSearch(index, processTerm, 2);
    search.search("magnesium calcium");
    search.search("magnesium");
    search.search("tingling");
    expect(search.stats().size).toBe(2);
    const misses = search.stats().misses;
    search.search("magnesium");
    expect(search.stats().misses).toBe(misses);
    search.search("calcium");
    expect(search.stats().misses).toBe(misses + 1);
  });

  it("leaves every engine answer to the question set unchanged when the cache is warm", () => {
    const engine = createAnswerEngine(realContent(), { emergencyNumber: "911" });
    const cold = questions.map((q) => engine.ask(q));
    const warm = questions.map((q) => engine.ask(q));
    expect(warm).toEqual(cold);
  });
});
