/**
 * Health topics vitabot does not cover are `unknown` (said plainly, with no answer about
 * another nutrient), even when the question mentions cramps, muscle or supplements.
 * A question that also names one of the six nutrients is still answered.
 */
import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "112" });

describe("uncovered health topics", () => {
  it.each([
    "is quinine ok to take for cramps at night",
    "will tonic water help my calf cramps",
    "is a plant protein powder as good for muscle as meat",
    "whey isolate or casein before bed?",
    "fibromyalgia flare, what can I take",
    "is AG1 worth it for older lifters",
    "how long does tennis elbow take to settle",
    "does HMB stop muscle loss when you get older",
    "coq10 for muscle aches, any good?",
    "how much b6 is too much",
    "boron tablets for stronger bones?",
    "low phosphate and tired muscles, what does it mean",
    "can a slow thyroid cause muscle weakness",
    "testosterone gel for muscle loss in men over 60",
    "what should I eat with gout",
    "does beetroot juice make your legs stronger",
    "Centrum for my muscles, yes or no",
    "ginger tea for sore muscles after the gym",
  ])("%j is unknown", (question) => {
    expect(engine.ask(question).kind).toBe("unknown");
  });

  it.each([
    "melatonin gummies for cramps that wake me at night",
    "does whey protein stop my legs cramping after football",
    "should I eat more bananas for potassium to help my muscles",
    "can iron tablets help weak tired muscles",
    "zinc supplement for faster muscle recovery?",
    "do I need vitamin K if I have liver disease",
    "creatine monohydrate for a 70 year old, safe?",
    "is a greens powder a good supplement for muscles",
    "which pre-workout supplement is best for strength",
    "Nature Made multi for my muscles, any good",
  ])("%j names an uncovered subject and is unknown, supplement or cramps or not", (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("unknown");
    expect(answer.nutrients).toEqual([]);
  });

  it.each([
    "a good supplement for a sore tennis elbow?",
    "what supplement for fibromyalgia muscle aches",
    "is AG1 a decent supplement for muscle",
  ])("%j: the word supplement names no nutrient, so the uncovered subject decides", (question) => {
    expect(engine.ask(question).kind).toBe("unknown");
  });

  it.each([
    ["b6 and b12 together for tingling feet?", "vitamin-b12"],
    ["my thyroid is fine but is my vitamin D too low for my muscles", "vitamin-d"],
  ])("%j names a covered nutrient and is answered", (question, nutrient) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients).toContain(nutrient);
  });
});

describe("quinine: regulators warn against it for leg cramps", () => {
  it.each([
    "can I take quinine for my night cramps",
    "my mum swears by tonic water for calf cramps, does it work",
  ])("%j gets the quinine reply, kind unknown, with its sources and the disclaimer", (question) => {
    const answer = engine.ask(question);
    expect(answer).toMatchObject({ kind: "unknown", id: "faq:quinine", nutrients: [] });
    expect(answer.body).toMatch(/FDA/);
    expect(answer.body).toMatch(/MHRA/);
    const urls = answer.sources.map((s) => s.url);
    expect(urls.some((url) => url.includes("fda.gov"))).toBe(true);
    expect(urls.some((url) => url.includes("gov.uk/drug-safety-update"))).toBe(true);
    expect(answer.text).toContain("Sources:");
    expect(answer.text).toContain(answer.disclaimer);
  });

  it("re-rendered by its id (Share to channel) it stays unknown", () => {
    expect(engine.answerById("faq:quinine")).toMatchObject({
      kind: "unknown",
      id: "faq:quinine",
      nutrients: [],
    });
  });

  it("another uncovered subject does not get the quinine reply", () => {
    expect(engine.ask("does melatonin help night cramps").id).toBe("unknown");
  });

  it("a question about cramps that names no uncovered subject never gets it", () => {
    const answer = engine.ask("what helps calf cramps that wake me up at night");
    expect(answer.kind).toBe("answer");
    expect(answer.id).not.toBe("faq:quinine");
  });

  it("a question that names a covered nutrient beside quinine is answered about the nutrient", () => {
    const answer = engine.ask("magnesium or quinine for night leg cramps?");
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe("magnesium");
  });
});
