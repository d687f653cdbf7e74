/**
 * The kinds question set 7 showed the engine misreading, in our own words: a nutrient's name
 * used as the name or material of a non-body thing at work (a cluster, a worker, a ticket, a
 * crane, rods, drums, design assets, a system joked about as if it had a body) is out of
 * scope; named products, drugs and treatments outside the six, and heat illness, are
 * unknown; a calcium brand's timing while fasting and an older woman's thin diet and little
 * daylight are answered, led by the nutrient they are about.
 */
import { describe, expect, it } from "vitest";
import { isChannelChat } from "../../src/core/answers/channel-chat.js";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { normalize } from "../../src/core/text/normalize.js";
import { realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "911" });

describe("a nutrient's name given to a non-body thing at work is out of scope", () => {
  it.each([
    // infrastructure and software
    ["the omega-3 worker pod keeps getting oom killed, can infra raise its memory limit"],
    ["who pointed kubectl at the vitamin-e cluster? staging is down"],
    ["the b12 deploy failed again in ci, pipeline is red"],
    ["jira ticket for the 'muscle map' autocomplete regression, who owns it?"],
    ["renamed the vitamin-d namespace in grafana, update your dashboards"],
    // parts, materials, equipment
    ["magnesium sacrificial rods for the water heaters arrived two short, chase the supplier"],
    ["calcium chloride drums are stacked in trailer 9, move them before the depot closes"],
    ["the B12 forklift is out of service, use the other one"],
    // design assets
    ["design review at 3: are the calcium icons on the onboarding screens too pale in dark mode?"],
    // a system joked about as if it had a body
    ["our build server has a vitamin d deficiency, it crashes every deploy"],
    ["the printer has a serious b12 deficiency today, it keeps jamming lol"],
    ["our wifi has a b12 deficiency today, so slow"],
  ])("%j", (message) => {
    expect(engine.ask(message)).toMatchObject({ kind: "out_of_scope", nutrients: [] });
    expect(isChannelChat(normalize(message))).toBe(true);
  });
});

describe("the same work settings with a person's body or dose asked about stay questions", () => {
  it.each([
    ["I install boilers outdoors all winter, how much vitamin D should I take?"],
    ["night shift forklift driver, could low b12 be why my legs feel weak?"],
    ["our whole infra team is low on vitamin d, should we all take it?"],
    ["I sit at my desk fixing ci pipelines all day and my calves cramp at night, would magnesium help?"],
  ])("%j is answered", (message) => {
    expect(engine.ask(message).kind).toBe("answer");
  });
});

describe("people at work who say their job, their shifts or a result of their own are asking", () => {
  it.each([
    ["scaffolder here, vitamin d in winter?"],
    ["warehouse night shifts, b12 or vitamin d?"],
    ["infra engineer indoors all day, vitamin d?"],
    ["crane operator stuck in a cab all day, vitamin d?"],
    ["i'm a dev and my b12 came back at 180"],
    ["my vitamin d is down to 30"],
    ["magnesium before on call nights?"],
    ["vitamin d for deployment overseas?"],
    ["my son has a b12 deficiency"],
    ["the baby has a vitamin d deficiency, what dose?"],
    ["which supplier of vitamin d drops do you use?"],
    ["magnesium from my usual supplier is out of stock, is glycinate from another brand the same?"],
    ["staging for my cancer is done, does vitamin d matter now?"],
  ])("%j is not chat", (message) => {
    expect(isChannelChat(normalize(message))).toBe(false);
    expect(engine.ask(message).kind).toBe("answer");
  });
});

describe("products, drugs, treatments and heat illness outside the six are unknown", () => {
  it.each([
    ["my aunt takes strontium for her thin bones, does it work?"],
    ["berocca every morning before a long shift, worth it?"],
    ["red bull or coffee to stay awake on the night drive"],
    ["is wellman any good for older blokes"],
    ["pregnacare for a tired mum?"],
    ["anyone take emergen-c before flights?"],
    ["is liquid iv better than water on site"],
    ["nuun tablets for cramps on long runs?"],
    ["benfotiamine for tingling feet from diabetes?"],
    ["naltrexone at a low dose for MS tiredness, has anyone tried it?"],
    ["how do I avoid heatstroke when roofing in July?"],
    ["shoulders in knots after a week behind the wheel, massage gun or a hot shower?"],
    ["is a CT calcium score worth getting at 45?"],
    ["is a dexa scan worth it at 50"],
  ])("%j", (message) => {
    expect(engine.ask(message)).toMatchObject({ kind: "unknown", nutrients: [] });
  });
});

describe("questions about the six in a setting of their own are answered", () => {
  it.each([
    ["I take Calcichew twice daily; while fasting can I take both at the evening meal?", "calcium"],
    [
      "grandma rarely leaves the flat, lives on chapati, lentils and sweet tea, and her legs are weak. what should the GP check?",
      "vitamin-d",
    ],
  ])("%j leads with %s", (message, first) => {
    const answer = engine.ask(message);
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe(first);
  });
});

describe("which of several nutrients an answer leads with", () => {
  it("a panel of several nutrients asked about cramps leads with the one cramps point to", () => {
    const answer = engine.ask(
      "Our staff health check measured vitamin D, B12 and magnesium. My calves cramp most nights. Is a normal magnesium result reassuring?",
    );
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe("magnesium");
  });

  it("named nutrients no symptom points to keep the order they were named in", () => {
    const answer = engine.ask("should I get vitamin d or b12 tested first, which is cheaper?");
    expect(answer.nutrients.slice(0, 2)).toEqual(["vitamin-d", "vitamin-b12"]);
  });

  it("'which vitamins and minerals…' with none named gets an answer about several", () => {
    const answer = engine.ask(
      "coeliac and type 2 diabetic, which of the vitamins and minerals for muscle should my GP test?",
    );
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients.length).toBeGreaterThanOrEqual(2);
  });
});

describe("an event named for what it offers asks nothing", () => {
  it.each([
    ["reminder: the covid booster jab clinic for staff is in room 4 on friday, bring your badge"],
    ["volunteers needed for the b12 injection drop-in on tuesday, sign up in the thread"],
  ])("%j is out of scope", (message) => {
    expect(engine.ask(message).kind).toBe("out_of_scope");
  });

  it("a question about what such a clinic gives stays a question", () => {
    expect(engine.ask("is the b12 injection clinic any good for tiredness?").kind).toBe("answer");
  });
});
