/**
 * Health questions on topics question set 6 showed we don't cover, in our own words: each is
 * `unknown` (said plainly), never a nutrient answer that shares a word with it, nor out of
 * scope. Lactation remedies, numbness from pressure on a nerve (handlebars, a saddle, shoes,
 * sleeping on an arm, typing), the omega-6 and seed-oil debate, traditional tonics,
 * liquid-only feeding, coeliac diets, skin and feet, strain and braces, eyes and screens, the
 * gut, a baby's health, and another vitamin asked about inside a covered nutrient's product.
 */
import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "911" });

describe("uncovered health topics are unknown", () => {
  it.each([
    // breastfeeding remedies
    ["is lecithin worth taking to stop mastitis coming back"],
    ["my milk supply has dropped, do lactation cookies actually work"],
    // numbness brought on by pressure or position
    ["my hands go numb on the handlebars after an hour's ride, is it a vitamin thing?"],
    ["toes go numb on long rides and the feeling comes back when i take my shoes off, vitamin thing?"],
    // omega-6 and seed oils
    ["are seed oils bad for you? everyone online says omega 6 causes inflammation"],
    ["should i cut linoleic acid out of my diet"],
    // traditional tonics
    ["does royal jelly make old people stronger"],
    ["my grandad's been given deer antler velvet for his weak legs, does it work?"],
    // liquid-only feeding
    [
      "my daughter is on a formula-only liquid diet for her crohns for six weeks, will she get enough vitamins?",
    ],
    ["dad is fed through a feeding tube now, is the feed enough for his muscles"],
    // coeliac diets
    ["is spelt ok for someone with coeliac disease?"],
    // numbness from how one sleeps, types or games
    ["my hands go numb when i sleep on my arm, vitamin thing?"],
    ["fingers tingle after typing all day, could it be a deficiency"],
    // skin and feet
    ["saddle sores after long rides, what helps"],
    ["chafing on long runs, any tips"],
    ["varicose veins from standing at work all day, anything to take?"],
    // strain and supports, eyes, the gut
    ["wrist pain from gaming, should i wear a brace"],
    ["eye strain from gaming 10 hours a day, do blue light glasses help"],
    ["colostrum supplements for gut health, worth it?"],
    // a baby's health
    ["is it normal for a breastfed baby to poo only once a week"],
  ])("%j", (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("unknown");
    expect(answer.nutrients).toEqual([]);
  });
});

describe("another vitamin asked about inside a covered nutrient's product", () => {
  it.each([
    ["how much retinol is in a spoon of cod liver oil, is that ok when pregnant"],
    ["is the vitamin k in my vitamin d3 drops safe with warfarin"],
  ])("%j is unknown", (question) => {
    expect(engine.ask(question).kind).toBe("unknown");
  });

  it.each([
    ["how much vitamin d is in cod liver oil", "vitamin-d"],
    ["is the magnesium in my multivitamin enough for cramps", "magnesium"],
    ["coeliac for years and my vitamin d is low, do i need more?", "vitamin-d"],
    ["my feet go numb and tingle all the time, could it be low b12?", "vitamin-b12"],
  ])("%j stays an answer about %s", (question, nutrient) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe(nutrient);
  });
});
