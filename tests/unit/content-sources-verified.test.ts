/**
 * Claims re-read against their sources: each test pins what the source actually says, so an
 * edit cannot bring back wording the source does not support.
 */
import { describe, expect, it } from "vitest";
import { realContent } from "../helpers/content.js";

const content = realContent();

function faqAnswer(id: string): { answer: string; sources: string[] } {
  const found = content.faq.find((f) => f.id === id);
  if (!found) throw new Error(`no FAQ entry ${id}`);
  return found;
}

function tipText(id: string): string {
  const found = content.tips.find((t) => t.id === id);
  if (!found) throw new Error(`no tip ${id}`);
  return found.text;
}

describe("omega-3: who advised what, and when", () => {
  it("the FDA's 3 g / 2 g advice is dated 2004 and cites the FDA's own 2004 page", () => {
    const entry = faqAnswer("omega-3-intake-upper-limit");
    expect(entry.answer).toMatch(/In 2004\s+the FDA advised no more than 3 g/);
    expect(entry.sources).toContain("fda-2004-omega-3-qualified-health-claim");
    expect(content.sources.get("fda-2004-omega-3-qualified-health-claim")?.title).toMatch(/2004/);
  });

  it("the tip dates the FDA advice too", () => {
    expect(tipText("tip-o3-upper-amount")).toMatch(/In 2004 the FDA advised 3 g a day in all/);
  });
});

describe("vitamin D myopathy (Glerup 2000)", () => {
  it("describes the treatment as the study did (high-dose), not as supervised", () => {
    const answer = faqAnswer("vitamin-d-weakness-reversible").answer;
    expect(answer).toMatch(/3 months of high-dose treatment/);
    expect(answer).not.toMatch(/supervised/);
  });
});

describe("quinine and tonic water", () => {
  it("says only what the regulators say about quinine in drinks", () => {
    const answer = faqAnswer("quinine").answer;
    expect(answer).not.toMatch(/tonic water (is|are) not a treatment|are not a treatment either/i);
    expect(answer).toMatch(
      /reacted to quinine before,\s+even to the small amount in drinks such as tonic water/,
    );
  });
});

describe("cramps during cancer treatment", () => {
  it("cites a prospective study and a peer-reviewed review, not the 2023 magazine article", () => {
    const entry = faqAnswer("cramps-with-serious-illness");
    expect(entry.sources).not.toContain("cramps-in-cancer-2023");
    expect(entry.sources).toEqual(
      expect.arrayContaining(["steiner-1989-cramps-in-cancer", "workeneh-2021-hypomagnesemia-cancer"]),
    );
    expect(entry.answer).toMatch(/50 people with cancer/);
    expect(entry.answer).toMatch(/nerve damage/);
  });
});

describe("habit tips say what their pages say", () => {
  it("the medicine list is about going over it with the doctor, not 'nutrient problems'", () => {
    const text = tipText("tip-habit-medicine-list");
    expect(text).not.toMatch(/nutrient problems/);
    expect(text).toMatch(/go over it with your doctor/);
  });

  it("symptom notes do not promise to decide which tests are needed", () => {
    expect(tipText("tip-habit-symptom-notes")).not.toMatch(/which tests/);
  });

  it("the midday sun tip says a short spell is enough for most people, as the NHS page does", () => {
    expect(tipText("tip-habit-midday-uv")).toMatch(/For most people a short spell/);
  });
});
