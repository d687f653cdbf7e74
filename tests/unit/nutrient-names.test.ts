import { describe, expect, it } from "vitest";
import { coveredList } from "../../src/core/answers/format.js";
import { createNutrientMatcher } from "../../src/core/answers/nutrient-names.js";
import { normalize } from "../../src/core/text/normalize.js";
import { realContent } from "../helpers/content.js";

describe("recognising nutrients in text", () => {
  const matcher = createNutrientMatcher(realContent().nutrients);

  it.each([
    ["d", "vitamin-d"],
    ["vit d", "vitamin-d"],
    ["Vitamin D3", "vitamin-d"],
    ["sunshine vitamin", "vitamin-d"],
    ["cholecalciferol", "vitamin-d"],
    ["b12", "vitamin-b12"],
    ["B-12", "vitamin-b12"],
    ["cobalamin", "vitamin-b12"],
    ["vit e", "vitamin-e"],
    ["tocopherol", "vitamin-e"],
    ["mg", "magnesium"],
    ["fish oil", "omega-3"],
    ["EPA/DHA", "omega-3"],
    ["omega 3s", "omega-3"],
    ["calcium", "calcium"],
  ])("resolves %j to %s", (argument, id) => {
    expect(matcher.resolve(argument)).toBe(id);
  });

  it.each([
    ["magnesum", "magnesium"],
    ["calcuim", "calcium"],
    ["vitamn d", "vitamin-d"],
    ["b 12 defficiency", "vitamin-b12"],
    ["omga 3", "omega-3"],
    ["colecalciferol", "vitamin-d"],
  ])("understands the misspelling %j", (argument, id) => {
    expect(matcher.find(argument)[0]).toBe(id);
  });

  it.each([
    ["fishoil capsules every morning", "omega-3"],
    ["is fish-oil worth it", "omega-3"],
    ["flaxseed oil instead of fish", "omega-3"],
    ["do I need vitamin b twelve", "vitamin-b12"],
    ["b-twelve jabs", "vitamin-b12"],
    ["d-3 drops for my son", "vitamin-d"],
  ])("understands the lay spelling %j", (text, id) => {
    expect(matcher.find(text)[0]).toBe(id);
  });

  it.each([
    ["can fsh oil capsules go rancid in the heat", "omega-3"],
    ["two kril oil capsules a day", "omega-3"],
  ])("understands a slip in a name of several words %j", (text, id) => {
    expect(matcher.find(text)[0]).toBe(id);
  });

  it.each(["a dish oil spill in the kitchen", "fresh oil for the chip pan"])(
    "%j: a real word that starts otherwise, or two letters away, names no nutrient",
    (text) => {
      expect(matcher.find(text)).toEqual([]);
    },
  );

  it.each([
    "which supplement is best for muscle",
    "dietary supplements for older lifters",
    "vitamin k and fatty liver",
    "chloride in tap water",
    "citrate or carbonate?",
    "alpha lipoic acid",
  ])("%j: a word of an alias that says a form or is an everyday word names no nutrient", (text) => {
    expect(matcher.find(text)).toEqual([]);
  });

  it("resolves every id and name of the content to its nutrient", () => {
    for (const n of realContent().nutrients) {
      for (const name of [n.id, n.name, ...n.aliases]) expect(matcher.resolve(name), name).toBe(n.id);
    }
  });

  it("resolves a name two nutrients share to neither", () => {
    const [d, e] = realContent().nutrients;
    if (!d || !e) throw new Error("content has fewer than two nutrients");
    const shared = createNutrientMatcher([
      { ...d, aliases: [...d.aliases, "the muscle one"] },
      { ...e, aliases: [...e.aliases, "the muscle one"] },
    ]);
    expect(shared.find("the muscle one")).toEqual([d.id, e.id]);
    expect(shared.resolve("the muscle one")).toBeUndefined();
    expect(shared.resolve(d.id)).toBe(d.id);
  });

  it("lists mentions in order and without repeats", () => {
    expect(matcher.find("is fish oil better than vitamin d or more vitamin d?")).toEqual([
      "omega-3",
      "vitamin-d",
    ]);
  });

  it("does not take a dose in mg for magnesium, nor vitamin K for anything", () => {
    expect(matcher.find("is 500 mg of vitamin c too much")).toEqual([]);
    expect(matcher.resolve("vitamin k")).toBeUndefined();
  });

  it("says the covered list the way people do", () => {
    expect(coveredList(realContent().nutrients)).toBe("vitamin D, B12, E, magnesium, omega-3 and calcium");
  });

  it("folds spellings of nutrient names", () => {
    expect(normalize("Vitamine B-12 and OMEGA-3s")).toBe("vitamin b12 and omega3");
  });
});
