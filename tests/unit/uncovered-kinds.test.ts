/**
 * Kinds found on question set 3, in our own wording: a health question about a topic we
 * don't cover is `unknown` (never `out_of_scope`, never a nutrient FAQ it did not ask
 * about); everyday chat stays `out_of_scope`.
 */
import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "112" });

describe("health questions outside the six nutrients are unknown, not out of scope", () => {
  it.each([
    // herbal remedies
    ["can I take echinacea with my antidepressant"],
    ["is milk thistle any good for the liver"],
    // medicines and their interactions
    ["does grapefruit interfere with lisinopril"],
    ["I started bisoprolol last month, is that why my legs feel heavy?"],
    ["naproxen or paracetamol for a bad back?"],
    // sports medicine
    ["achilles tendinitis after trail running, how long off?"],
    ["runner's knee, should I strap it"],
    ["best stretch for a tight IT band"],
    // conditions and pregnancy
    ["morning sickness is awful at 10 weeks, what helps"],
    ["what is osteoarthritis and is it the same as wear and tear"],
  ])("%j", (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("unknown");
    expect(answer.nutrients).toEqual([]);
  });
});

describe("a question whose subject is an uncovered thing gets no nutrient FAQ", () => {
  it.each([
    ["is valerian root safe alongside warfarin?"],
    ["do meal replacement shakes help an old man keep his muscle"],
    ["how much protein should I eat at breakfast to build muscle"],
    ["are sports drinks better than water for cramp on long rides"],
    ["ozempic is making me lose muscle, what can I do"],
    ["my thyroxine dose was changed, will that fix my tired legs?"],
    ["ibuprofen for period cramps, how many can I take"],
    ["does beta-alanine stop the burn in my legs when I sprint"],
  ])("%j", (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("unknown");
    expect(answer.nutrients).toEqual([]);
  });

  it("a covered nutrient named beside the uncovered thing is still answered", () => {
    const answer = engine.ask("is vitamin D ok to take with ozempic");
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe("vitamin-d");
  });
});

describe("a typing slip in an uncovered subject's name", () => {
  it.each([
    ["is colalgen worth taking for saggy muscles"],
    ["melatnoin every night, any harm to my legs?"],
    ["glutamien after long runs?"],
  ])("%j (swapped letters or a doubled letter) is still unknown", (question) => {
    expect(engine.ask(question).kind).toBe("unknown");
  });

  it("a real word one letter away is not read as the subject", () => {
    expect(engine.ask("creating a new channel for the team quiz").kind).toBe("out_of_scope");
  });
});

describe("everyday chat stays out of scope", () => {
  it.each([
    ["who took the last stapler from the supply cupboard"],
    ["can someone book the meeting room for friday"],
    ["my laptop keeps crashing during calls, any fix"],
    ["lunch at the new ramen place today?"],
  ])("%j", (question) => {
    expect(engine.ask(question).kind).toBe("out_of_scope");
  });
});

/**
 * Kinds found on question set 4, in our own wording: a question that names none of the six
 * nutrients and says nothing of muscle, bone, nerves or supplements is not ours to answer,
 * even when it shares other words with an answer (a medicine the content mentions, "drink").
 */
describe("outside the muscle subject, a question is unknown whatever words it shares", () => {
  it.each([
    ["can I have a glass of wine while on rosuvastatin"],
    ["omeprazole stopped working for my reflux, should I double it"],
    ["is the contraceptive patch or the pill better for someone who smokes"],
    ["does a standing desk help with posture"],
  ])("%j", (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("unknown");
    expect(answer.nutrients).toEqual([]);
  });

  it("a muscle question without a nutrient's name is still answered", () => {
    expect(engine.ask("why do my calves cramp at night").kind).toBe("answer");
  });
});

describe("health words of medicines, moods and fluids make a question unknown, not out of scope", () => {
  it.each([
    ["my insulin doses keep changing, is that normal"],
    ["furosemide every morning, can I move it to lunchtime"],
    ["how do I know if grandad is drinking enough fluids"],
    ["is there anything natural for stress before exams"],
    ["do rehydration sachets beat plain water on a hot shift"],
  ])("%j", (question) => {
    expect(engine.ask(question).kind).toBe("unknown");
  });
});

describe("dumping after stomach surgery, named in a question, is a condition we don't cover", () => {
  it.each([
    ["had a gastric sleeve last year, after pudding I go clammy and faint-ish, could that be dumping?"],
    ["what is late dumping and why does sugar set it off"],
  ])("%j", (question) => {
    expect(engine.ask(question).kind).toBe("unknown");
  });

  it("dumping as an everyday verb stays what it was", () => {
    expect(engine.ask("is it ok to keep dumping logs into the b12 channel").kind).toBe("out_of_scope");
  });
});
