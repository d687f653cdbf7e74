/**
 * Kinds found on question set 5 (and the rest of sets 1-4), in our own wording: what makes a
 * message a health question (lab values and their units, conditions, body functions such as
 * appetite, sun protection, grief), what makes it ordinary chat even when it holds a food or
 * health-ish word (logistics, places, office life, social plans, jokes, a thank-you note), and
 * how an uncovered health topic differs from one of the six.
 */
import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "112" });

describe("health words beyond the six make a question unknown, never out of scope", () => {
  it.each([
    // lab values and their units
    ["my fasting glucose came back at 6.3 mmol/L, what does that mean"],
    ["a1c of 41, is that in the normal range"],
    ["what does a high CK result on a blood test mean"],
    // conditions
    ["I've been told I'm prediabetic, does that go away"],
    ["does high blood pressure run in families"],
    // sun protection
    ["is factor 30 sunscreen enough for a day of gardening"],
    ["how often should I reapply sun cream at the beach"],
    ["do I need SPF on a cloudy day"],
    // appetite and grief
    ["my appetite has gone since the new job, should I worry"],
    ["since the funeral I can hardly face a plate of food, is this bereavement"],
  ])("%j", (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("unknown");
    expect(answer.nutrients).toEqual([]);
  });

  it("sun protection beside a covered nutrient is still answered", () => {
    const answer = engine.ask("does wearing sunscreen stop my skin making vitamin D");
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe("vitamin-d");
  });
});

describe("a lab value the content does not cover makes a statin question unknown", () => {
  it("a creatine kinase figure is for the prescriber", () => {
    expect(engine.ask("is a CK of 350 bad when I'm on a statin and my calves ache").kind).toBe("unknown");
  });

  it("aches on a statin alone are still answered", () => {
    expect(engine.ask("my muscles ache since starting a statin, should I stop it").kind).toBe("answer");
  });
});

describe("ordinary chat stays out of scope even with a food or health-ish word", () => {
  it.each([
    // logistics
    ["can the chemist post my repeat prescription to my work address instead"],
    // office life
    ["someone keeps drinking the almond milk I leave in the office fridge"],
    ["the arm on my desk chair snapped again, who do I tell"],
    // places and social plans
    ["does anyone know a decent gym near the station for our team outing"],
    // jokes
    ["tell me a joke about doctors"],
    // a thank-you note, not a question
    ["thanks so much for the advice about my gran's pills, she is back to her old self"],
  ])("%j", (question) => {
    expect(engine.ask(question).kind).toBe("out_of_scope");
  });

  it.each([
    ["my legs ache near the knee after the gym"],
    ["is almond milk from the fridge a good source of calcium"],
  ])("%j: a real health question with the same words is not chat", (question) => {
    expect(engine.ask(question).kind).not.toBe("out_of_scope");
  });
});

describe("an uncovered medicine or diet as the setting of a question about the six", () => {
  it("which vitamins to watch while barely eating on a GLP-1 medicine is answered", () => {
    const answer = engine.ask(
      "I'm on semaglutide and barely eating, which vitamins should I keep an eye on for my muscles?",
    );
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients.length).toBeGreaterThan(0);
  });

  it("the medicine as the subject is still unknown", () => {
    expect(engine.ask("is semaglutide making my muscles waste away").kind).toBe("unknown");
  });
});

describe("a product sold as a powder, root or extract is an uncovered topic", () => {
  it.each([
    ["is baobab powder worth adding to smoothies for energy"],
    ["maca root for stamina, any good?"],
    ["does spirulina extract build strength"],
  ])("%j", (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("unknown");
    expect(answer.nutrients).toEqual([]);
  });

  it("a covered nutrient's own product form is still answered", () => {
    expect(engine.ask("is cod liver oil worth it for sore muscles").kind).toBe("answer");
  });
});

describe("a plant sold as a powder or root, asked about for cooking", () => {
  it("is out of scope, not an uncovered health topic", () => {
    expect(engine.ask("how finely should I grind taro root for a stew").kind).toBe("out_of_scope");
  });
});
describe("a deficiency disease the content names points to its nutrient", () => {
  it("rickets is about vitamin D", () => {
    const answer = engine.ask("is rickets reversible once a child is treated");
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe("vitamin-d");
  });

  it("thin bones before osteoporosis are about calcium", () => {
    const answer = engine.ask("my scan says osteopenia, can it be turned around");
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe("calcium");
  });
});

describe("the common complaints of other parts of the body are health questions we don't cover", () => {
  it.each([
    ["how long is a child with chickenpox contagious"],
    ["best shampoo for dandruff that actually works?"],
    ["a wasp stung my hand and it's itchy, what do I put on it"],
    ["my partner snores like a train, any tips"],
    ["throbbing toothache since sunday, what can I take till the dentist"],
    ["how many calories should a 60 year old woman eat"],
    ["is cold water swimming good for you in winter"],
    ["constant tinnitus after a concert, will it fade"],
    ["does vaping damage your lungs as much as cigarettes"],
    ["I go dizzy whenever I get out of a hot bath, is that normal"],
    ["are hot flushes worse with spicy curries"],
    ["how can I tell burnout from just being fed up"],
  ])("%j", (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("unknown");
    expect(answer.nutrients).toEqual([]);
  });

  it.each([
    ["can anyone cover my shift on friday, I've got a dentist appointment"],
    ["any recommendations for a physio near the office"],
  ])("%j: a place of care in office logistics is chat", (question) => {
    expect(engine.ask(question).kind).toBe("out_of_scope");
  });
});

describe("a place of care alone does not make a message a health question", () => {
  it.each([["what time does the chemist on the high street shut on sundays"]])("%j", (question) => {
    expect(engine.ask(question).kind).toBe("out_of_scope");
  });

  it("a kind of medicine does", () => {
    expect(engine.ask("can I have a beer while I'm on antibiotics").kind).toBe("unknown");
  });
});

describe("a physical treatment or an injury is an uncovered subject, even beside a muscle word", () => {
  it.each([
    ["would a massage gun loosen my tight calves"],
    ["heat pad or ice pack for sore shoulders after painting the ceiling?"],
    ["do copper bracelets ease aching muscles"],
    ["is a rub-on gel any good for stiff, achy thighs"],
    ["I pulled a hamstring sprinting for the bus, how long till I can run"],
    ["does a cbd balm take the edge off muscle pain"],
    ["compression sleeves for calf cramps on long flights?"],
  ])("%j", (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("unknown");
    expect(answer.nutrients).toEqual([]);
  });

  it("magnesium in a spray is still about magnesium", () => {
    const answer = engine.ask("does a magnesium spray help calf cramps");
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe("magnesium");
  });
});

describe("food topics other than the six are uncovered subjects", () => {
  it.each([
    ["does going gluten free help stiff joints"],
    ["is fasting until lunch bad for my muscles"],
    ["how much added sugar is ok for a teenager"],
    ["are seed oils really that unhealthy"],
  ])("%j", (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("unknown");
    expect(answer.nutrients).toEqual([]);
  });

  it.each([
    ["whoever keeps stealing the protein bars from my desk drawer, please stop"],
    ["someone finished the sugar in the kitchen again and didn't replace it"],
  ])("%j: an uncovered food as an office object is chat", (question) => {
    expect(engine.ask(question).kind).toBe("out_of_scope");
  });
});

describe("a health question asked about the office is not chat", () => {
  it.each([
    ["what's the healthiest thing to grab from the office canteen"],
    ["which snack from the kitchen gives the most energy for the afternoon"],
  ])("%j", (question) => {
    expect(engine.ask(question).kind).toBe("unknown");
  });
});

describe("a long-term condition named alone makes a health question", () => {
  it.each([
    ["my aunt was just told she has lupus, what does that mean for her"],
    ["does sciatica ever clear up by itself"],
    ["is parkinson's passed down in families"],
  ])("%j", (question) => {
    expect(engine.ask(question).kind).toBe("unknown");
  });
});
