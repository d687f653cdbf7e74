/**
 * What a nutrient's upper limits count: all sources (food and supplements) or supplements
 * only. The card marks supplement-only limits from this field, so the content must state it
 * wherever a limit exists, and the values must match the NIH ODS fact sheets.
 */
import { describe, expect, it } from "vitest";
import { copyContent, editFile, issuesOf, realContent } from "../helpers/content.js";

const { nutrients } = realContent();

describe("what an upper limit counts", () => {
  it("magnesium and vitamin E limits count supplements only; calcium and vitamin D count all sources (NIH ODS)", () => {
    const counts = Object.fromEntries(nutrients.map((n) => [n.id, n.intakes.ulCounts]));
    expect(counts).toEqual({
      "vitamin-d": "all-sources",
      "vitamin-b12": undefined,
      "vitamin-e": "supplements-only",
      magnesium: "supplements-only",
      "omega-3": undefined,
      calcium: "all-sources",
    });
  });

  it("the content check refuses limits that do not say what they count, and a count without limits", () => {
    const dir = copyContent();
    editFile(dir, "nutrients/magnesium.yaml", (text) => text.replace(/\n {2}ulCounts: .*/, ""));
    editFile(dir, "nutrients/vitamin-b12.yaml", (text) =>
      text.replace("\n  ulNote: >-", "\n  ulCounts: all-sources\n  ulNote: >-"),
    );
    const issues = issuesOf(dir).map((i) => `${i.file} ${i.path}: ${i.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^nutrients\/magnesium\.yaml intakes\.ulCounts: say what the upper limits count/,
        ),
        expect.stringMatching(/^nutrients\/vitamin-b12\.yaml intakes\.ulCounts: no row has an upper limit/),
      ]),
    );
  });
});
