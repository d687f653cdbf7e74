import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/core/text/format-number.js";

const intl = new Intl.NumberFormat("en-US");

describe("formatNumber", () => {
  it("writes what Intl.NumberFormat('en-US') writes, for the amounts content holds", () => {
    for (const value of [0, 1, 2.4, 15, 100, 600, 999.9995, 1000, 4000, 10_000, 0.125, 0.0005, 1234567.891])
      expect(formatNumber(value)).toBe(intl.format(value));
  });

  it("writes what Intl writes for any number (rounding ties, signs, -0, huge and odd values)", () => {
    const decimals = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99_999 }));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.double({ min: -1e7, max: 1e7 }),
          decimals.map(([whole, part]) => whole + part / 100_000),
          decimals.map(([whole, part]) => whole + (part % 2000) / 2000),
          fc.constantFrom(-0, 0.0005, 1.0005, 2.5e-4, 1e21, -1e21, 1e20, Number.MAX_VALUE),
        ),
        (value) => formatNumber(value) === intl.format(value),
      ),
      { numRuns: 20_000 },
    );
  });
});
