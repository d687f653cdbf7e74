/**
 * Kinds of message from question-set round 11, decided mostly by the message's shape rather than
 * by new words. Written in our own words; none of these sentences comes from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { asksNothing } from "../../src/core/answers/statement.js";
import { normalize } from "../../src/core/text/normalize.js";
import { realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "911" });
const kindOf = (text: string) => engine.ask(text).kind;

describe("a message that asks nothing is out of scope", () => {
  it.each([
    [
      "cheers all for the magnesium tips last month, the GP's happy with my bloods and I'm sleeping through now 🙌",
    ],
    ["passed my bone density recheck!!! celebrating with a big slice of cheese on toast"],
    ["reminder: the vitamin D leaflets for the waiting room are in the blue box, please sign them out"],
    ["we got smashed in the pub quiz, Kev thought calcium was a gas 🍻 his round next time"],
  ])("%s", (text) => {
    expect(asksNothing(normalize(text))).toBe(true);
    expect(kindOf(text)).toBe("out_of_scope");
  });

  it.each([
    // a symptom of the writer's or of someone they speak of keeps it a health message
    ["thanks all for the advice, but my thighs still ache when I climb stairs 🙏"],
    ["reminder to self: mum's hands keep cramping at night, mention it to the GP!!"],
    // any form of question keeps it one
    ["thanks!! does magnesium glycinate work better than citrate for cramps"],
    ["cheers for the info, vitamin d in the morning or evening"],
    ["thanks all, should I keep taking the calcium with my breakfast"],
  ])("%s asks or describes something", (text) => {
    expect(asksNothing(normalize(text))).toBe(false);
  });
});

describe("numbers are not numbness", () => {
  it("a headcount with 'numbers' and 'hands up' is not answered", () => {
    expect(kindOf("need final numbers for the team dinner by monday, hands up if you're coming")).not.toBe(
      "answer",
    );
  });
  it("numbness still reads as a symptom", () => {
    expect(engine.ask("numbness in both feet and I'm vegan, which vitamin could it be").nutrients[0]).toBe(
      "vitamin-b12",
    );
  });
});

describe("conditions and products that point to a covered nutrient", () => {
  it("pernicious anaemia (either spelling) leads to B12", () => {
    for (const text of [
      "my aunt has pernicious anaemia, can tablets ever replace her jabs",
      "pernicious anemia treatment: do injections have to be for life",
    ]) {
      const answer = engine.ask(text);
      expect(answer.kind).toBe("answer");
      expect(answer.nutrients[0]).toBe("vitamin-b12");
    }
  });
  it("a one-word name clipped in a product sold abroad names that nutrient", () => {
    const answer = engine.ask("my Polish neighbour swears by Magne B6 for calf cramps, is it any good");
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe("magnesium");
  });
});

describe("something to make for other people, a riddle with its answer, a bot asked to repeat itself", () => {
  it.each([
    ["could someone write me a short poem about calcium for the bone clinic's newsletter"],
    ["can you put together a six question vitamin round for the staff quiz"],
    ["has anyone got a lesson plan on vitamin D and rickets for year 8"],
    ["make us a birthday card verse about grandad's cramp and his famous bananas"],
    ["why did the vitamin B12 break up with the vegan? she said it was never absorbed. ba dum tss"],
    ["what's the difference between a cramp and a bad pun? one of them passes quickly. I'll get my coat"],
    ["can you show me again what you told me last week about omega-3"],
    ["repeat what you said yesterday about magnesium and sleep"],
  ])("%s", (text) => {
    expect(kindOf(text)).toBe("out_of_scope");
  });

  it.each([
    // an amount or a safety question inside a request keeps it a question
    ["for the quiz round: how much vitamin D does an adult need a day"],
    // a riddle followed by the writer's own symptom is not a joke to ignore
    ["what do you call a leg that cramps every night? mine, my calves have been cramping for weeks"],
  ])("%s is still a health question", (text) => {
    expect(kindOf(text)).not.toBe("out_of_scope");
  });
});

describe("a medicine, condition, remedy or product the content never names is the subject: unknown", () => {
  it.each([
    // a medicine started or changed, and what it does
    ["ever since starting colchicine my calves feel weak and heavy, could it be the tablets"],
    ["my sertraline went up to 100 last week and now my jaw aches all day, is that the dose"],
    // the risk of a condition we don't cover
    ["long-haul flight next week with my achy calves, am I at risk of thrombosis"],
    // a remedy or gadget whose worth is asked
    ["is apple cider vinegar any good for night cramps"],
    ["infrared sauna blanket for sore muscles after football, worth the money?"],
    // how long a product keeps
    ["found a tub of multivitamin gummies in the cupboard that expired in 2022, still fine to use up?"],
  ])("%s", (text) => {
    expect(kindOf(text)).toBe("unknown");
  });

  it("a remedy beside a nutrient named only as its setting is still the subject", () => {
    expect(kindOf("I get calcium oxalate stones. Does cranberry-free beetroot juice help stop them?")).toBe(
      "unknown",
    );
    expect(kindOf("had a calcium stone last year, is barley water any good for preventing another")).toBe(
      "unknown",
    );
  });

  it.each([
    // the remedy is one of the six, or points back to it
    ["I have low vitamin D and a weak grip: will topping it up help"],
    ["is magnesium glycinate any good for night cramps"],
    ["had a calcium stone last year, should I cut back on dairy"],
    // a food the content holds
    ["are sardines any good for vitamin D"],
  ])("%s is answered", (text) => {
    expect(kindOf(text)).toBe("answer");
  });
});

describe("fatigue conditions with their own treatment debates", () => {
  it("graded exercise or pacing in ME/CFS is not ours", () => {
    expect(
      kindOf("my OT says pacing, my cousin says graded exercise therapy for CFS, which one rebuilds muscle"),
    ).toBe("unknown");
    expect(kindOf("post-viral fatigue for months and my legs are heavy, what helps")).toBe("unknown");
  });
  it("a covered nutrient asked about beside the condition is still answered", () => {
    const answer = engine.ask(
      "chronic fatigue syndrome for years, could a low B12 be adding to the weakness",
    );
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe("vitamin-b12");
  });
});
