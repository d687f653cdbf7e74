/**
 * Kinds of misses and false alarms found on question set 4's first score, one test per
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

describe("misses that are now urgent", () => {
  it("planning how to end it is self-harm (red-flags.md §21)", () => {
    expect(decide("work is crushing me and lately I've been planning how to end it")).toBe(
      "self-harm/emergency",
    );
  });

  it("a child who found a parent's tablets, the packet half empty, is an emergency (§10)", () => {
    expect(decide("my 3 year old found the iron tablets in my handbag and the packet is half empty")).toBe(
      "overdose/emergency",
    );
  });

  it("a teenager who took many of someone else's medicine is an emergency (§10)", () => {
    expect(decide("i took like 20 of my dads propranolol an hour ago and feel weird")).toBe(
      "overdose/emergency",
    );
  });

  it("a fall with neck pain and tingling hands may be a spinal injury (NHS back pain: call 999)", () => {
    expect(decide("my brother fell off the ladder, his neck really hurts and his fingers are tingling")).toBe(
      "fall/emergency",
    );
  });
});

describe("look-alikes that are no longer flagged", () => {
  it.each([
    // a shift's length is not how long symptoms have lasted
    ["on 12 hour shifts in a hot bakery and my calves cramp by the end, magnesium?"],
    // a room's temperature is not a body's
    ["our kitchen gets to 42 degrees in july, what should the team drink"],
    // someone arriving, not coming round after a faint
    ["the practice nurse came to talk to our club about vitamin d in winter"],
    // an age is not a temperature
    ["I'm 41 and my legs ache after football, is it low vitamin d"],
  ])("%j", (message) => {
    expect(decide(message)).toBe("none");
  });
});
