/**
 * Channel chat and admin that borrow a health word as the topic of an event, a product, a form,
 * a joke or an object, while the message asks about logistics: who has a supplier's number, whether
 * an interpreter comes and when a talk starts, a form posted or scanned, an expense claimed, the
 * wood for a cabinet, a caterer for a group, a meeting moved with its topic, an awareness day
 * celebrated. Written in our own words; the same words in a question about a body stay a question.
 */
import { describe, expect, it } from "vitest";
import { isChannelChat } from "../../src/core/answers/channel-chat.js";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { asksNothing } from "../../src/core/answers/statement.js";
import { normalize } from "../../src/core/text/normalize.js";
import { realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "911" });

describe("logistics around a health topic is out of scope", () => {
  it.each([
    // a supplier's contact and stock
    ["can someone send me the number for the protein powder supplier, the chocolate tubs have all gone"],
    // who comes to a talk and when it starts
    [
      "the vitamin D and falls talk on Monday - will the sign language interpreter be there, and what time does it kick off?",
    ],
    // a form posted or scanned
    ["Does the PIP application form need the consultant's letter sent in or can I upload it?"],
    // an expense claimed, as a joke
    ["can I put my magnesium tablets on my tax return as a work expense lol"],
    // furniture made for someone's vitamins
    ["building my dad a little rack for his pill bottles and vitamins, walnut or oak?"],
    // catering for a group
    ["need caterers for the team lunch, feed about 40, somewhere that does good veggie options"],
    // a meeting moved, with its topic named
    ["walking group moved to wednesday, topic is 'vitamin b12 and tired legs', see you there"],
    // a themed social
    ["Quiz night is 'bones and brains' fancy dress - any costume ideas beyond a skeleton onesie??"],
  ])("%j", (message) => {
    expect(isChannelChat(normalize(message))).toBe(true);
    expect(engine.ask(message).kind).toBe("out_of_scope");
  });

  it("an awareness day celebrated, with what the writer explained, asks nothing", () => {
    const message = "Cheers all, happy Osteoporosis Awareness Week! told my nan what bone density is today";
    expect(asksNothing(normalize(message))).toBe(true);
    expect(engine.ask(message).kind).toBe("out_of_scope");
  });
});

describe("the same settings with a question about a body, an amount or safety stay a question", () => {
  it.each([
    [
      "I went to a talk on vitamin D and muscle and the speaker said 4000 IU is fine, is that right?",
      "answer",
    ],
    ["my vitamin D tablets are in the kitchen cabinet, does the heat affect them", "answer"],
    ["is a glass of wine ok with my statin at the office christmas lunch", "unknown"],
    ["my supplement supplier says magnesium glycinate is the best form, true?", "answer"],
    ["the office lunch is all sandwiches, how much calcium is in a cheese one?", "answer"],
  ])("%j is %s", (question, kind) => {
    expect(isChannelChat(normalize(question))).toBe(false);
    expect(engine.ask(question).kind).toBe(kind);
  });

  it("a question word asked, not reported, keeps a celebration a question", () => {
    expect(asksNothing(normalize("happy world sleep day all! what does magnesium do for sleep"))).toBe(false);
  });
});

describe("uncovered topics are unknown", () => {
  it.each([
    ["my toes go white then purple on cold mornings, is a vitamin missing?"],
    ["is saw palmetto worth taking for a big prostate"],
    ["my eGFR is 50 and I want to start protein powder for the gym, ok for my kidneys?"],
  ])("%j", (question) => {
    expect(engine.ask(question).kind).toBe("unknown");
  });
});
