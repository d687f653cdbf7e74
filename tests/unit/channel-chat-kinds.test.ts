/**
 * More kinds of channel chat that borrow a health word, found with question set 8 and written
 * in our own words: how the channel is run, a coffee run or a food order, lost property, course
 * slides, a riddle or pun, and plants or livestock given a mineral. Each asks vitabot nothing;
 * the same words in a question about a person's body or intake keep it a question.
 */
import { describe, expect, it } from "vitest";
import { isChannelChat } from "../../src/core/answers/channel-chat.js";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { normalize } from "../../src/core/text/normalize.js";
import { realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "911" });

describe("chat of these kinds is out of scope", () => {
  it.each([
    // how the channel is run
    ["please keep menopause talk in the wellbeing thread, this channel is for ride plans"],
    // food and drink fetched for the group, the body joked to be made of coffee
    ["who's ordering the pizza for friday's leavers do? and can someone book the back room"],
    ["my veins run on double espresso today, who's up for a coffee run at 3"],
    // lost property
    ["Found: a grey hydration pack and a foam roller by the clubhouse door, message me"],
    ["left my insulated bottle at the start line of the 10k, has anyone seen it?"],
    // plants and livestock
    ["my tomato plants have yellow leaves between the veins, how much epsom salt should I water them with?"],
    ["the ewes need a magnesium lick before turnout to avoid grass staggers, how many buckets per 100?"],
    // a riddle or a pun
    ["what do you call a magnesium atom that tells jokes? a punny mineral. badum tss"],
    // course material
    ["does anyone have the slides from the seminar on vitamin D metabolism? I missed it"],
  ])("%j", (message) => {
    expect(isChannelChat(normalize(message))).toBe(true);
    expect(engine.ask(message).kind).toBe("out_of_scope");
  });
});

describe("the same words in a question about a person stay a question", () => {
  it.each([
    ["is my oat flat white enough calcium for the day?", "answer"],
    ["is epsom salt in my bath any good for sore legs?", "unknown"],
    ["are crops lower in magnesium than they used to be, should I take a supplement?", "answer"],
    ["why does the calcium go into my arteries instead of bones?", "answer"],
    ["I attended a talk on vitamin D and muscle, the speaker said 4000 IU is fine, is that right?", "answer"],
    ["lost 6kg since the surgery and my legs are weak, which vitamins?", "answer"],
  ])("%j is %s", (question, kind) => {
    expect(isChannelChat(normalize(question))).toBe(false);
    expect(engine.ask(question).kind).toBe(kind);
  });
});
