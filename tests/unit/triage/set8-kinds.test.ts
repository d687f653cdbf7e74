/**
 * Kinds of misses and false alarms found on triage set 8 and question sets 6-7, one test
 * per behaviour, in our own wording (never a set item).
 */
import { describe, expect, it } from "vitest";
import { createTriage } from "../../../src/core/triage/triage.js";
import { realContent } from "../../helpers/content.js";

const triage = createTriage(realContent().triage).triage;
const decide = (message: string) => {
  const d = triage(message).decision;
  return d ? `${d.category.id}/${d.tier}` : "none";
};

describe("emergencies that were answered same_day", () => {
  it("weakness rising from the legs to the hands with breathlessness is ascending (red-flags.md §5)", () => {
    expect(
      decide("my dad's legs have gone wobbly and now it's spreading into his hands, he's short of breath"),
    ).toBe("guillain-barre/emergency");
  });

  it("coughing blood with pain as she breathes is a possible embolism (§20)", () => {
    expect(
      decide("my sister coughed up blood this morning and has a sharp pain in her side when she breathes"),
    ).toBe("dvt/emergency");
  });

  it("heat with not knowing where one is and vomiting is heat stroke (§17, §18)", () => {
    expect(
      decide("cycling home in this heat, now I can't work out where I am and I was sick by the road"),
    ).toBe("heat-stroke/emergency");
  });
});
