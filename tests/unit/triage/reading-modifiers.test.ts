/**
 * Readings that belong to something else: a place's or a thing's temperature is not a
 * body's, an activity's length is not how long a symptom has lasted, and "came to"
 * followed by what someone came to do is arriving, not coming round. Our own wording.
 */
import { describe, expect, it } from "vitest";
import { createTriage } from "../../../src/core/triage/triage.js";
import { realContent } from "../../helpers/content.js";

const triage = createTriage(realContent().triage).triage;
const decide = (message: string) => {
  const d = triage(message).decision;
  return d ? `${d.category.id}/${d.tier}` : "none";
};
const cleared = (message: string, concept: string) =>
  triage(message)
    .findings.filter((f) => f.concept === concept)
    .map((f) => f.cleared);

describe("ambient temperature", () => {
  it("a warehouse's or a greenhouse's temperature is not a fever", () => {
    expect(
      decide("our greenhouse reaches 43C by noon and my forearms cramp when I'm potting, salt tabs?"),
    ).toBe("none");
    expect(cleared("the warehouse was 41 degrees all week", "very-high-temp")).toEqual([["ambient"]]);
    // Nor a fever as a setting (sepsis), while the hot place still counts as heat.
    expect(cleared("the warehouse was 41 degrees all week", "infection")).toEqual([["ambient"]]);
    expect(cleared("the warehouse was 41 degrees all week", "heat")).toEqual([[]]);
  });

  it("a body's temperature next to a hot place still counts", () => {
    expect(decide("worked in a 45C boiler room, now my temp is 40.6 and I'm confused")).toBe(
      "heat-stroke/emergency",
    );
  });
});

describe("an activity's duration", () => {
  it("the length of a shift in the heat is not how long cramps have lasted", () => {
    expect(decide("after a 9 hour warehouse shift in the heat my calves cramp, which electrolyte?")).toBe(
      "none",
    );
  });

  it("feeling ill in the heat for hours still counts", () => {
    // NHS heat exhaustion: not better after 30 minutes of cooling, call 999 (red-flags.md §16).
    expect(decide("been cramping and nauseous in the heat for 3 hours even after resting")).toBe(
      "heat-stroke/emergency",
    );
  });
});

describe("came to", () => {
  it("someone who came to stay or came to the office is arriving", () => {
    expect(decide("my aunt came to stay and asked whether iron helps tiredness")).toBe("none");
    expect(decide("the dietitian came to the office and talked about vitamin d")).toBe("none");
  });

  it("coming round after a faint still counts", () => {
    expect(decide("my dad passed out in the garden and came to slowly, he's not making sense")).not.toBe(
      "none",
    );
    expect(decide("she was out cold and came to on the kitchen floor")).not.toBe("none");
  });
});
