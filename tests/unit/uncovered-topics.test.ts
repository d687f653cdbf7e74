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
    ["b6 and b12 together for tingling feet?", "vitamin-b12"],
    ["my thyroid is fine but is my vitamin D too low for my muscles", "vitamin-d"],
  ])("%j names a covered nutrient and is answered", (question, nutrient) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients).toContain(nutrient);
  });
});
