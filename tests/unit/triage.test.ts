import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { createTriage, isGeneralQuestion } from "../../src/core/answers/triage.js";
import { realContent } from "../helpers/content.js";

describe("red-flag triage", () => {
  const triage = createTriage(realContent().safety);

  it.each([
    ["my face is drooping on one side", "stroke"],
    ["I think I'm having a stroke", "stroke"],
    ["chest pain and my left arm feels heavy", "chest-pain"],
    ["i can't breathe properly and my legs are weak", "breathing"],
    ["suddenly i can't move my legs", "sudden-weakness"],
    ["the tingling started in my feet and is moving up", "sudden-weakness"],
    ["my dad fainted after his workout", "fainting"],
    ["I took a whole bottle of vitamin d pills", "overdose"],
    ["my kid swallowed my magnesium tablets", "overdose"],
    ["my muscles are killing me and my pee is dark brown", "rhabdomyolysis"],
    ["my heart is racing and my calves are twitching", "heart-rhythm"],
  ])("flags %j as %s", (message, id) => {
    expect(triage.check(message)?.id).toBe(id);
  });

  it.each([
    "can low magnesium cause an irregular heartbeat?",
    "can you overdose on vitamin d?",
    "does low vitamin d raise stroke risk",
    "is chest pain a symptom of low potassium",
    "can b12 deficiency make you faint",
    "my grandmother had a stroke last year, can vitamin d help her muscles?",
  ])("does not flag the general question %j", (message) => {
    expect(triage.check(message)).toBeUndefined();
  });

  it("tells general questions from personal ones", () => {
    expect(isGeneralQuestion("can i overdose on vitamin d")).toBe(true);
    expect(isGeneralQuestion("why is my heart racing")).toBe(false);
    expect(isGeneralQuestion("heart racing after magnesium")).toBe(false);
  });

  it("answers a red flag with the urgent message only, naming the configured number", () => {
    const engine = createAnswerEngine(realContent(), { emergencyNumber: "112" });
    const answer = engine.ask("I took 40 vitamin d tablets an hour ago, what do I do");
    expect(answer.kind).toBe("urgent");
    expect(answer.nutrients).toEqual([]);
    expect(answer.text).toContain("Call 112");
    expect(answer.text).toContain(realContent().safety.disclaimer);
    expect(answer.text).not.toMatch(/reference intake|foods with/i);
  });
});
