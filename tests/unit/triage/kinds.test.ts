/**
 * Kinds of misses and false alarms found on the scored sets 4 and 5, one test per
 * behaviour, in our own wording (never a set item).
 */
import { describe, expect, it } from "vitest";
import { createTriage } from "../../../src/core/triage/triage.js";
import { realContent } from "../../helpers/content.js";

const triage = createTriage(realContent().triage).triage;
const decide = (message: string) => {
  const d = triage(message).decision;
  return d ? `${d.category.id}/${d.tier}` : "none";
};

describe("stroke signs that passed (TIA) stay urgent", () => {
  it.each([
    ["my left hand went useless for a few minutes at lunch, couldn't hold my cup, back to normal now"],
    ["his right arm dropped and wouldn't lift for five minutes, fine again after that"],
    // "filling in" a form is not a dental filling (which would explain a numb face).
    ["while I was filling in the rota my right hand just wouldn't grip the pen, it passed after a bit"],
  ])("%j", (message) => {
    expect(decide(message)).toBe("stroke/emergency");
  });

  it("a limb that went dead from how someone sat or knelt is not a stroke sign", () => {
    expect(decide("knelt weeding for an hour and my right leg went dead, fine after a stretch")).toBe("none");
  });
});

describe("breathing", () => {
  it.each([
    ["my flatmate can only say three words out before she has to stop for air", "breathing/emergency"],
    ["lips gone a dusky colour and he's sucking air like through a straw", "breathing/emergency"],
    // More breathless than is usual for this person is same-day, even with COPD.
    [
      "my asthma is long-standing, but since Monday I have to stop halfway up the stairs, normally I go straight up",
      "breathing/same_day",
    ],
  ])("%j -> %s", (message, expected) => {
    expect(decide(message)).toBe(expected);
  });
});

describe("history that is over and dealt with", () => {
  it.each([
    ["I had a clot in my calf while pregnant with my first, fully treated. Is vitamin K ok for me?"],
    ["my uncle had a myasthenic crisis last christmas and was ventilated, what foods help MG?"],
  ])("clears %j", (message) => {
    expect(decide(message)).toBe("none");
    expect(triage(message).findings.some((f) => f.cleared.includes("historical"))).toBe(true);
  });
});

describe("new confusion (red-flags.md §18)", () => {
  it("not knowing one's own name is confusion", () => {
    expect(decide("grandma suddenly can't tell us her own name and keeps losing the thread")).toMatch(
      /^confusion\//,
    );
  });

  it("confusion after taking a drug is an emergency, not same-day", () => {
    expect(decide("my friend took something at the party and now he's really confused")).toBe(
      "confusion/emergency",
    );
  });
});

describe("potassium (red-flags.md §9)", () => {
  it("asking whether potassium helps cramps is not a level problem", () => {
    expect(decide("would potassium sort out my calf cramps or should i eat more bananas")).toBe("none");
  });

  it("a known low or high level with weakness is same-day", () => {
    expect(decide("doctor said low potassium last week and now my legs feel weak")).toBe(
      "potassium/same_day",
    );
  });

  it("the bare name still counts with weakness and palpitations", () => {
    expect(decide("took potassium tablets and now my heart is pounding and my arms feel weak")).toMatch(
      /^potassium\/emergency$/,
    );
  });
});
