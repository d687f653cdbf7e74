import { describe, expect, it } from "vitest";
import { buildDocuments } from "../../src/core/answers/documents.js";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { createIndex, processTerm } from "../../src/core/answers/retrieve.js";
import { createTermSearch } from "../../src/core/answers/term-search.js";
import { normalize } from "../../src/core/text/normalize.js";
import { realContent } from "../helpers/content.js";
import { loadQuestionSet } from "../kit/question-set.js";

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

describe("warming the term cache", () => {
  const index = createIndex(buildDocuments(realContent()));

  it("looks terms up ahead, without counting them, and then scores exactly as before", () => {
    const search = createTermSearch(index, processTerm);
    expect(search.warm(["muscle", "magnesium", "muscle"])).toBe(2);
    expect(search.stats()).toEqual({ hits: 0, misses: 0, size: 2 });
    expect(scoresOf(search.search("muscle magnesium"))).toEqual(scoresOf(index.search("muscle magnesium")));
    expect(search.stats()).toEqual({ hits: 2, misses: 0, size: 2 });
  });

  it("stops at the cache's bound instead of pushing out what questions brought in", () => {
    const search = createTermSearch(index, processTerm, 3);
    search.search("cramps");
    expect(search.warm(["muscle", "magnesium", "calcium", "legs"])).toBe(2);
    expect(search.stats().size).toBe(3);
    search.search("cramps");
    expect(search.stats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it("warms the content's whole vocabulary in slices, after which content words never miss", () => {
    const engine = createAnswerEngine(realContent(), { emergencyNumber: "911" });
    const cold = createAnswerEngine(realContent(), { emergencyNumber: "911" });
    let slices = 1;
    while (engine.warmStep(100)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(engine.warmStep(100)).toBe(false);
    const before = engine.termCacheStats();
    expect(before.size).toBeGreaterThan(1000);
    const question = "can low magnesium cause muscle cramps and weakness";
    expect(engine.ask(question)).toEqual(cold.ask(question));
    expect(engine.termCacheStats().misses).toBe(before.misses);
    expect(engine.termCacheStats().hits).toBeGreaterThan(before.hits);
  });
});
