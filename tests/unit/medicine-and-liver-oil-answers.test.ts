/**
 * Answers found missing with question set 8, in our own words: cramps on a diuretic point at
 * magnesium first (diuretics wash it out; thiazides hold calcium back), cod liver oil has its own
 * answer (omega-3 and vitamin D, with the vitamin A catch), and a question about the vitamin A in
 * it or in liver gets that topic's own `unknown` reply.
 */
import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { leadByMedicine } from "../../src/core/answers/medicine-lead.js";
import { realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "911" });

describe("cramps on a medicine that lowers a nutrient lead with that nutrient", () => {
  it.each([
    ["my GP started me on indapamide and now my hands cramp when I write, could it be lowering a mineral?"],
    ["does bendroflumethiazide lower magnesium or calcium"],
    ["on omeprazole for years and my calves cramp at night"],
  ])("%j", (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe("magnesium");
  });

  it("a question about a diuretic and magnesium gets the diuretic answer", () => {
    expect(engine.ask("does furosemide wash out magnesium?").id).toBe("faq:water-tablets-and-cramps");
  });

  it("moves only a nutrient the symptoms already suggest", () => {
    expect(leadByMedicine("on a water pill and my legs cramp", ["calcium", "magnesium"])).toEqual([
      "magnesium",
      "calcium",
    ]);
    expect(leadByMedicine("on metformin and my legs cramp", ["calcium", "magnesium"])).toBeUndefined();
    expect(leadByMedicine("my legs cramp at night", ["calcium", "magnesium"])).toBeUndefined();
  });
});

describe("cod liver oil and the vitamin A in it", () => {
  it("what is in cod liver oil is answered, omega-3 and vitamin D", () => {
    const answer = engine.ask(
      "my aunt gives her kids a spoon of cod liver oil every morning, what's actually in it?",
    );
    expect(answer.id).toBe("faq:cod-liver-oil");
    expect(answer.nutrients.slice(0, 2).sort()).toEqual(["omega-3", "vitamin-d"]);
    expect(answer.body).toMatch(/vitamin\s+A/);
  });

  it.each([
    ["is retinol from liver pate a worry when pregnant?"],
    ["how much vitamin A is too much for my bones?"],
  ])("%j gets the vitamin A reply, kind unknown", (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("unknown");
    expect(answer.id).toBe("faq:cod-liver-oil-vitamin-a");
    expect(answer.nutrients).toEqual([]);
  });
});
