/**
 * The same kinds as set 9's, found again on sets 4-8 (people's own images, similes read as
 * training or drinking, a charity walk, claims checked, figures of an overdose), one test
 * per behaviour in our own wording (never a set item).
 */
import { describe, expect, it } from "vitest";
import { createTriage } from "../../../src/core/triage/triage.js";
import { realContent } from "../../helpers/content.js";

const triage = createTriage(realContent().triage).triage;
const decide = (message: string) => {
  const d = triage(message).decision;
  return d ? `${d.category.id}/${d.tier}` : "none";
};

describe("people's own images of a sign", () => {
  it("wiping as if through a glove after a back strain is saddle numbness (red-flags.md §6)", () => {
    expect(
      decide("lower back twinged lifting crates, now wiping feels like doing it through a rubber glove"),
    ).toBe("cauda-equina/emergency");
  });

  it("feet as if wrapped in cling film, spreading to the hands after a bug (§5)", () => {
    expect(
      decide(
        "ten days after a stomach bug my feet feel wrapped in cling film and now my hands too, getting worse",
      ),
    ).toBe("guillain-barre/emergency");
  });

  it("sounding as if he'd had a bottle of wine, without drinking, is slurred speech (§1)", () => {
    expect(
      decide(
        "my brother sounds like he's had a bottle of wine but he doesn't drink, and his words come out in the wrong order",
      ),
    ).toBe("stroke/emergency");
  });

  it("urine the colour of Worcestershire sauce with swollen thighs after exertion (§7)", () => {
    expect(
      decide("after the obstacle race my thighs are swollen and my urine looks like worcestershire sauce"),
    ).toBe("rhabdomyolysis/same_day");
  });

  it("a brick on the breastbone that has not shifted is chest pressure (§2)", () => {
    expect(decide("there's a brick sitting on my breastbone for 30 minutes and it hasn't shifted")).toBe(
      "chest-pain/emergency",
    );
  });

  it("skin hot as an oven and acting strangely with no air con is heat stroke (§17)", () => {
    expect(
      decide(
        "the chef has gone strange in the kitchen with no aircon and her skin is hot as an oven to touch",
      ),
    ).toBe("heat-stroke/emergency");
  });

  it("heat exhaustion in a full costume over an hour and a half (§17, CDC heat stress)", () => {
    expect(
      decide(
        "after a parade in a full mascot costume I'm clammy, sweating buckets and vomited, an hour and a half now",
      ),
    ).toBe("heat-stroke/emergency");
  });

  it("out for half a minute with a pounding heart before is a faint with palpitations (§12)", () => {
    expect(
      decide("my nephew dropped at the party, was out for about 30 seconds, his heart was pounding before"),
    ).toBe("fainting/emergency");
  });
});

describe("modifiers that reached too far", () => {
  it("a pulse 'going like a train' is a simile, not training on something", () => {
    expect(decide("my pulse is going like a train on the monitor, 160, and I'm woozy")).toBe(
      "heart-rhythm/emergency",
    );
  });

  it("someone taken ill on a charity walk is not a talk about a cause", () => {
    expect(decide("on a charity walk my friend collapsed, she's hot and not making sense")).toMatch(
      /\/emergency$/,
    );
  });
});

describe("look-alikes", () => {
  it("a claim checked ('is that legit?') is a general question", () => {
    expect(decide("my trainer says leaky gut leads to sepsis, is that legit?")).toBe("none");
  });

  it("an overdose of copium is a figure of speech", () => {
    expect(decide("overdosed on copium after the match, anyway is magnesium good for sleep")).toBe("none");
  });

  it("a bot that sounds as if it had a few beers is not a person slurring", () => {
    expect(
      decide("our chat bot's voice started slurring after the update, sounds like it had a few beers lol"),
    ).toBe("none");
  });
});
