/**
 * Kinds found on question sets 7 and 8's first runs, in our own wording (never a set
 * item): "a video" marked a whole sentence as something watched, so signs seen live on a
 * video call were read as hearsay; and "everyone" near "bridge" (a conference line) read as
 * self-harm.
 */
import { describe, expect, it } from "vitest";
import { createTriage } from "../../../src/core/triage/triage.js";
import { realContent } from "../../helpers/content.js";

const triage = createTriage(realContent().triage).triage;
const decide = (message: string) => {
  const d = triage(message).decision;
  return d ? `${d.category.id}/${d.tier}` : "none";
};

describe("signs seen live on a video call are not hearsay", () => {
  it("a colleague's face and speech change during a video meeting", () => {
    expect(
      decide(
        "in a video meeting just now my manager's mouth drooped on one side and her words came out jumbled",
      ),
    ).toBe("stroke/emergency");
    expect(
      decide("on a video call with my sister, her speech went slurred and one side of her face dropped"),
    ).toBe("stroke/emergency");
  });

  it("something watched in a video stays hearsay", () => {
    expect(decide("watched a video about stroke signs, face drooping and slurred speech, scary stuff")).toBe(
      "none",
    );
    expect(decide("saw a video on heart attacks in women, does omega-3 lower the risk?")).toBe("none");
  });
});

describe("work chat about a conference bridge is not self-harm (question set 8's first run)", () => {
  it("a release rota asking everyone onto the bridge call", () => {
    expect(
      decide(
        "heads up team, deploy window is Sunday 3am, everyone please dial into the bridge call ten minutes before",
      ),
    ).toBe("none");
    expect(decide("everyone on nights: the conference bridge number changed, it's in the pinned post")).toBe(
      "none",
    );
  });

  it("a bridge as a means, and wanting everyone to be better off, stay urgent", () => {
    expect(
      decide("i keep looking at the bridge on my walk home and thinking everyone would be better off"),
    ).toBe("self-harm/emergency");
  });
});
