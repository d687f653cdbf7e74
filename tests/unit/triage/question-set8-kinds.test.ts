/**
 * Kinds of false urgent alarms found on the question sets (set 8 mostly, and sets 2 and
 * 7), one test per behaviour, in our own wording (never a set item), with the urgent
 * message of the same kind that must still be flagged.
 */
import { describe, expect, it } from "vitest";
import { createTriage } from "../../../src/core/triage/triage.js";
import { realContent } from "../../helpers/content.js";

const triage = createTriage(realContent().triage).triage;
const decide = (message: string) => {
  const d = triage(message).decision;
  return d ? `${d.category.id}/${d.tier}` : "none";
};

describe("ordinary questions that are not red flags", () => {
  it("a parent's guess that calcium could be low, for a child's cramps, is a question (red-flags.md §8)", () => {
    expect(
      decide(
        "my 9 year old gets calf cramps after football and the physio says growing pains. could his calcium be low?",
      ),
    ).toBe("none");
  });

  it("going out of the house is not passing out (§12)", () => {
    expect(
      decide(
        "my gran is 84, her legs give out on long walks and she hardly went out all winter. worth a vitamin D test?",
      ),
    ).toBe("none");
  });

  it("a prescribed weekly loading course of vitamin D is not an overdose (§10, NICE CKS)", () => {
    expect(
      decide(
        "I had a tub of vitamin D at home, now the GP prescribed 40,000 units once a week for 7 weeks. is that safe?",
      ),
    ).toBe("none");
  });

  it("spacing doses apart is not spacing out (confusion)", () => {
    expect(
      decide("I take levothyroxine and calcium carbonate, do they need spacing out by a few hours?"),
    ).toBe("none");
  });

  it("a seizure threshold or seizure medicine is not a seizure (§13)", () => {
    expect(
      decide("my daughter plays hockey and takes levetiracetam. does magnesium lower the seizure threshold?"),
    ).toBe("none");
  });

  it("a hand or muscles that seize up from work or running are cramps (§8, §13)", () => {
    expect(decide("after a day pruning roses my fingers seize into a claw, would magnesium help?")).toBe(
      "none",
    );
    expect(decide("my quads seize up late in long runs, is that salt or magnesium?")).toBe("none");
  });

  it("'better or worse' compares, it does not say something got worse (§17)", () => {
    expect(
      decide(
        "picking fruit all day in 34 degrees, my legs cramp most nights. is pickle juice better or worse than magnesium?",
      ),
    ).toBe("none");
  });

  it("beta-alanine tingling of the lips and fingers is a known harmless effect (ISSN)", () => {
    expect(
      decide(
        "the beta-alanine in my pre-workout makes my lips and fingers tingle for half an hour, is it harmful?",
      ),
    ).toBe("none");
  });

  it("a low potassium the GP found and manages, with cramps alone, is for the GP (§9)", () => {
    expect(
      decide(
        "GP says my potassium is a bit low from the water pill and is causing my cramps, what foods help?",
      ),
    ).toBe("none");
  });

  it("a coronary calcium score is a screening scan, not a heart attack", () => {
    expect(decide("is a coronary calcium score worth paying for at 45?")).toBe("none");
  });
});

describe("the urgent messages of the same kinds still count", () => {
  it("low potassium with cramps and a skipping heart", () => {
    expect(
      decide("on a water tablet, my potassium came back low and now I have cramps and my heart is skipping"),
    ).toMatch(/\/emergency$/);
  });

  it("a seizure lasting minutes in someone with epilepsy", () => {
    expect(decide("my son has epilepsy and has been having a seizure for six minutes")).toMatch(
      /\/emergency$/,
    );
  });

  it("hands locked into claws with tingling lips after a thyroid operation", () => {
    expect(decide("since my thyroid op yesterday my lips tingle and my hands have locked into claws")).toBe(
      "tetany/emergency",
    );
  });

  it("a known low calcium with cramps is still same-day", () => {
    expect(decide("my calcium is low on the last blood test and now my hands keep cramping")).toMatch(
      /^tetany\//,
    );
  });
});
