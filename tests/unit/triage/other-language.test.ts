/**
 * A message mostly in another language cannot be read by the English model: with a
 * health cue it gets the safe reply (urgent, emergency tier, its own flag), since in doubt
 * between urgent and not we choose urgent; without one, or in English, nothing changes.
 */
import { describe, expect, it } from "vitest";
import { createTriage } from "../../../src/core/triage/triage.js";
import { realContent } from "../../helpers/content.js";

const triage = createTriage(realContent().triage).triage;
const decide = (message: string) => {
  const d = triage(message).decision;
  return d ? `${d.category.id}/${d.tier}` : "none";
};

describe("messages mostly in another language", () => {
  it.each([
    ["mi hermana tiene un dolor muy fuerte en el pecho y esta toda palida, que hacemos"],
    ["ma voisine a du mal a respirer depuis ce matin et elle a de la fievre"],
    ["kuya ko may sakit sa dibdib kanina pa, hindi siya mapakali"],
  ])("with a health cue, the safe reply: %j", (message) => {
    expect(decide(message)).toBe("other-language/emergency");
    expect(triage(message).findings.some((f) => f.concept === "other-language")).toBe(true);
  });

  it.each([
    ["hola a todos, alguien sabe a que hora empieza la reunion de manana por la tarde"],
    ["merci beaucoup pour les recettes de la semaine derniere, tres bonnes idees"],
  ])("without a health cue, nothing: %j", (message) => {
    expect(decide(message)).toBe("none");
  });

  it.each([
    ["does vitamin d help with tiredness in winter or is that a myth"],
    ["non dairy calcium sources for a vegan teenager please"],
  ])("English is read as before: %j", (message) => {
    expect(decide(message)).toBe("none");
  });

  it("a same-day sign read from its few English words is raised to emergency", () => {
    expect(
      decide(
        "mi papa tiene palpitations desde esta manana, dice que el pulso esta muy raro y no sabe que hacer",
      ),
    ).toBe("heart-rhythm/emergency");
  });
});

describe("explanations of English messages", () => {
  it("do not list the other-language cue words, which only a message in another language reads", () => {
    const { findings } = triage("my chest feels tight and I can't catch my breath");
    expect(findings.some((f) => f.concept === "chest-pain-words" || f.concept === "breathless")).toBe(true);
    expect(findings.filter((f) => f.concept === "other-language-cue")).toEqual([]);
  });
});
