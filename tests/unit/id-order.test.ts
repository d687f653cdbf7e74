/**
 * compareIds orders ids as localeCompare does (ICU's root collation), without loading
 * ICU's collation data: for the characters ids are made of it compares them itself,
 * for anything else it asks localeCompare.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareIds } from "../../src/core/text/id-order.js";

const sign = (n: number) => Math.sign(n);

describe("compareIds", () => {
  it("orders ids of lowercase letters, digits, '-' and ':' as localeCompare does", () => {
    const id = fc.string({ unit: fc.constantFrom(..."-:0189abmyz"), maxLength: 8 });
    fc.assert(
      fc.property(id, id, (a, b) => {
        expect(sign(compareIds(a, b))).toBe(sign(a.localeCompare(b)));
      }),
      { numRuns: 5000 },
    );
  });

  it("orders any other strings as localeCompare does too", () => {
    const text = fc.string({ unit: fc.constantFrom(..."-:09azAZ_ .éß"), maxLength: 6 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(sign(compareIds(a, b))).toBe(sign(a.localeCompare(b)));
      }),
      { numRuns: 5000 },
    );
  });

  it("puts ':' before digits and a prefix before what extends it, as the answer ids need", () => {
    const ids = ["nutrient:vitamin-d:food", "nutrient:vitamin-d", "faq:1", "faq:b12-x", "faq:b1", "faq-2"];
    expect([...ids].sort(compareIds)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });
});
