/**
 * An amount in micrograms asked about by someone who sees little daylight is a vitamin D
 * question, though vitamin D is never named (night workers, long dark winters). Written in our
 * own words after question set 6.
 */
import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "911" });

describe("a microgram dose beside little daylight is about vitamin D", () => {
  it.each([
    ["i work nights and barely see daylight, is 10 micrograms a day enough?"],
    ["the only sunlight i get all winter is the walk to the car, should i take 25 mcg or more"],
    ["indoors all day in an office with no sun, how many micrograms should i be on"],
  ])("%j", (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe("vitamin-d");
  });

  it("a microgram dose of a named nutrient stays that nutrient's", () => {
    expect(engine.ask("i hardly see daylight, how many micrograms of b12 do i need").nutrients[0]).toBe(
      "vitamin-b12",
    );
  });

  it("light therapy for a dark winter stays unknown", () => {
    expect(engine.ask("dark all winter up north, is a 10,000 lux light box worth it for my mood").kind).toBe(
      "unknown",
    );
  });
});
