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

/**
 * The NIH ODS health-professional fact sheets' tables (RDA/AI by age and sex, pregnancy,
 * lactation; UL), row by row as our content groups them (where ODS bands share a value,
 * content may join them: vitamin D 19–50 and 51–70 are "19–70"; magnesium 31–50 and 51+ are
 * "31+"). [kind, amount, upper limit or null], in the content's unit.
 * https://ods.od.nih.gov/factsheets/VitaminD-HealthProfessional/ (Tables 2, 4),
 * …/VitaminB12-HealthProfessional/ (Table 1), …/VitaminE-HealthProfessional/ (Tables 1, 3),
 * …/Magnesium-HealthProfessional/ (Tables 1, 3), …/Omega3FattyAcids-HealthProfessional/
 * (Table 1), …/Calcium-HealthProfessional/ (Tables 1, 3); as in the IOM reports and
 * the team's content-facts reference, §1.2–1.3, 2.2, 3.2–3.3, 4.2–4.3, 5.1, 6.2–6.3.
 */
const ODS: Record<string, Record<string, [string, number, number | null]>> = {
  "vitamin-d": {
    "Infants 0–6 months": ["AI", 10, 25],
    "Infants 7–12 months": ["AI", 10, 37.5],
    "Children 1–3": ["RDA", 15, 62.5],
    "Children 4–8": ["RDA", 15, 75],
    "Boys and girls 9–18": ["RDA", 15, 100],
    "Men and women 19–70": ["RDA", 15, 100],
    "Men and women 71+": ["RDA", 20, 100],
    "Pregnancy and breastfeeding": ["RDA", 15, 100],
  },
  "vitamin-b12": {
    "Infants 0–6 months": ["AI", 0.4, null],
    "Infants 7–12 months": ["AI", 0.5, null],
    "Children 1–3": ["RDA", 0.9, null],
    "Children 4–8": ["RDA", 1.2, null],
    "Boys and girls 9–13": ["RDA", 1.8, null],
    "Men and women 14–50": ["RDA", 2.4, null],
    "Men and women 51+": ["RDA", 2.4, null],
    Pregnancy: ["RDA", 2.6, null],
    Breastfeeding: ["RDA", 2.8, null],
  },
  "vitamin-e": {
    "Infants 0–6 months": ["AI", 4, null],
    "Infants 7–12 months": ["AI", 5, null],
    "Children 1–3": ["RDA", 6, 200],
    "Children 4–8": ["RDA", 7, 300],
    "Boys and girls 9–13": ["RDA", 11, 600],
    "Boys and girls 14–18": ["RDA", 15, 800],
    "Men and women 19+": ["RDA", 15, 1000],
    Pregnancy: ["RDA", 15, 1000],
    Breastfeeding: ["RDA", 19, 1000],
  },
  magnesium: {
    "Infants 0–6 months": ["AI", 30, null],
    "Infants 7–12 months": ["AI", 75, null],
    "Children 1–3": ["RDA", 80, 65],
    "Children 4–8": ["RDA", 130, 110],
    "Boys and girls 9–13": ["RDA", 240, 350],
    "Boys 14–18": ["RDA", 410, 350],
    "Girls 14–18": ["RDA", 360, 350],
    "Men 19–30": ["RDA", 400, 350],
    "Women 19–30": ["RDA", 310, 350],
    "Men 31+": ["RDA", 420, 350],
    "Women 31+": ["RDA", 320, 350],
    "Pregnancy 14–18": ["RDA", 400, 350],
    "Pregnancy 19–30": ["RDA", 350, 350],
    "Pregnancy 31–50": ["RDA", 360, 350],
    "Breastfeeding 14–18": ["RDA", 360, 350],
    "Breastfeeding 19–30": ["RDA", 310, 350],
    "Breastfeeding 31–50": ["RDA", 320, 350],
  },
  "omega-3": {
    "Infants 0–12 months": ["AI", 0.5, null],
    "Children 1–3": ["AI", 0.7, null],
    "Children 4–8": ["AI", 0.9, null],
    "Boys 9–13": ["AI", 1.2, null],
    "Girls 9–13": ["AI", 1.0, null],
    "Boys 14–18": ["AI", 1.6, null],
    "Girls 14–18": ["AI", 1.1, null],
    "Men 19+": ["AI", 1.6, null],
    "Women 19+": ["AI", 1.1, null],
    Pregnancy: ["AI", 1.4, null],
    Breastfeeding: ["AI", 1.3, null],
  },
  calcium: {
    "Infants 0–6 months": ["AI", 200, 1000],
    "Infants 7–12 months": ["AI", 260, 1500],
    "Children 1–3": ["RDA", 700, 2500],
    "Children 4–8": ["RDA", 1000, 2500],
    "Boys and girls 9–18": ["RDA", 1300, 3000],
    "Men and women 19–50": ["RDA", 1000, 2500],
    "Men 51–70": ["RDA", 1000, 2000],
    "Women 51–70": ["RDA", 1200, 2000],
    "Men and women 71+": ["RDA", 1200, 2000],
    "Pregnancy and breastfeeding 14–18": ["RDA", 1300, 3000],
    "Pregnancy and breastfeeding 19–50": ["RDA", 1000, 2500],
  },
};

describe("intake rows match the NIH ODS tables", () => {
  it.each(nutrients.map((n) => [n.id, n] as const))("%s: every group, amount and limit", (id, n) => {
    const rows = Object.fromEntries(n.intakes.rows.map((row) => [row.group, [row.kind, row.amount, row.ul]]));
    expect(rows).toEqual(ODS[id]);
  });
});
