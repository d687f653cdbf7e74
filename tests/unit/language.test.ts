/**
 * Questions in other languages get "I understand English for now" (with the emergency
 * number) instead of a confident wrong answer; non-native and informal English keeps
 * getting answers. The messages are our own, written for this test.
 */
import { describe, expect, it } from "vitest";
import { createAnswerEngine, NOT_ENGLISH_ID } from "../../src/core/answers/engine.js";
import { MIN_LANGUAGE_TEXT, notEnglish } from "../../src/core/answers/language.js";
import { realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "112" });

const OTHER_LANGUAGES = [
  ["Spanish", "¿Qué alimentos tienen mucha vitamina D para los músculos débiles?"],
  ["Spanish", "Tengo las piernas muy cansadas todo el tiempo, ¿qué vitamina me falta?"],
  ["German", "Ich bin immer müde und meine Beine sind schwach, fehlt mir Vitamin B12?"],
  ["German", "Welche Lebensmittel enthalten viel Magnesium gegen Muskelkrämpfe in der Nacht?"],
  ["French", "Quels aliments sont riches en vitamine D pour renforcer les muscles ?"],
  ["French", "J'ai souvent des crampes dans les jambes, est-ce un manque de magnésium ?"],
  ["Portuguese", "Minhas pernas estão sempre fracas e cansadas, que vitamina devo tomar?"],
  ["Portuguese", "Quais alimentos têm bastante vitamina B12 para quem é vegetariano?"],
  ["Italian", "Quali cibi contengono molto magnesio per i crampi muscolari notturni?"],
  ["Dutch", "Welke voedingsmiddelen bevatten veel vitamine D voor sterke spieren?"],
  ["Hindi in Latin script", "Mere pairon mein bahut kamzori hai, kaunsa vitamin lena chahiye mujhe?"],
  ["Hindi in Latin script", "Mujhe roz thakan hoti hai aur muscles mein dard rehta hai, kya karun?"],
  ["Hindi", "मेरे पैरों में बहुत कमजोरी है, कौन सा विटामिन लेना चाहिए?"],
  ["Russian", "Какие продукты содержат много витамина D для мышц?"],
] as const;

const NON_NATIVE_ENGLISH = [
  "what vitamin is good for muscle weak, i am always tired legs",
  "which food have much magnesium for the cramp in night time",
  "my doctor say my vitamin d is low, how much i must take every day",
  "is it possible that b12 low make my hands feeling tingle and weak",
  "i am vegetarian since many years, i need take b12 supplement or not",
  "how long time need for muscle to become strong again after vitamin d",
  "please tell me the foods where is calcium, i not drink milk",
  "omega 3 is helping for the muscle or is only for heart, what you think",
  "the legs of me are weak since two month, which deficiency can be this",
  "for the old people which vitamin is most important for keep muscles",
  "i take magnesium tablet each night, it is too much if i take 400mg",
  "vitamin e it is good for the muscle recovery after gym or no",
];

describe("questions in other languages", () => {
  it.each(OTHER_LANGUAGES)(
    "%s: %s gets 'I understand English for now' with the emergency number",
    (_, text) => {
      const answer = engine.ask(text);
      expect(answer).toMatchObject({
        id: NOT_ENGLISH_ID,
        kind: "out_of_scope",
        title: "I understand English for now",
      });
      expect(answer.body).toContain("call 112");
    },
  );

  it("leaves short texts alone, however foreign", () => {
    expect("Vitamina D, ¿sí?".length).toBeLessThan(MIN_LANGUAGE_TEXT);
    expect(notEnglish("Vitamina D, ¿sí?")).toBeUndefined();
    expect(engine.ask("¿Vitamina D para músculos?").id).not.toBe(NOT_ENGLISH_ID);
  });

  it("runs triage first: a red flag in another language's English words still gets the urgent answer", () => {
    const answer = engine.ask("ayuda por favor, my chest hurts and I can't breathe, no puedo respirar bien");
    expect(answer.kind).toBe("urgent");
  });

  it("uses the workspace's own emergency number when given", () => {
    const answer = engine.ask(OTHER_LANGUAGES[0][1], { emergency: "000" });
    expect(answer.body).toContain("call 000");
  });
});

describe("non-native English keeps working", () => {
  it.each(NON_NATIVE_ENGLISH)("%s is answered", (text) => {
    const answer = engine.ask(text);
    expect(answer.kind).toBe("answer");
    expect(notEnglish(text) === undefined || answer.id !== NOT_ENGLISH_ID).toBe(true);
  });

  it.each([
    "does iron deficiency cause muscle weakness",
    "got a cold, temp came down w paracetamol, head clear, zinc?",
    "can low potassium cause cramps? askin bc i eat zero bananas",
    "nearly passed out when I saw my overdraft 😭",
  ])("%s (English that franc ranks as another language) is never told to use English", (text) => {
    expect(engine.ask(text).id).not.toBe(NOT_ENGLISH_ID);
  });
});
