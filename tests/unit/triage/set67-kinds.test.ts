/**
 * Kinds of misses found on triage sets 6 and 7, one test per behaviour, in our own
 * wording (never a set item).
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
  it("a collapse with jerking, still dazed after, is a seizure (red-flags.md §12, §13)", () => {
    expect(
      decide("my brother went down at the gym and his arms jerked for a bit, he's awake but dazed"),
    ).toBe("seizure/emergency");
  });

  it("numbness crawling up the legs is ascending, as in GBS (§5)", () => {
    expect(decide("the numbness is crawling up my shins, and my fingertips feel fuzzy too")).toBe(
      "guillain-barre/emergency",
    );
  });

  it("a cup that slid from the fingers and a lost word, passed now, is a TIA (§1)", () => {
    expect(
      decide("yesterday my mug slid out of my fingers and I couldn't think of the word for spoon, fine now"),
    ).toBe("stroke/emergency");
  });

  it("a very slow pulse with feeling about to faint is an emergency (§12)", () => {
    expect(decide("my heart rate is 36 and I feel like I'm going to go")).toBe("heart-rhythm/emergency");
  });
});

describe("people's own images of stroke signs", () => {
  it("seeing only half of things is lost vision (§1)", () => {
    expect(decide("dad says he can only see half the page since tea time")).toBe("stroke/emergency");
  });

  it("a hand that is suddenly not one's own is a stroke sign (§1)", () => {
    expect(decide("mum says her right hand belongs to someone else since this morning")).toBe(
      "stroke/emergency",
    );
  });
});

describe("indirect self-harm, lay paralysis and voice-to-text slips", () => {
  it("giving possessions away while talking of joining someone who died is a warning sign (988 Lifeline)", () => {
    expect(
      decide("my grandad has been giving away his watches and keeps saying he'll be with nan soon"),
    ).toBe("self-harm/emergency");
  });

  it("a limb that will not obey, in lay words, is sudden paralysis (§14)", () => {
    expect(decide("my arm went like a log after lunch and won't do what I want")).toBe(
      "sudden-weakness/emergency",
    );
  });

  it("fuzzy feet spreading up the legs are ascending (§5)", () => {
    expect(decide("since Friday the soles of my feet feel fuzzy and it's spreading up my calves")).toBe(
      "guillain-barre/emergency",
    );
  });

  it("'write leg' is a voice-to-text slip for 'right leg' (§1)", () => {
    expect(decide("all of a sudden my write leg is numb and heavy")).toBe("stroke/emergency");
  });

  it("back pain with not knowing whether the bladder is full is cauda equina (§6)", () => {
    expect(decide("my back really hurts and I can't tell if I need a wee")).toBe("cauda-equina/emergency");
  });
});

describe("words read wrongly before", () => {
  it("'neither leg would move' names what fails, it does not deny it (§14)", () => {
    expect(decide("tried to get out of bed and neither leg would move")).toBe("sudden-weakness/emergency");
  });

  it("a headache that went off like a firework is thunderclap (§1)", () => {
    expect(decide("a pain went off in my head like a firework ten minutes ago")).toBe("stroke/emergency");
  });

  it("'haven't been able to pee' with back pain is a bladder change (§6)", () => {
    expect(decide("my back is in agony and I haven't been able to pee since last night")).toBe(
      "cauda-equina/emergency",
    );
  });

  it("seeing two of things, written as a word, is double vision (§1)", () => {
    expect(decide("out of nowhere I'm seeing two of everything")).toBe("stroke/emergency");
  });
});

describe("look-alikes that stay calm", () => {
  it.each([
    ["I feel like I'm going to go to bed early tonight, does magnesium help sleep?"],
    ["took a knock to the thigh at football, going up to my knee it's bruised, arnica?"],
    ["lay on my leg watching tv and it was a dead weight for a minute, fine now"],
    ["we're giving away all our old baby clothes, any tips on iron for toddlers?"],
    // "twist" (a movement) is not a face "twisted" to one side
    ["my right side ribs ache when I twist after digging the garden, no sweats"],
    // a hand that fell asleep under one's head is positional
    ["fell asleep with my arm under the pillow and couldn't grip my phone for a minute, fine now"],
    // a numb bottom from a hard seat that comes back is positional
    ["two hours on a plastic chair at the school concert and my bum went numb, magnesium?"],
    // old scars are healed, not self-harm now
    ["my old self-harm scars from school itch in winter, is vitamin e oil any good?"],
    // what someone used to call it is not happening now
    ["is sepsis the same as what my gran always said was blood poisoning?"],
  ])("%j", (message) => {
    expect(decide(message)).toBe("none");
  });
});
