/**
 * Kinds of misses and false alarms found on triage set 8 and question sets 6-7, one test
 * per behaviour, in our own wording (never a set item).
 */
import { describe, expect, it } from "vitest";
import { createTriage } from "../../../src/core/triage/triage.js";
import { realContent } from "../../helpers/content.js";

const triage = createTriage(realContent().triage).triage;
const decide = (message: string) => {
  const d = triage(message).decision;
  return d ? `${d.category.id}/${d.tier}` : "none";
};

describe("emergencies that were answered same_day", () => {
  it("weakness rising from the legs to the hands with breathlessness is ascending (red-flags.md §5)", () => {
    expect(
      decide("my dad's legs have gone wobbly and now it's spreading into his hands, he's short of breath"),
    ).toBe("guillain-barre/emergency");
  });

  it("coughing blood with pain as she breathes is a possible embolism (§20)", () => {
    expect(
      decide("my sister coughed up blood this morning and has a sharp pain in her side when she breathes"),
    ).toBe("dvt/emergency");
  });

  it("heat with not knowing where one is and vomiting is heat stroke (§17, §18)", () => {
    expect(
      decide("cycling home in this heat, now I can't work out where I am and I was sick by the road"),
    ).toBe("heat-stroke/emergency");
  });
});

describe("missed kinds", () => {
  it("a strained back with urine dribbling out unpushed is cauda equina (§6)", () => {
    expect(decide("my back flared up lifting boxes and now my wee dribbles out without me pushing")).toBe(
      "cauda-equina/emergency",
    );
  });

  it("wiping that feels like someone else's body after a back strain is saddle numbness (§6)", () => {
    expect(decide("hurt my back at the gym yesterday, when I wipe it's like I'm wiping someone else")).toBe(
      "cauda-equina/emergency",
    );
  });

  it("a headache from nowhere like a hammer blow, on a blood thinner, is thunderclap (§1, §11)", () => {
    expect(decide("I take apixaban and a headache came from nowhere like being hit with a hammer")).toMatch(
      /\/emergency$/,
    );
  });

  it("a heavy drinker with jerking eyes and a staggering walk is Wernicke's (healthdirect)", () => {
    expect(
      decide(
        "my uncle drinks a bottle of vodka a day and now his eyes keep jerking and he's staggering about",
      ),
    ).toBe("confusion/emergency");
  });

  it("searching which bridge is the highest is planning a means (§21)", () => {
    expect(decide("I keep searching which bridge in town is the highest")).toBe("self-harm/emergency");
  });

  it("arranging that nobody is blamed is a plan for after one's death (§21)", () => {
    expect(decide("I've written letters so nobody blames my boss")).toBe("self-harm/emergency");
  });

  it("a sign felt during an exam is lived, not an exam question", () => {
    expect(decide("halfway through my exam my right arm went dead and I can't lift it")).toBe(
      "stroke/emergency",
    );
  });

  it("extra stimulant for an exam with chest pain and skipped beats is an emergency", () => {
    expect(
      decide(
        "I took double my adderall for my exam and now my chest hurts and my heart keeps skipping beats",
      ),
    ).toMatch(/\/emergency$/);
  });
});
