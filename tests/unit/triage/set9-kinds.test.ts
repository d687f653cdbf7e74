/**
 * Kinds of misses and false alarms found on triage set 9, one test per behaviour, in our
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

describe("symptoms said in people's own images", () => {
  it("a hand heavy like a glove full of sand, on one side, is one-sided weakness (red-flags.md §1)", () => {
    expect(decide("woke from a nap and my left hand is heavy, like a glove full of sand")).toBe(
      "stroke/emergency",
    );
  });

  it("legs as if gravity had been turned up, after a cold, with swimminess on standing (§5)", () => {
    expect(
      decide(
        "my toes have tingled since a cold last week, now both legs feel like the gravity's been turned up and I went swimmy standing",
      ),
    ).toBe("guillain-barre/emergency");
  });

  it("a headache that hits like a door slamming, on a blood thinner, is an emergency (§11)", () => {
    expect(decide("I'm on rivaroxaban and a headache hit me like a door slamming, feel queasy")).toMatch(
      /\/emergency$/,
    );
  });

  it("a fork falling from the hand with speech 'like he's drunk' and no drink is a stroke (§1)", () => {
    expect(
      decide(
        "grandad's fork keeps falling from his hand and he talks like he is drunk, he hasn't had a drop",
      ),
    ).toBe("stroke/emergency");
  });

  it("one side of the body 'switched off' is sudden one-sided weakness (§14)", () => {
    expect(decide("the left side of my mum's body has switched off and she can't stand")).toBe(
      "stroke/emergency",
    );
  });

  it("only one side of a grin moving is a face drooping (§1)", () => {
    expect(decide("my brother tried to grin at me and only one side of his grin moved")).toBe(
      "stroke/emergency",
    );
  });

  it("part of the picture gone in one eye, now back, is still a stroke warning (§1, TIA)", () => {
    expect(decide("this morning I lost half of the picture in my left eye for ten minutes")).toBe(
      "stroke/emergency",
    );
  });
});

describe("a child and an adult's supplements", () => {
  it("a baby with a found pack torn open is a child who got into it (§10)", () => {
    expect(decide("my baby had my multivitamins off the shelf, two of the blisters are torn open")).toBe(
      "overdose/emergency",
    );
  });

  it("a child who 'eat' many tablets, in non-native English, is a child ingestion (§10)", () => {
    expect(decide("my son 3 years he eat the vitamins of his grandma, maybe 10 tablets")).toBe(
      "overdose/emergency",
    );
  });

  it("a multivitamin 'with minerals' may hold iron (§10)", () => {
    expect(decide("my toddler swallowed two of my multivitamin with minerals tablets")).toBe(
      "overdose/emergency",
    );
  });
});

describe("other missed kinds", () => {
  it("laxative overuse with floppy muscles and a collapse is a potassium emergency (§9)", () => {
    expect(
      decide(
        "been taking loads of senna for weeks, my arms are like wet noodles and I collapsed in the kitchen",
      ),
    ).toMatch(/\/emergency$/);
  });

  it("a groin numb like after a dental injection, after a back strain, is saddle numbness (§6)", () => {
    expect(
      decide("put my back out moving a wardrobe, now my groin feels like after a dental injection"),
    ).toBe("cauda-equina/emergency");
  });

  it("not able to tell if one has finished peeing, after a back strain, is a bladder change (§6)", () => {
    expect(decide("put my back out on Friday and today I can't tell if I've finished peeing")).toBe(
      "cauda-equina/emergency",
    );
  });

  it("a squeezing chest that comes back while sitting is not stable angina (§2)", () => {
    expect(
      decide(
        "the squeezing in my chest came on the stairs at first, but now it comes back while I'm sitting reading",
      ),
    ).toBe("chest-pain/emergency");
  });

  it("heat exhaustion lasting over an hour despite water needs help (§17)", () => {
    expect(
      decide(
        "serving in a hot kitchen all day, I'm sick, clammy and cramping, over an hour now despite drinking water",
      ),
    ).toMatch(/^heat-stroke\//);
  });

  it("praying not to wake up is a passive death wish (§21)", () => {
    expect(decide("most nights I pray that God will not wake me up. anything for low energy?")).toBe(
      "self-harm/emergency",
    );
  });

  it("a heart thumping for an hour, nothing else, is same-day (issue 15)", () => {
    expect(decide("my heart has been doing a drum solo for the last hour, no pain, no dizziness")).toBe(
      "heart-rhythm/same_day",
    );
  });

  it("a watch reading that will not come down, with dizziness, is an emergency", () => {
    expect(decide("my watch says 182 and it won't come down after class, I feel dizzy")).toBe(
      "heart-rhythm/emergency",
    );
  });

  it("an irregular pulse (misspelt) with breathlessness is an emergency", () => {
    expect(decide("pulse feels iregular and now I'm breathless walking to the car")).toBe(
      "heart-rhythm/emergency",
    );
  });
});

describe("emergencies that were answered same_day", () => {
  it("muscles like concrete with dark urine and hardly any of it is reduced urine (§7)", () => {
    expect(
      decide("after the hike my calves are like concrete, my pee is dark brown and hardly any of it"),
    ).toBe("rhabdomyolysis/emergency");
  });

  it("a faint with a split lip or a wound needing stitches is a serious injury (§12)", () => {
    expect(decide("passed out at the bus stop and split my lip open, might need stitches")).toBe(
      "fainting/emergency",
    );
  });
});

describe("look-alikes", () => {
  it("playing a character who has a stroke is a portrayal", () => {
    expect(decide("I'm playing a character who has a stroke on stage, how would their face look?")).toBe(
      "none",
    );
  });

  it("writing a part for a character who overdoses is a portrayal", () => {
    expect(decide("drafting a script with a character who overdoses, what would the paramedics do?")).toBe(
      "none",
    );
  });

  it("a story of someone unnamed, asked about in general, is a general question", () => {
    expect(
      decide(
        "our reading group heard a story of a man whose legs went weak after a virus. could vitamins help that?",
      ),
    ).toBe("none");
  });

  it("a first aid kit list naming infected cuts is a general question", () => {
    expect(decide("what should go in a first aid kit for infected cuts on a long hike?")).toBe("none");
  });

  it("exertional chest tightness the same for months, settling in a minute, GP booked", () => {
    expect(
      decide(
        "on hills I get a tight chest that goes after a minute of standing still, been like that a couple of months, GP booked",
      ),
    ).toBe("none");
  });

  it("the same reading as a real emergency still counts: someone collapsing now at rehearsal", () => {
    expect(decide("at rehearsal our dancer just collapsed and isn't responding")).toMatch(/\/emergency$/);
  });
});
