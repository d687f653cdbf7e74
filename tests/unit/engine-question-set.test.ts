import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { realContent } from "../helpers/content.js";
import { judge, loadQuestionSet, score } from "../kit/question-set.js";

describe("the answer engine on the frozen labelled question set", () => {
  const engine = createAnswerEngine(realContent(), { emergencyNumber: "911" });
  const set = loadQuestionSet();
  const result = score(set.map((item) => judge(item, engine.ask(item.q))));

  it("is a set of at least 150 varied questions", () => {
    expect(set.length).toBeGreaterThanOrEqual(150);
    expect(new Set(set.map((i) => i.category)).size).toBeGreaterThanOrEqual(10);
  });

  it("gets at least 90% right", () => {
    const misses = result.wrong.map((v) => `${v.item.q} -> ${v.got.kind} ${v.got.nutrients.join(",")}`);
    expect(result.accuracy, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("finds every urgent question", () => {
    expect(result.urgentRecall).toBe(1);
  });

  it("raises no false alarm on non-urgent questions", () => {
    expect(result.falseAlarms).toBe(0);
  });
});
