/**
 * Kinds found with question set 9, written in our own words: channel requests and notices that
 * carry health words (a crafts pattern, a shift to swap, a group's walk moved, a meetup, a
 * recipe for a shared meal, a reminder asked of the bot, praise for an answer) are out of scope;
 * a remedy grown on an allotment for a complaint, alcohol with a medicine and what a steroid
 * does to muscle are health questions we don't cover; a covered nutrient named by its chemical
 * form is a question about that nutrient.
 */
import { describe, expect, it } from "vitest";
import { isChannelChat } from "../../src/core/answers/channel-chat.js";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { normalize } from "../../src/core/text/normalize.js";
import { realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "911" });

describe("requests and notices in a channel are out of scope", () => {
  it.each([
    // a crafts pattern
    ["does anybody still have the crochet pattern for the owl egg cosy from the spring fair?"],
    ["who has the knitting pattern for the calcium-white baby blanket"],
    // a shift to swap or cover
    ["could someone cover my Tuesday early on ward 4? dentist first thing, I'll owe you a coffee"],
    ["can anybody swap my Saturday late for a Friday? need to take dad to his eye appointment"],
    // a group's walk moved or cancelled, a meetup announced
    ["Walking group: Saturday stroll now starts 2pm from the library, bring water and your inhaler"],
    ["Saturday's club ride has been cancelled because of the storm, see you next week"],
    ["Parkinson's support group meetup next Tuesday 7pm at the community hall, who's in? cake provided"],
    // a recipe for a shared meal
    ["anyone have a good recipe for a gluten-free quiche for saturday's bring-and-share? mine goes soggy"],
    // a reminder asked of the bot
    ["@vitabot please remind me every friday at 8 to order my repeat prescription"],
    ["vitabot remind me each morning to take my calcium"],
    // praise for an answer
    ["that vitamin d answer was much clearer than the leaflet, thanks"],
    ["thanks vitabot, the omega 3 rundown made much more sense than the leaflet"],
  ])("%j", (message) => {
    expect(isChannelChat(normalize(message))).toBe(true);
    expect(engine.ask(message).kind).toBe("out_of_scope");
  });
});

describe("the same forms with a symptom, an amount or a food asked stay questions", () => {
  it.each([
    ["the club walk moved to 10, but my calves cramp on every hill, is that magnesium?", "magnesium"],
    ["remind me every morning... actually how much vitamin d should I take a day?", "vitamin-d"],
    ["that answer was clear, but should I take my b12 with food?", "vitamin-b12"],
    ["anyone got a recipe with lots of magnesium?", "magnesium"],
    ["anyone have a recipe high in b12 for a vegan?", "vitamin-b12"],
  ])("%j", (question, nutrient) => {
    expect(isChannelChat(normalize(question))).toBe(false);
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe(nutrient);
  });

  it("a shift request from someone with weak, tingling legs is not chat", () => {
    const message = "could someone cover my late tomorrow? my legs have been weak and tingly all week";
    expect(isChannelChat(normalize(message))).toBe(false);
    expect(engine.ask(message).kind).not.toBe("out_of_scope");
  });
});

describe("remedies, alcohol with a medicine and steroids' muscle effects are unknown", () => {
  it.each([
    // a remedy from the allotment, taken for a person's complaint
    ["nettle tea from the allotment for my gout, any use?"],
    ["comfrey from the allotment for my knee arthritis?"],
    // alcohol with a medicine, in either order
    ["can I have a glass of wine with my warfarin at the wedding?"],
    ["is a beer ok on amoxicillin?"],
    ["half a lager with my ramipril at the barbecue, fine?"],
    ["I'm on apixaban, is the odd whisky alright?"],
    // what a corticosteroid does to muscle
    ["does hydrocortisone thin your muscles like prednisone does?"],
    ["will dexamethasone make my legs waste away? just started it"],
  ])("%j", (question) => {
    expect(engine.ask(question).kind).toBe("unknown");
  });

  it("a plant's trouble on the allotment is still not a person's question", () => {
    expect(engine.ask("my allotment tomatoes have yellow leaves, magnesium?").kind).toBe("out_of_scope");
  });

  it.each([
    ["I'm on prednisolone long term, do I need extra vitamin D?", "vitamin-d"],
    ["does drinking a lot of wine lower magnesium?", "magnesium"],
  ])("a covered nutrient asked beside a steroid or a drink is answered: %j", (question, nutrient) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe(nutrient);
  });
});

describe("a covered nutrient named by its chemical form is about that nutrient", () => {
  it.each([
    ["hydroxo vs cyano cobalamin, whats the diffrence? a mate says cyano is toxic lol", "vitamin-b12"],
    ["hydroxycobalamin jabs vs cyanocobalamine tablets?", "vitamin-b12"],
    ["calcifediol vs colecalciferol, which works faster", "vitamin-d"],
    ["ergocalciferol or cholecalciferol, does it matter", "vitamin-d"],
    ["magnesium aspartate vs lactate?", "magnesium"],
    ["mag bisglycinate vs citrate, which is gentler on the stomach", "magnesium"],
    ["calcium gluconate tablets any good for bones?", "calcium"],
    ["calcium carbonate vs citrate absorption", "calcium"],
    ["mixed tocopherols vs tocotrienols", "vitamin-e"],
    ["krill oil or algae oil for a vegetarian", "omega-3"],
    ["is flaxseed ALA converted to EPA and DHA?", "omega-3"],
  ])("%j", (question, nutrient) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe(nutrient);
  });
});
