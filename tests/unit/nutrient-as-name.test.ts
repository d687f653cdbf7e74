/**
 * Workplace chat that uses a nutrient's name for something else (a sprint, a project, a
 * channel) asks nothing about health: it is out of scope, while short real questions that
 * name a nutrient stay answers.
 */
import { describe, expect, it } from "vitest";
import { buildDocuments } from "../../src/core/answers/documents.js";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { contentWords } from "../../src/core/answers/known-words.js";
import { createSymptomReader } from "../../src/core/answers/symptom-match.js";
import { createUnderstanding } from "../../src/core/answers/understand.js";
import { realContent } from "../helpers/content.js";

const content = realContent();
const engine = createAnswerEngine(content, { emergencyNumber: "911" });

describe("a nutrient's name given to something at work", () => {
  it.each([
    "magnesium is what we called the new release, nice one",
    "the vitamin D team standup moved to 11 today",
    "can someone add me to the #b12 channel",
    "who named the project calcium anyway",
    "omega-3 sprint retro is at 4, bring snacks",
    "vitamin e is our codename for the billing migration",
    "calcium dashboard is down again",
    "b12 went live last night, great work all",
    "magnesium v2 ships tomorrow",
    "who's on call for omega-3 this week",
  ])("%j is out of scope", (message) => {
    const answer = engine.ask(message);
    expect(answer).toMatchObject({ kind: "out_of_scope", id: "out_of_scope", nutrients: [] });
  });
});

describe("questions that name a nutrient stay answers", () => {
  it.each([
    ["vitamin d?", "vitamin-d"],
    ["magnesium dose", "magnesium"],
    ["tell me about calcium", "calcium"],
    ["b12 for tired legs", "vitamin-b12"],
    // A name frame, but the rest of the message asks about health.
    ["the vitamin d team at work all take supplements, is 4000 iu too much?", "vitamin-d"],
    ["our omega-3 sprint has me eating fish every day, is that too much mercury", "omega-3"],
    ["my calcium channel blocker and calcium tablets, ok together?", "calcium"],
    ["is there a good vitamin d app for tracking my intake", "vitamin-d"],
    ["my vitamin d is down to 20, should i worry", "vitamin-d"],
  ])("%j is answered about %s", (question, nutrient) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe(nutrient);
  });
});

describe("the understanding step says why", () => {
  const vocabulary = contentWords(buildDocuments(content));
  const reader = createSymptomReader(content.nutrients, content.symptomWords.says, vocabulary);
  const { understand } = createUnderstanding(content.nutrients, engine.matcher, reader);

  it("marks a nutrient used only as a name", () => {
    expect(understand("the magnesium squad is shipping friday").nameOnly).toBe(true);
  });

  it("does not mark a nutrient named in a health question, nor one named nowhere", () => {
    expect(understand("the magnesium squad all get cramps").nameOnly).toBe(false);
    expect(understand("the blue squad is shipping friday").nameOnly).toBe(false);
  });
});
