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

describe("false-alarm kinds stay calm", () => {
  it("a definition wanted for a first-aid incident form is a general question", () => {
    expect(decide("need a definition of acute confusion for the incident form at work")).toBe("none");
  });

  it("wheeze after each bouldering climb that passes is exertion (§3)", () => {
    expect(
      decide("bouldering makes me wheezy and puffing after every route, then I'm fine. do I need iron?"),
    ).toBe("none");
  });

  it("a deadline 'suffocating me' is not breathlessness", () => {
    expect(decide("my deadline is suffocating me, can I take zinc with my pill?")).toBe("none");
  });

  it("hiccups that caught the breath and then stopped are a look-alike (§3)", () => {
    expect(
      decide(
        "hiccups kept catching my breath so I couldn't get a breath in, lasted half an hour then they stopped",
      ),
    ).toBe("none");
  });

  it("one potassium tablet taken for a cramp, feeling fine, is not a dangerous level (§9)", () => {
    expect(decide("took one magnesium and potassium pill for a leg cramp, feel fine, was that okay?")).toBe(
      "none",
    );
  });

  it("a hand numb after hours of carrying that comes back is pressure, not a stroke (§1)", () => {
    expect(
      decide(
        "after 2 hours carrying heavy trays my right hand goes numb along the little finger, shake it and it's back in a minute",
      ),
    ).toBe("none");
  });

  it("legs dead from sitting on something hard for a while are pressure (§14)", () => {
    expect(decide("sat on a bucket for the whole match and both legs went dead for a minute")).toBe("none");
  });

  it("feet cramping in the heat that settled with a salty drink are heat cramps (§17)", () => {
    expect(
      decide(
        "feet cramped after 4 hours in the heat of the bakery, had a salty drink and it settled, what snacks help?",
      ),
    ).toBe("none");
  });
});

describe("question sets' urgent kinds", () => {
  it("a stoma pouring watery output with dizziness on standing and little urine is dehydration (NHS)", () => {
    expect(
      decide(
        "my colostomy bag has been filling with water-like output for three days, I get dizzy whenever I stand and I hardly pee",
      ),
    ).toBe("dehydration/same_day");
  });

  it("a swollen hard belly with vomiting is a possible bowel obstruction (MedlinePlus)", () => {
    expect(
      decide("ulcerative colitis and my belly is swollen and rock hard, been vomiting all afternoon"),
    ).toBe("bowel-obstruction/emergency");
  });

  it("a known kidney stone with a fever and shivering may be an infected kidney (NHS)", () => {
    expect(
      decide(
        "they found a stone in my kidney last month, now I've got a temperature of 39 and I'm shivering",
      ),
    ).toBe("sepsis/emergency");
  });

  it("goodbye notes written are a plan (§21)", () => {
    expect(
      decide("it's been grey for months, I've stopped going out and I wrote goodbye notes last night"),
    ).toBe("self-harm/emergency");
  });

  it("a question about a stoma's normal output stays calm", () => {
    expect(
      decide("is an ileostomy output like water normal in the first week? asking for my care plan notes"),
    ).toBe("none");
  });
});

describe("question sets' look-alikes", () => {
  it("blackout blinds are window coverings, not a blackout", () => {
    expect(
      decide(
        "we put blackout blinds up in every room for night shifts and I sleep till 3pm, should I take vitamin D?",
      ),
    ).toBe("none");
  });

  it("a mouse hand that cramps after hours of scrims is gaming strain (§8)", () => {
    expect(decide("my mouse hand cramps after hours of scrims, fingers curl, magnesium?")).toBe("none");
  });

  it("a calf or an eyelid that keeps twitching is not a seizure (§13)", () => {
    expect(
      decide("after a week of diarrhoea my calves and one eyelid won't stop twitching, do I need magnesium?"),
    ).toBe("none");
  });

  it("limbs that won't stop jerking after a fall to the floor are still a seizure (§13)", () => {
    expect(decide("my brother dropped to the floor and his arms won't stop jerking")).toBe(
      "seizure/emergency",
    );
  });

  it("an operation years ago is the past, not a present heart sign", () => {
    expect(decide("4 years post bypass, shaky and sweaty with a pounding heart an hour after cake")).toBe(
      "none",
    );
  });
});
