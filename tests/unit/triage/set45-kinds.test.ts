/**
 * Kinds of misses and false alarms found on the scored sets 4 and 5 after the third
 * round, one test per behaviour, in our own wording (never a set item).
 */
import { describe, expect, it } from "vitest";
import { createTriage } from "../../../src/core/triage/triage.js";
import { realContent } from "../../helpers/content.js";

const triage = createTriage(realContent().triage).triage;
const decide = (message: string) => {
  const d = triage(message).decision;
  return d ? `${d.category.id}/${d.tier}` : "none";
};

describe("rhabdomyolysis: dark urine in lay past tense (red-flags.md §7)", () => {
  it("'peed' is urine, so brown pee with palpitations after exertion is an emergency", () => {
    expect(decide("big leg day, my thighs are rock hard and I peed really brown, heart keeps skipping")).toBe(
      "rhabdomyolysis/emergency",
    );
  });
});

describe("bleeding on a blood thinner (red-flags.md §11)", () => {
  it.each([
    ["on apixaban and I just threw up bright red"],
    ["on warfarin, my period is soaking a pad every hour and I feel faint when I stand"],
  ])("%j is an emergency", (message) => {
    expect(decide(message)).toBe("bleeding/emergency");
  });
});

describe("look-alikes a clinical definition names", () => {
  it.each([
    // red-flags.md §2: exertional chest discomfort that settles with rest, the same for months.
    ["for months my chest gets tight when I jog uphill, it goes once I sit for a minute, same every time"],
    // red-flags.md §8: panic-breathing tingling or spasm that settles.
    [
      "I was hyperventilating in the panic attack and my hands went tingly and clawed, it settled in a few minutes",
    ],
    // Cold hands that stiffen and free up on warming.
    ["my hands go stiff and claw shaped in the cold lake, back to normal once I warm up"],
    // A reading that is the person's usual.
    ["I get breathless walking the dog, sats 91 which is my baseline"],
    // Standing up quickly is not jumping off something (red-flags.md §12).
    ["got light-headed when I jumped up off the bench too quickly, fine a moment later"],
    // Something that "has me confused" is hard to follow, not delirium.
    ["these new tax forms have me totally confused, is there a vitamin for focus"],
  ])("%j is not urgent", (message) => {
    expect(decide(message)).toBe("none");
  });

  it.each([
    ["my chest has been tight for months when I jog, but today it came on at rest and won't go"],
    ["my breathing is much worse than my normal today and my lips look blue"],
    ["he jumped off the bridge railing and is not moving"],
  ])("while the urgent neighbours stay urgent: %j", (message) => {
    expect(decide(message)).not.toBe("none");
  });
});
