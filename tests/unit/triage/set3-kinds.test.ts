/**
 * Kinds of misses and false alarms found on question set 3, one test per behaviour, in
 * our own wording (never a set item).
 */
import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../../src/core/answers/engine.js";
import { createTriage } from "../../../src/core/triage/triage.js";
import { realContent } from "../../helpers/content.js";

const content = realContent();
const triage = createTriage(content.triage).triage;
const decide = (message: string) => {
  const d = triage(message).decision;
  return d ? `${d.category.id}/${d.tier}` : "none";
};

describe("reduced or changed baby movements in pregnancy: call the maternity unit now", () => {
  it.each([
    ["34 weeks pregnant and I haven't felt the baby move at all today"],
    ["my bump has been really quiet since yesterday, usually she kicks all evening"],
    ["pregnant with my second, the kicks have slowed right down this afternoon, is that ok?"],
    ["baby is moving a lot less than normal, I'm 29 weeks"],
  ])("%j", (message) => {
    expect(decide(message)).toBe("pregnancy-movements/same_day");
  });

  it("the answer says what to do: the midwife or maternity unit, now, and the emergency number", () => {
    const engine = createAnswerEngine(content, { emergencyNumber: "999" });
    const answer = engine.ask("36 weeks pregnant and baby has stopped kicking since this morning");
    expect(answer).toMatchObject({ kind: "urgent", id: "urgent:pregnancy-movements" });
    expect(answer.body).toMatch(/midwife|maternity unit/);
    expect(answer.body).toContain("999");
    expect(answer.sources.some((s) => s.url.includes("nhs.uk"))).toBe(true);
  });

  it.each([
    ["when should I start feeling the baby kick?"],
    ["my toddler kicks in his sleep all night, any tips"],
    ["pregnant and getting leg cramps at night, is magnesium safe?"],
  ])("ordinary pregnancy and baby talk is not flagged: %j", (message) => {
    expect(decide(message)).toBe("none");
  });
});

describe("an accident is not self-harm", () => {
  it.each([
    ["is it ok to swim in the sea if I cut myself on a shell"],
    ["I cut myself on a tin lid while cooking, does vitamin E help scars heal"],
  ])("%j", (message) => {
    expect(decide(message)).toBe("none");
  });

  it.each([["I want to cut myself again"], ["I keep thinking about cutting myself"]])(
    "first-person self-harm wording stays urgent: %j",
    (message) => {
      expect(decide(message)).toBe("self-harm/emergency");
    },
  );
});

describe("a real word close to a listed typo is that word", () => {
  it("'conversion' is not 'convulsion'", () => {
    expect(
      decide("I eat flax daily but my body's conversion of ALA is poor, should I take fish oil instead"),
    ).toBe("none");
  });

  it("a typo of convulsion still counts", () => {
    expect(decide("my son is having a convulsoin right now")).toBe("seizure/emergency");
  });
});

describe("a clot that is the reason for a blood thinner is history, not a new clot", () => {
  it.each([
    ["on rivaroxaban since a clot last year, can I take magnesium with it"],
    ["taking warfarin after my DVT, is fish oil ok"],
  ])("%j", (message) => {
    expect(decide(message)).toBe("none");
  });

  it("a clot sign now still counts", () => {
    expect(decide("on apixaban after a clot and my calf is swollen and hot again")).not.toBe("none");
  });
});

describe("everyday words that are not the red flag", () => {
  it.each([
    // "running low" on a vitamin is not running; a measurement in cm is not a temperature.
    ["surgeon took out 40 cm of my ileum. I think I'm running low on B12"],
    // Climbing stairs or a ladder is an activity, not weakness climbing up the body.
    ["my knees ache and I feel weak when I climb the stairs at work, is it my vitamin D?"],
    // Weakness that came on over months is not a sudden stroke sign.
    [
      "Dad can't raise his arms above his head in the mornings, it came on over a few months, could it be his statin?",
    ],
    // Heavy, unsteady legs asked about as a medicine's side effect, nothing sudden.
    ["my legs feel heavy and unsteady since starting pregabalin, is that a usual side effect?"],
  ])("%j", (message) => {
    expect(decide(message)).toBe("none");
  });

  it("sudden one-sided weakness is still a stroke sign", () => {
    expect(decide("Dad suddenly can't raise his right arm and his face is drooping")).toBe(
      "stroke/emergency",
    );
  });
});

describe("potassium: cramps with a risk alone are an appointment (red-flags.md)", () => {
  it.each([
    ["on water tablets and my fingers cramp when I sew, could it be magnesium?"],
    ["had diarrhoea for three days last week and now my calves keep cramping"],
  ])("%j", (message) => {
    expect(decide(message)).toBe("none");
  });

  it.each([
    ["on water tablets and suddenly my legs are so weak I can hardly stand"],
    ["GP rang, my potassium is low, I'm on a diuretic and my legs are cramping"],
  ])("weakness, or a level found low, stays urgent: %j", (message) => {
    expect(decide(message)).not.toBe("none");
  });
});

describe("a CK result: a mild rise is for the prescriber, a high one is same-day", () => {
  it("a CK under 1,000 with aching legs on a statin is not flagged", () => {
    expect(decide("my CK is 380 and my calves ache on simvastatin, should I stop it?")).toBe("none");
  });

  it.each([
    ["they rang to say my CK is 6000 and my thighs are swollen and really painful"],
    ["CK came back at 9000 after the spin class and my legs are so sore I can barely walk"],
  ])("a high CK with muscle pain stays same-day: %j", (message) => {
    expect(decide(message)).toBe("rhabdomyolysis/same_day");
  });
});
