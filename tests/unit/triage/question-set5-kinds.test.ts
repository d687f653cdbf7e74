/**
 * Kinds of false alarms and the one miss found on question set 5, one test per behaviour,
 * in our own wording (never a set item).
 */
import { describe, expect, it } from "vitest";
import { createTriage } from "../../../src/core/triage/triage.js";
import { realContent } from "../../helpers/content.js";

const triage = createTriage(realContent().triage).triage;
const decide = (message: string) => {
  const d = triage(message).decision;
  return d ? `${d.category.id}/${d.tier}` : "none";
};

describe("a snake bite is an emergency (NHS 111 Wales: call 999 or go to A&E)", () => {
  it("someone bitten by a snake", () => {
    expect(decide("my son was bitten by a snake by the river twenty minutes ago")).toBe(
      "snake-bite/emergency",
    );
  });

  it("a general question about snake bites, or the drink, is not", () => {
    expect(decide("what should you do if a snake bites you on a hike?")).toBe("none");
    expect(decide("had a snakebite and black at the pub last night, now hungover, b vitamins?")).toBe("none");
  });
});

describe("ordinary questions that are no longer flagged", () => {
  it.each([
    // starting one's own tablets is self-treatment, not a means of self-harm
    ["my ferritin came back at 9, should I buy iron tablets myself or wait for the GP?"],
    // home from hospital after an illness: over and dealt with
    ["my dad came home from hospital after pneumonia and sepsis, very thin now, which protein shakes?"],
    ["my mum is home after a mild stroke and on apixaban, can she still take cod liver oil?"],
    // soaked with sweat, not blood
    ["roofer here, soaked through by lunchtime every day, how much salt do I lose?"],
    // a real word a typo's edit distance reaches
    ["sparring three times a week for a fight, what should I eat for recovery?"],
    // something read, not lived
    ["I take a statin and read that low vitamin D makes muscle aches worse after running, true?"],
    // someone asking a question, not asking the same thing over and over
    ["the players keep asking if they should take creatine, what age is ok?"],
    // walking up stairs is not weakness going up the body
    ["my legs feel heavy going up the stairs at work, could it be low iron?"],
  ])("%j", (message) => {
    expect(decide(message)).toBe("none");
  });
});

describe("a general question whose subject starts a concept", () => {
  it("'can low calcium…' asks in general, so the low calcium is not the writer's", () => {
    const found = triage(
      "my calves cramp at night. can low calcium do that or is it just age",
    ).findings.filter((f) => f.concept === "low-calcium-words");
    expect(found.map((f) => f.cleared)).toEqual([["hypothetical"]]);
  });
});

describe("urgent messages these changes must keep", () => {
  it("insulin pens thought of as a way to use on oneself is self-harm", () => {
    expect(decide("last night I held my insulin pens and thought about using them all on myself")).toBe(
      "self-harm/emergency",
    );
  });

  it("a dressing soaked through with blood on a blood thinner is severe bleeding", () => {
    expect(decide("I'm on warfarin and this cut has soaked through two bandages in an hour")).toBe(
      "bleeding/emergency",
    );
  });

  it("waking on the floor with a bitten tongue, having wet oneself, is a seizure (§12, §13)", () => {
    expect(decide("woke up on the kitchen floor with my tongue bitten and I'd wet myself")).toBe(
      "seizure/emergency",
    );
  });
});
