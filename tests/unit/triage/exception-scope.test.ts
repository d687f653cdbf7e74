/**
 * A "it settled" / "fine after" / "went away" exception belongs to the sign it follows
 * (ConText: a modifier's reach ends where its clause or episode ends). It clears that
 * sign, never a later, different sign that is still going on.
 */
import { describe, expect, it } from "vitest";
import { createTriage } from "../../../src/core/triage/triage.js";
import { realContent } from "../../helpers/content.js";

const triage = createTriage(realContent().triage).triage;
const decide = (message: string) => {
  const d = triage(message).decision;
  return d ? `${d.category.id}/${d.tier}` : "none";
};

describe("an exception clears only the sign it belongs to", () => {
  it.each([
    ["my headache eased after a nap. now my heart keeps racing and skipping beats", /^heart-rhythm\//],
    [
      "the cramp in my foot settled after a few minutes. now I'm getting more and more breathless just sitting here",
      /^breathing\//,
    ],
    ["my back spasm eased with rest, but now my heart is racing and irregular", /^heart-rhythm\//],
  ])("a later, different sign stays urgent: %j", (message, expected) => {
    expect(decide(message)).toMatch(expected);
  });

  it.each([
    ["my heart raced for a bit after coffee but it settled within a minute"],
    ["got a bit out of breath on the stairs after my run, it settled once I sat down"],
  ])("the sign it follows is still cleared: %j", (message) => {
    expect(decide(message)).toBe("none");
  });
});
