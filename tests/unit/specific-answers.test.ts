/**
 * Specific questions get their own answer, not the generic cramps one: night cramps, cramps
 * on long runs or in the heat, in pregnancy, in the hands, twitching, cramps with a serious
 * illness, supplements for weak bones, and how a B12 deficiency is treated. Each comes with
 * its nutrients, its sources and the disclaimer.
 */
import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "112" });

describe("specific answers", () => {
  it.each([
    ["my calves cramp in bed most nights, what helps", "faq:night-leg-cramps", "magnesium"],
    [
      "my hamstrings cramp in the last few km of every half marathon",
      "faq:exercise-heat-cramps",
      "magnesium",
    ],
    ["getting cramps in my feet now I'm 30 weeks pregnant", "faq:leg-cramps-in-pregnancy", "magnesium"],
    ["why do my fingers cramp when I'm knitting", "faq:hand-cramps", "calcium"],
    ["the muscle under my eye has been twitching for days", "faq:muscle-twitching", "magnesium"],
    ["I'm on chemo and my legs keep cramping", "faq:cramps-with-serious-illness", "magnesium"],
    ["what vitamins should I take for weak bones", "faq:supplements-for-weak-bones", "calcium"],
    ["how do doctors treat low vitamin b12", "faq:b12-deficiency-treatment", "vitamin-b12"],
  ])("%j gets %s about %s", (question, id, nutrient) => {
    const answer = engine.ask(question);
    expect(answer).toMatchObject({ kind: "answer", id });
    expect(answer.nutrients[0]).toBe(nutrient);
    expect(answer.sources.length).toBeGreaterThan(0);
    expect(answer.text).toContain(answer.disclaimer);
  });

  it("weak bones: calcium and vitamin D, magnesium not first", () => {
    const answer = engine.ask("which supplements are good for brittle bones");
    expect(answer.nutrients.slice(0, 2)).toEqual(["calcium", "vitamin-d"]);
    expect(answer.body).toMatch(/magnesium[^.]*not where to start/i);
  });

  it("B12 treatment: injections or high-dose tablets, lifelong in pernicious anaemia, with a doctor", () => {
    const { body } = engine.ask("how is a b12 deficiency treated");
    expect(body).toMatch(/injection/i);
    expect(body).toMatch(/high-dose B12 tablets/i);
    expect(body).toMatch(/pernicious anaemia[^.]*lifelong/i);
    expect(body).toMatch(/doctor/i);
  });

  it.each([
    ["cramps in pregnancy", "my legs cramp at night since I got pregnant", /midwife/i],
    ["cramps with a serious illness", "leg cramps during my cancer treatment", /care team/i],
    ["twitching", "twitchy calf muscles for a week", /GP/],
    ["cramps in the heat", "cramps while running in hot weather", /heat exhaustion/i],
  ])("%s: the answer says who to ask or when to get help", (_what, question, pattern) => {
    expect(engine.ask(question).body).toMatch(pattern);
  });
});
