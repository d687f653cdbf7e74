/**
 * Kinds of misses and false alarms found on triage set 10 and question sets 9 and 10, one
 * test per behaviour, in our own wording (never a set item).
 */
import { describe, expect, it } from "vitest";
import { createTriage } from "../../../src/core/triage/triage.js";
import { realContent } from "../../helpers/content.js";

const triage = createTriage(realContent().triage).triage;
const decide = (message: string) => {
  const d = triage(message).decision;
  return d ? `${d.category.id}/${d.tier}` : "none";
};

describe("textbook signs in plain words", () => {
  it("a body that goes rigid then jerks is a tonic-clonic seizure (red-flags.md §13)", () => {
    expect(decide("the lad at the bus stop has gone rigid and now he's jerking, two minutes so far")).toBe(
      "seizure/emergency",
    );
  });

  it("stiff and shaking legs after squats are not a seizure", () => {
    expect(decide("after 200 squats my legs have gone stiff and keep shaking on the stairs")).toBe("none");
  });

  it("clinicians' words for both legs paralysed are read (§14)", () => {
    expect(decide("pt with new paraparesis since this morning, please advise")).toBe(
      "sudden-weakness/emergency",
    );
  });

  it("a passive wish not to exist is self-harm, even said with 'if' (§21)", () => {
    expect(decide("tired of all of it. it'd be simpler if i just stopped existing")).toBe(
      "self-harm/emergency",
    );
  });

  it("a full bladder that will not empty, with a bad back, is cauda equina (§6)", () => {
    expect(decide("hurt my back at the gym, now I need a wee badly but nothing will come out")).toBe(
      "cauda-equina/emergency",
    );
  });

  it("breathing that takes effort with tingling hands and feet is Guillain-Barré (§5)", () => {
    expect(decide("my hands and feet have gone tingly since Sunday and now breathing is an effort")).toBe(
      "guillain-barre/emergency",
    );
  });

  it("weak legs and clumsy hands a week after a stomach bug is Guillain-Barré (§5)", () => {
    expect(
      decide(
        "son can't get up the stairs, legs gone weak, and his hands are clumsy. had a stomach bug last week",
      ),
    ).toBe("guillain-barre/emergency");
  });

  it("a chest 'like a belt cinched tight' is chest pain (§2)", () => {
    expect(decide("my chest feels like a leather belt cinched tight, half an hour now")).toBe(
      "chest-pain/emergency",
    );
  });

  it("a symptom someone texted, in quotes, is read", () => {
    expect(decide('my sister just messaged "my face is drooping on one side"')).toBe("stroke/emergency");
  });

  it("messages that suddenly make no sense are a speech sign of stroke (§1)", () => {
    expect(decide("mum's texts in the last 30 mins are total gibberish, she never writes like that")).toBe(
      "stroke/emergency",
    );
  });

  it("fever with very fast breathing is a sepsis sign (§19)", () => {
    expect(decide("he's had flu for three days, high fever and now he's breathing really fast")).toBe(
      "sepsis/emergency",
    );
  });

  it("confused and hot after hours in a boiler room is heat stroke, an emergency (§17)", () => {
    expect(decide("fitter came out of the boiler room after 3 hours, confused and burning hot")).toBe(
      "heat-stroke/emergency",
    );
  });

  it("'slept on it' does not clear a dead arm when the message says there was no sleep (§1)", () => {
    expect(
      decide("her arm went dead and useless an hour ago. she blames sleeping on it but she was not asleep"),
    ).toBe("stroke/emergency");
  });
});

describe("portrayed, rehearsed or planned, not lived", () => {
  it.each([
    ["volunteers wanted to play the casualty with a stroke at Sunday's rescue exercise"],
    ["my son is in the school play as a man who collapses with a heart attack"],
    ["rehearsal notes: Jen plays a woman having a seizure in the am dram show"],
    ["training session plan: 10am choking, 11am anaphylaxis, 12 noon strokes"],
    ["drafting an action plan for the nursery: swollen lips, wheeze, use the pen"],
  ])("%s", (message) => {
    expect(decide(message)).toBe("none");
  });

  it("a real emergency during a training day still counts ('now')", () => {
    expect(
      decide("training day and right now one of the trainers has collapsed and isn't breathing"),
    ).not.toBe("none");
  });
});

describe("look-alikes of set 10's kinds", () => {
  it("jumping off a jetty for a swim is not self-harm", () => {
    expect(decide("we jump off the jetty every morning, the cold takes my breath for a second")).toBe("none");
  });

  it("a voice hoarse from singing all night is strain, not a swelling throat", () => {
    expect(decide("voice is hoarse after singing all night at the wedding, any tea that helps?")).toBe(
      "none",
    );
  });

  it("both arms useless after a long paddle is tiredness, not one-sided weakness", () => {
    expect(decide("both arms useless after a 5 hour kayak, pee is normal. more protein?")).toBe("none");
  });

  it("a hospital letter's diagnosis that has resolved is history", () => {
    expect(
      decide('Dad\'s discharge letter says "confusion due to infection, resolved". What vitamins help?'),
    ).toBe("none");
  });
});

describe("question sets' kinds", () => {
  it("a racing heart with dizziness is an emergency even after a past event is named (§2)", () => {
    expect(
      decide("back from heart rehab and my pulse has been racing for 30 mins, dizzy and chest tight"),
    ).toBe("chest-pain/emergency");
  });

  it("stopping long-term steroids suddenly, then vomiting and faint, is an adrenal crisis (NHS)", () => {
    expect(
      decide("came off my steroids last week all at once, now I keep being sick and feel like I'll pass out"),
    ).toBe("adrenal-crisis/emergency");
  });

  it("a question about steroids and vitamin D is not flagged", () => {
    expect(decide("do steroids like prednisolone lower vitamin D?")).toBe("none");
  });

  it("one hot swollen joint with a fever is a possible infected joint (NHS: septic arthritis)", () => {
    expect(decide("my ankle is hot and swollen and I have a fever of 38.5")).toBe(
      "septic-arthritis/same_day",
    );
    expect(decide("my ankle is hot and swollen, fever of 39 and shaking chills")).toBe(
      "septic-arthritis/emergency",
    );
  });

  it("a gout flare with no fever is not flagged", () => {
    expect(decide("gout again, big toe hot and swollen, no fever. does cherry juice help?")).toBe("none");
  });

  it("a stroke named as a time anchor years back is history", () => {
    expect(decide("since my stroke in 2019 I take a statin, is vitamin D safe with it?")).toBe("none");
  });
});
