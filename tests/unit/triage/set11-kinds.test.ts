/**
 * Kinds of misses and false alarms found on triage set 11, one test per behaviour, in our
 * own wording (never a set item).
 */
import { describe, expect, it } from "vitest";
import { createTriage } from "../../../src/core/triage/triage.js";
import { realContent } from "../../helpers/content.js";

const triage = createTriage(realContent().triage).triage;
const decide = (message: string) => {
  const d = triage(message).decision;
  return d ? `${d.category.id}/${d.tier}` : "none";
};

describe("signs told in lay words and images", () => {
  it("blood in what was coughed up is haemoptysis, at least same day (red-flags.md §3)", () => {
    expect(
      decide("chest cold since Monday, and tonight there were red streaks of blood in my phlegm"),
    ).toMatch(/\/(same_day|emergency)$/);
  });

  it("a headbutt on a blood thinner is an emergency however small the lump (§11)", () => {
    expect(decide("I take rivaroxaban. My toddler headbutted me hard, there's a little lump, I'm fine")).toBe(
      "bleeding/emergency",
    );
  });

  it("a ball taken in the side of the head on a blood thinner is an emergency (§11)", () => {
    expect(decide("my uncle is on warfarin and took a cricket ball in the side of the head at nets")).toBe(
      "bleeding/emergency",
    );
  });

  it("a head clutched in sudden pain with vomiting on a blood thinner is an emergency (§1, §11)", () => {
    expect(decide("dad's on edoxaban, he suddenly clutched his head and now he's vomiting")).toBe(
      "bleeding/emergency",
    );
  });

  it("speech coming out wrong in the heat is heat stroke (§17)", () => {
    expect(decide("roofing in the heat all afternoon and now my words are coming out all wrong")).toBe(
      "heat-stroke/emergency",
    );
  });

  it("being sick with cramps and getting worse after a day of farm labour is heat exhaustion (§17)", () => {
    expect(decide("haymaking since dawn, threw up, legs cramping and clammy, getting worse")).toBe(
      "heat-stroke/same_day",
    );
  });

  it("not knowing the year, new since this week, is acute confusion (§18)", () => {
    expect(decide("grandad keeps asking what year it is, that is new this week")).toMatch(/^confusion\//);
  });

  it("new hallucinations in someone with mild dementia are acute confusion (§18)", () => {
    expect(
      decide("gran has mild dementia but since last night she's seeing children in the bedroom"),
    ).toMatch(/^confusion\//);
  });

  it("half the view gone on one side is a stroke sign (§1)", () => {
    expect(decide("reading the paper and the right half of the page just vanished")).toBe("stroke/emergency");
  });

  it("a whistle on breathing after a known allergen is anaphylaxis (§4)", () => {
    expect(decide("she's allergic to sesame, ate a bagel by mistake and her breath is whistly")).toBe(
      "anaphylaxis/emergency",
    );
  });

  it("weak legs 'ever since' a recent bug, now spreading, stay current (§5)", () => {
    expect(
      decide("ever since that stomach bug both my legs drag like lead, and today it's spreading to my hands"),
    ).toBe("guillain-barre/emergency");
  });

  it("'I mean' rephrases; it does not make saddle numbness hypothetical (§6)", () => {
    expect(decide("bad back since lifting, and it's odd, I mean my bum is numb when I sit")).toBe(
      "cauda-equina/emergency",
    );
  });

  it("spoonfuls of liquid vitamin D for weeks with thirst and constipation is toxicity (§10)", () => {
    expect(
      decide(
        "been having a spoonful of liquid vitamin D every day for a month, now very thirsty and constipated",
      ),
    ).toBe("toxicity-symptoms/same_day");
  });

  it("jerking with a low meter reading in a diabetic is an emergency (§13)", () => {
    expect(decide("my diabetic flatmate is twitching and jerking on the sofa, meter says 1.9")).toMatch(
      /\/emergency$/,
    );
  });

  it("spots that do not fade under any glass object are a non-blanching rash (§19)", () => {
    expect(decide("toddler is feverish with spots, I pressed a glass jam jar on them and they stay")).toBe(
      "sepsis/emergency",
    );
  });

  it("hopelessness with a means named is an emergency (§21)", () => {
    expect(decide("the business went under, nothing left for me, and there are pills in the drawer")).toBe(
      "self-harm/emergency",
    );
  });

  it("a load of tablets taken an hour ago is an overdose (§21)", () => {
    expect(decide("swallowed a load of my codeine about an hour ago")).toMatch(/^overdose\//);
  });

  it("a heart that beats fast and irregularly since this morning is same day (§9)", () => {
    expect(decide("my heart keeps going fast and irregular since breakfast, no pain")).toBe(
      "heart-rhythm/same_day",
    );
  });
});

describe("tiers", () => {
  it("scant urine with a fluttering heart after a long run is an emergency (§7)", () => {
    expect(
      decide("after the ultra my thighs are agony, not peed in 10 hours and my heart is fluttering"),
    ).toBe("rhabdomyolysis/emergency");
  });

  it("a racing heart with pallor and clamminess is an emergency (RCUK adverse features)", () => {
    const fired = triage("heart racing at 190, he's pale and clammy").fired;
    expect(fired.map((d) => `${d.category.id}/${d.tier}`)).toContain("heart-rhythm/emergency");
  });
});

describe("look-alikes", () => {
  it("a whole crowd 'having a stroke' is hyperbole", () => {
    expect(decide("that penalty decision and the whole away end had a stroke")).toBe("none");
  });

  it("an impression of someone choking is mimicry", () => {
    expect(decide("my nephew does an impression of me choking on popcorn, so rude")).toBe("none");
  });

  it("an animal's illness told through its vet is not a person's emergency", () => {
    expect(decide("vet says my cat had a seizure, like epilepsy in people. which vitamins help?")).toBe(
      "none",
    );
  });

  it("the pet poison line saying a dog is fine is not an emergency", () => {
    expect(decide("the spaniel ate two of my iron tablets, the pet poison helpline said she's fine")).toBe(
      "none",
    );
  });

  it("a person's own emergency told beside an animal's vet visit or poison call still counts", () => {
    expect(
      decide(
        "phoned the vet about the dog's limp. also my face has gone droopy and my arm is weak, 10 min ago",
      ),
    ).not.toBe("none");
    expect(
      decide("at the vets with the cat and my husband's speech is slurred and his face is drooping"),
    ).not.toBe("none");
    expect(
      decide("the pet poison line said the dog is fine. but I've just collapsed and my chest is crushing"),
    ).not.toBe("none");
  });

  it("a real emergency told in the sentence after a plan, a card or a training day still counts", () => {
    expect(
      decide(
        "drew up an allergy plan for the nanny. my daughter just ate cashews and her tongue is swelling",
      ),
    ).not.toBe("none");
    expect(
      decide("wrote a crib sheet for the sitter. now my son has swallowed a handful of my iron tablets"),
    ).not.toBe("none");
    expect(
      decide(
        "it's our drill evening. the instructor's face has dropped on one side and she can't lift her arm",
      ),
    ).not.toBe("none");
  });

  it("a real emergency told in the sentence after a quiz, a form or a passing curiosity still counts", () => {
    expect(decide("at the pub quiz. my brother has just keeled over and isn't breathing")).not.toBe("none");
    expect(
      decide("doing an insurance form for mum. her face just dropped and her words are slurred"),
    ).not.toBe("none");
  });

  it("a person hurt by an animal still counts", () => {
    expect(decide("on apixaban and the horse kicked me in the head")).toBe("bleeding/emergency");
  });

  it("a bruise on the leg from a kick, off blood thinners, is not a clot", () => {
    expect(decide("big dark bruise on my shin where a player kicked me, sore and warm, no meds")).toBe(
      "none",
    );
  });

  it("brief gum bleeding on brushing that stopped, on a blood thinner, is a look-alike (§11)", () => {
    expect(decide("on rivaroxaban, my gums bled a tiny bit when I brushed, stopped straight away")).toBe(
      "none",
    );
  });

  it("slides made about delirium are teaching, not a case", () => {
    expect(decide("I made some slides on recognising delirium for the care home staff")).toBe("none");
  });
});
