/**
 * A message that names a covered nutrient and another supplement beside it is about the other
 * one when its first question names only that one, or when "as well as" or "because of" makes
 * it the subject: then the answer is `unknown`, not a card about the covered nutrient. The
 * covered nutrient stays the subject the other way round. Written in our own words after
 * question set 8.
 */
import { describe, expect, it } from "vitest";
import { amountAsked, uncoveredAskedBeside } from "../../src/core/answers/asked-subject.js";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { normalize } from "../../src/core/text/normalize.js";
import { realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "911" });

describe("another supplement asked about beside a covered nutrient is unknown", () => {
  it.each([
    // the first question names only the other supplement
    ["The chemist says I need K2 alongside the D3 drops. What does K2 do for me?"],
    ["I take fish oil every morning. Is choline worth adding?"],
    ["I'm on vitamin D drops for winter. Would arginine or citrulline help my legs on hills?"],
    // "X as well as Y": Y is only the companion
    ["does my water tablet lower zinc as well as magnesium?"],
    // what a claim is "because of"
    ["cod liver oil capsules are risky in pregnancy because of the retinol, right?"],
  ])("%j", (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("unknown");
    expect(answer.nutrients).toEqual([]);
  });
});

describe("supplements the ODS writes fact sheets on are uncovered by name", () => {
  it.each([
    ["My trainer wants me on acetyl-L-carnitine for recovery. Does carnitine actually do anything?"],
    ["is an MK-7 capsule worth it for an 80 year old?"],
    ["how much choline does a pregnant woman need"],
  ])("%j", (question) => {
    expect(engine.ask(question).kind).toBe("unknown");
  });
});

describe("the covered nutrient stays the subject when the message asks about it", () => {
  it.each([
    ["My GP put me on iron tablets for anaemia. Is it fine to take my calcium at the same time?", "calcium"],
    ["does omeprazole lower magnesium as well as zinc?", "magnesium"],
    ["my multivitamin has zinc in it too, so how much vitamin D is in a normal dose?", "vitamin-d"],
  ])("%j", (question, first) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe(first);
  });

  it("reads only questions for the first-question rule, and needs the other supplement in it", () => {
    const covered = (text: string) => /\b(magnesium|calcium)\b/.test(text);
    expect(uncoveredAskedBeside(normalize("I take zinc. Should I take magnesium?"), covered)).toBe(false);
    expect(uncoveredAskedBeside(normalize("I take magnesium. Should I take zinc?"), covered)).toBe(true);
    expect(uncoveredAskedBeside(normalize("I take magnesium and zinc."), covered)).toBe(false);
  });
});

describe("of several nutrients named, the one whose amount is asked leads", () => {
  it.each([
    [
      "She takes a calcium tablet with D3 and a spoon of fish oil. Is that too much vitamin D for a 90 year old?",
      "vitamin-d",
    ],
    [
      "my multivitamin has vitamin D and E, plus a magnesium tablet at night. how much magnesium is safe?",
      "magnesium",
    ],
  ])("%j", (question, first) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe(first);
  });

  it("reads the few words after the amount, and nothing when no amount is asked", () => {
    const find = (text: string) => (/\bcalcium\b/.test(text) ? (["calcium"] as const).slice() : []);
    expect(amountAsked("is that enough calcium for me", find)).toBe("calcium");
    expect(amountAsked("is calcium good for me", find)).toBeUndefined();
  });
});
