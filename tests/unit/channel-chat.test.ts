/**
 * Channel chat that borrows a health word for something else (a product on a shelf, a bike
 * part, a cake, a bot command, a game character, a charity event, a joke) asks vitabot nothing:
 * it is out of scope. The same words in a message that asks about the body, an amount or
 * safety keep it a question. Written in our own words after question set 6.
 */
import { describe, expect, it } from "vitest";
import { isChannelChat } from "../../src/core/answers/channel-chat.js";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { normalize } from "../../src/core/text/normalize.js";
import { realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "911" });

describe("chat that uses a health word for something else is out of scope", () => {
  it.each([
    // a shop's stock, shelves and rota
    ["can whoever is on lates move the protein bars from the pallet to aisle 3 before close"],
    ["new shelf labels for the b12 sprays came in, they go on the bottom bay by the tills"],
    // an event: a bake sale, a fun run, a raffle
    ["office bake sale: brought my magnesium-rich dark choc brownies, first come first served"],
    ["is the arthritis charity fun run still happening if it snows? i need it for my sponsorship sheet"],
    // a bike or a kit made of something
    ["selling my old road bike, calcium-white paint and a magnesium frame, £200 ono"],
    ["vote for the team hoodie colour: 'vitamin sea' blue or grey, poll shuts monday"],
    // a video or link
    ["anyone got the link to tuesday's full body stretch video? the pinned one is broken"],
    // software and bot commands
    ["the /b12 slash command in our bot returns undefined since the update, any devs about"],
    ["?rank vitamin d -- sorry, meant that for the bot channel"],
    // games
    ["my healer has zero bone density, squishiest build in the game, we lost every scrim lol"],
    // a joke about something over and done with
    ["my kidney stone finally came out, i have called it Kevin. cheers for all the kind messages everyone"],
    ["the calcium promo on the end cap finishes friday, can someone take the signs down"],
    ["who's bringing the vitamin water for the lan party"],
    ["ride leaves at 8 from the cafe, route goes past the old zinc works, club ride pace"],
    ["happy hour at the iron horse pub, first round on me, rsvp in here"],
    ["reminder: the b12 clinic for staff moves to room 6 next week, bring your badge"],
    ["tell me a pun about magnesium"],
    ["@everyone the vitamin d role is self-assign now, see the roles channel"],
    ["volunteers needed for the fun run water table: marshals and someone on the electrolyte tabs"],
    ["gg ez, their tank has less calcium than a jellyfish"],
  ])("%j", (message) => {
    expect(engine.ask(message)).toMatchObject({ kind: "out_of_scope", id: "out_of_scope", nutrients: [] });
    expect(isChannelChat(normalize(message))).toBe(true);
  });
});

describe("the same settings with a question about health stay questions", () => {
  it.each([
    ["saw a youtube video saying magnesium stops night cramps, is that true?", "answer"],
    ["I stack the supplements aisle all day and my calves cramp at night, would magnesium help?", "answer"],
    ["our bot says adults over 70 need 800 iu of vitamin d a day, is that right?", "answer"],
    ["after the charity fun run my legs were weak for days, could it be low vitamin d?", "answer"],
    ["is calcium-fortified cake enough calcium for my bones at 60?", "answer"],
    // words that name chat in one message and health in another
    ["is there a link between magnesium and sleep", "answer"],
    ["what's the main source of omega 3 for vegans", "answer"],
    ["still on the b12 injections and my feet still tingle", "answer"],
    ["thanks for that, what about magnesium?", "answer"],
    ["does skin colour affect vitamin d", "answer"],
    ["is the vitamin d on the bottom shelf at the chemist any good", "answer"],
    ["does the colour of my urine mean anything about b12", "answer"],
    ["vote: magnesium glycinate or citrate for sleep?", "answer"],
    ["selling my spare magnesium tablets, are they still ok after the expiry date", "answer"],
    ["aluminium in antacids and calcium", "answer"],
    ["saw a video about b12 injections for energy", "answer"],
    ["does fish oil really work or is that just a meme", "answer"],
    ["broke my ankle at a football tournament, will calcium help it heal faster", "answer"],
  ])("%j is %s", (message, kind) => {
    expect(engine.ask(message).kind).toBe(kind);
    expect(isChannelChat(normalize(message))).toBe(false);
  });
});

describe("short questions that share a word with chat are not chat", () => {
  it.each([
    ["Vitamin D in cloudy weather?"],
    ["third party tested vitamin d brands?"],
    ["what's the shelf life of vitamin d drops"],
    ["lol my b12 is 150 is that bad"],
    ["what colour are b12 tablets"],
  ])("%j", (question) => {
    expect(isChannelChat(normalize(question))).toBe(false);
    expect(engine.ask(question).kind).not.toBe("out_of_scope");
  });
});
