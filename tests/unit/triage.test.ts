import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { compileTerm, PhraseIndex } from "../../src/core/text/phrases.js";
import { readSentences } from "../../src/core/text/tokens.js";
import { explain } from "../../src/core/triage/explain.js";
import { fillNumbers, NO_CRISIS_LINE } from "../../src/core/triage/numbers.js";
import { createTriage } from "../../src/core/triage/triage.js";
import { realContent } from "../helpers/content.js";

const triage = createTriage(realContent().triage).triage;
const decide = (message: string) => {
  const d = triage(message).decision;
  return d ? `${d.category.id}/${d.tier}` : "none";
};

describe("triage categories: each red flag is recognised at its tier", () => {
  it.each([
    ["my wife's smile is crooked and she's slurring", "stroke/emergency"],
    ["dad suddenly couldn't lift his right arm at dinner", "stroke/emergency"],
    ["I think I'm having a heart attack", "chest-pain/emergency"],
    ["crushing pain in my chest and my left arm is numb", "chest-pain/emergency"],
    // The person's own guess ("a pulled chest muscle?") does not explain away pain spreading down the arm.
    [
      "tight pain in my chest on the bike that spread down my left arm, is it just a chest muscle cramp?",
      "chest-pain/emergency",
    ],
    ["dyspnoea since this morning", "breathing/same_day"],
    ["bit of chicken stuck and I can't even swallow my own spit", "breathing/emergency"],
    ["my throat is closing up after eating peanuts", "anaphylaxis/emergency"],
    ["legs got weaker every day since Monday and now my fingers tingle", "guillain-barre/emergency"],
    ["sudden numbness in both legs and my back is killing me and I can't pee", "cauda-equina/emergency"],
    ["peeing almost nothing and it looks like coke after yesterday's spin class", "rhabdomyolysis/emergency"],
    ["did a crazy spin class, thighs swollen and my pee is cola colour", "rhabdomyolysis/same_day"],
    ["fingers locked in a cramp and my mouth is numb", "tetany/emergency"],
    ["I'm on water tablets and my legs are so weak I can't stand", "potassium/emergency"],
    ["my son swallowed a handful of my iron tablets", "overdose/emergency"],
    [
      "I've been taking 50000 IU of vitamin D daily for months and now I keep vomiting and I'm so thirsty",
      "toxicity-symptoms/same_day",
    ],
    ["on warfarin and I just hit my head on the cupboard", "bleeding/emergency"],
    ["on apixaban and my pee is pinkish today", "bleeding/same_day"],
    ["my colleague just collapsed at her desk", "fainting/emergency"],
    ["my husband is having a seizure and it won't stop", "seizure/emergency"],
    ["i cant move my legs", "sudden-weakness/emergency"],
    ["grandpa fell and can't get up, hip hurts", "fall/emergency"],
    ["I have MG and I can't swallow my own saliva and breathing is hard", "myasthenic-crisis/emergency"],
    ["worked outside all day in the heat and now he's confused and not sweating", "heat-stroke/emergency"],
    ["grandma has been more confused since yesterday and is seeing things", "confusion/same_day"],
    ["my housemate was fine this morning and now she's suddenly confused", "confusion/emergency"],
    ["I have a UTI and now I'm shivering uncontrollably and confused", "sepsis/emergency"],
    ["my calf is swollen, hot and really painful", "dvt/same_day"],
    ["my calf is swollen and hot and now I'm short of breath", "dvt/emergency"],
    ["I don't see the point of living", "self-harm/emergency"],
    ["my heart keeps skipping beats since this morning", "heart-rhythm/same_day"],
    ["my heart is racing and I feel like I'm going to pass out", "heart-rhythm/emergency"],
  ])("%j -> %s", (message, expected) => {
    expect(decide(message)).toBe(expected);
  });
});

describe("triage modifiers (ConText)", () => {
  it.each([
    ["no chest pain, just tired after the gym"],
    ["I don't have any chest pain or breathlessness, only sore legs"],
  ])("negation clears %j", (message) => {
    expect(decide(message)).toBe("none");
    expect(triage(message).findings.some((f) => f.cleared.includes("negated"))).toBe(true);
  });

  it("negation stops at a terminator: what comes after still counts", () => {
    expect(decide("no chest pain but I can't breathe")).toBe("breathing/emergency");
  });

  it.each([
    ["what are the signs of a stroke?"],
    ["can low magnesium cause an irregular heartbeat?"],
    ["what should I do if someone faints at work?"],
  ])("a general or hypothetical question clears %j", (message) => {
    expect(decide(message)).toBe("none");
    expect(triage(message).findings.some((f) => f.cleared.includes("hypothetical"))).toBe(true);
  });

  it("a question about what is happening now still counts", () => {
    expect(decide("why is my heart racing and why do I feel faint?")).toBe("heart-rhythm/emergency");
  });

  it.each([
    ["dad had a stroke five years ago, can vitamin D help his muscles?"],
    ["I was treated for a DVT in 2019, is vitamin K ok now?"],
  ])("history that is over and dealt with clears %j", (message) => {
    expect(decide(message)).toBe("none");
    expect(triage(message).findings.some((f) => f.cleared.includes("historical"))).toBe(true);
  });

  it.each([
    ["dad had a mini stroke yesterday but it went away", "stroke/emergency"],
    ["years ago I had a DVT, and now my calf is swollen and hot", "dvt/same_day"],
  ])("recent or returning symptoms are not history: %j", (message, expected) => {
    expect(decide(message)).toBe(expected);
  });

  it.each([
    ["this meeting is giving me a heart attack"],
    ["laughed so hard I couldn't breathe"],
    ["this deadline is killing me"],
  ])("a figure of speech clears %j", (message) => {
    expect(decide(message)).toBe("none");
  });

  it("first-person self-harm wording is never cleared as a joke", () => {
    expect(decide("I want to kill myself lol")).toBe("self-harm/emergency");
  });

  it("someone else living it still counts, and is noted", () => {
    const result = triage("my colleague just collapsed at her desk");
    expect(result.decision?.category.id).toBe("fainting");
    expect(result.findings.some((f) => f.concept === "faint-event" && f.otherPerson)).toBe(true);
  });

  it.each([
    ["dark yellow pee first thing in the morning"],
    ["took two vitamin D tablets by mistake today"],
    ["my leg fell asleep sitting cross legged"],
    ["legs are wrecked after leg day, doms is brutal"],
    ["does a daily vitamin D pill cut falls in elderly people"],
    // "gaining" is an English word, not a typo of "gasping".
    ["gaining muscle slowly on a whey shake every morning"],
  ])("look-alikes that share the words stay ordinary: %j", (message) => {
    expect(decide(message)).toBe("none");
  });

  it("typos and inflections meet the same concept", () => {
    expect(decide("my son is having a siezure")).toBe("seizure/emergency");
    expect(decide("her face is droopy on one side")).toBe("stroke/emergency");
    expect(decide("he's slurrin his words")).toBe("stroke/emergency");
  });

  it("a term with a counting word matches the message's number, written either way", () => {
    const index = new PhraseIndex<string>([compileTerm("seeing two of", "double")]);
    const read = (text: string) =>
      readSentences(text, new Map()).flatMap((s) => index.matchAll(s.tokens).map((m) => m.phrase.value));
    expect(read("she is seeing two of me")).toEqual(["double"]);
    expect(read("seeing 2 of everything")).toEqual(["double"]);
  });

  it("number ranges with decimals match readings inside them, not outside", () => {
    const index = new PhraseIndex<string>([compileTerm("temp #39.5-46", "hot")]);
    const read = (text: string) =>
      readSentences(text, new Map()).flatMap((s) => index.matchAll(s.tokens).map((m) => m.phrase.value));
    expect(read("temp 40.2 now")).toEqual(["hot"]);
    expect(read("temp 39.5")).toEqual(["hot"]);
    expect(read("temp 39.4")).toEqual([]);
    expect(read("temp 47")).toEqual([]);
    // A very high temperature with new confusion is an emergency (heat stroke comes first in content order).
    expect(decide("guy on the crew: thermometer says 40.6 and he can't tell me what day it is")).toBe(
      "heat-stroke/emergency",
    );
  });

  it("emergency rules win over same-day ones, across categories", () => {
    const result = triage("my calf is swollen and painful and I feel faint and my heart is racing");
    expect(result.fired.length).toBeGreaterThan(1);
    expect(result.decision?.tier).toBe("emergency");
  });
});

describe("urgent answers", () => {
  const content = realContent();
  const engine = createAnswerEngine(content, { emergencyNumber: "112" });

  it("say what was recognised, give the action with the number, the sources and the disclaimer, nothing else", () => {
    const answer = engine.ask("my wife's smile is crooked and she's slurring");
    expect(answer.kind).toBe("urgent");
    expect(answer).toMatchObject({ id: "urgent:stroke", urgency: "emergency", flag: { id: "stroke" } });
    expect(answer.title).toBe("Call 112 now");
    expect(answer.body).toMatch(/^This could be a stroke\./);
    expect(answer.body).toContain("note the time");
    expect(answer.sources.length).toBeGreaterThan(0);
    expect(answer.text).toContain(content.safety.disclaimer);
    expect(answer.nutrients).toEqual([]);
    expect(answer.text).not.toMatch(/reference intake|foods with/i);
  });

  it("flag.id is the part of id after urgent:, and urgency and flag are absent on other kinds", () => {
    const urgent = engine.ask("I think I'm having a heart attack");
    expect(urgent.id).toBe(`urgent:${urgent.flag?.id}`);
    const ordinary = engine.ask("can low b12 cause muscle weakness");
    expect(ordinary.kind).toBe("answer");
    expect("urgency" in ordinary).toBe(false);
    expect("flag" in ordinary).toBe(false);
  });

  it("self-harm follows safe messaging: no 'this could be', a crisis line, private", () => {
    const answer = engine.ask("I don't see the point of living");
    expect(answer.body).not.toMatch(/this could be/i);
    expect(answer.body).toContain(NO_CRISIS_LINE);
    expect(answer.body).toContain("112");
    expect(engine.isPrivate(answer)).toBe(true);
    expect(engine.answerById("urgent:self-harm:emergency")).toBeUndefined();
  });

  it("names the workspace's own numbers over the deployment's", () => {
    const answer = engine.ask("I want to end my life", { emergency: "999", crisis: "Samaritans 116 123" });
    expect(answer.body).toContain("Samaritans 116 123");
    expect(answer.body).toContain("999");
    expect(answer.body).not.toContain(NO_CRISIS_LINE);
    const poison = engine.ask("my toddler ate a whole bottle of gummy vitamins", {
      poison: "1-800-222-1222",
    });
    expect(poison.body).toContain("1-800-222-1222");
  });

  it("re-renders a shared urgent answer by id and tier", () => {
    const shared = engine.answerById("urgent:dvt:same_day");
    expect(shared).toMatchObject({ kind: "urgent", urgency: "same_day", flag: { id: "dvt" } });
    expect(engine.answerById("urgent:nope:emergency")).toBeUndefined();
  });

  it("fills every placeholder", () => {
    expect(fillNumbers("{emergency} {crisis} {poison}", { emergency: "911" })).toBe(
      `911 ${NO_CRISIS_LINE} 911`,
    );
  });

  it("explains what it found, what it cleared and why", () => {
    const message = "no chest pain but my face is drooping";
    const text = explain(message, triage(message));
    expect(text).toMatch(/chest-pain-words\s+"chest pain"\s+cleared: negated/);
    expect(text).toMatch(/face-droop/);
    expect(text).toContain("Decision: urgent, emergency: stroke");
  });
});

describe("words that name JavaScript's own object properties", () => {
  // Object.prototype's names ("constructor", "toString"…) once reached a lookup table
  // through the prototype and threw inside triage, so every path that asks failed.
  const names = Object.getOwnPropertyNames(Object.prototype);
  const engine = createAnswerEngine(realContent(), { emergencyNumber: "112" });

  it.each(names)("triage and the answer engine read %j as an ordinary word", (name) => {
    const message = `my ${name} hurts, is it ${name.toLowerCase()}? ${name}'s fine`;
    expect(triage(message).decision).toBeUndefined();
    expect(engine.ask(message).kind).not.toBe("urgent");
  });
});
