/**
 * Pins the clinical corrections a reviewer asked for in the content: each test names the
 * wording asked for, so a later edit cannot quietly undo it.
 */
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { disclosedBy } from "../../src/core/content/challenge-privacy.js";
import { searchPageReason } from "../../src/core/content/source-url.js";
import { RENAMED_TITLE, RETIRED_TASK } from "../../src/storage/migrations/008-drop-blood-test-checkins.js";
import { copyContent, editFile, issuesOf, realContent } from "../helpers/content.js";

const content = realContent();

function tip(id: string) {
  const found = content.tips.find((t) => t.id === id);
  if (!found) throw new Error(`no tip ${id}`);
  return found;
}

function faq(id: string) {
  const found = content.faq.find((f) => f.id === id);
  if (!found) throw new Error(`no FAQ entry ${id}`);
  return found;
}

function nutrient(id: string) {
  const found = content.nutrients.find((n) => n.id === id);
  if (!found) throw new Error(`no nutrient ${id}`);
  return found;
}

/** The first sentence of a text. */
function lead(text: string): string {
  return text.split(/(?<=\.)\s/)[0] ?? "";
}

describe("1. omega-3 upper amounts lead with the 3 g / doctor line", () => {
  it("the tip no longer reads as permission for 5 g, and says who said what", () => {
    const { text, source } = tip("tip-o3-upper-amount");
    expect(lead(text)).toMatch(/more than 3 g a day .*only with a doctor/i);
    expect(text).not.toMatch(/FDA advises .*5 g/i);
    expect(text).toMatch(/FDA .*3 g .*2 g from supplements/i);
    expect(text).toMatch(/2012 .*EFSA .*5 g/i);
    expect(source).toBe("efsa-2012-n3-lcpufa-upper-level");
  });

  it("the FAQ answer opens with the safety line and separates the FDA from EFSA", () => {
    const entry = faq("omega-3-intake-upper-limit");
    expect(lead(entry.answer)).toMatch(/more than 3 g a day .*only with a doctor/i);
    expect(entry.answer).not.toMatch(/US and European regulators have judged/i);
    expect(entry.answer).toMatch(/FDA .*3 g .*at most 2 g .*supplements/i);
    expect(entry.answer).toMatch(/2012 .*European Food Safety Authority .*5 g/i);
    expect(entry.sources).toContain("efsa-2012-n3-lcpufa-upper-level");
  });
});

describe("2. omega-3 cautions name atrial fibrillation", () => {
  it("on the nutrient card, citing the 2021 meta-analysis", () => {
    const caution = nutrient("omega-3").cautions.find((c) => /atrial fibrillation/i.test(c.title));
    expect(caution?.source).toBe("gencer-2021-omega-3-atrial-fibrillation");
    expect(caution?.text).toMatch(/7 .*trials/);
    expect(caution?.text).toMatch(/81,000/);
    expect(caution?.text).toMatch(/25%/);
    expect(caution?.text).toMatch(/more than 1 g a day/);
  });

  it("in the supplement-safety FAQ", () => {
    const entry = faq("omega-3-supplement-safety");
    expect(entry.answer).toMatch(/atrial fibrillation/i);
    expect(entry.answer).toMatch(/over 1 g a day/);
    expect(entry.sources).toContain("gencer-2021-omega-3-atrial-fibrillation");
  });
});

describe("3. the omega-3 muscle trial gives its dose", () => {
  it("on the card's evidence, with the 3 g line", () => {
    const item = nutrient("omega-3").evidence.find((e) => e.source === "smith-2015-omega-3-muscle");
    expect(item?.text).toMatch(/3\.4 g of EPA plus DHA a day/);
    expect(item?.text).toMatch(/above the 3 g a day/);
  });

  it("in the tip", () => {
    const { text } = tip("tip-o3-older-adult-trial");
    expect(text).toMatch(/3\.4 g of EPA plus DHA a day/);
    expect(text).toMatch(/above the 3 g/);
  });
});

describe("4. calcium supplements and heart attacks", () => {
  it("the card's cautions say the link is with supplements, not food, and that it is mixed", () => {
    const caution = nutrient("calcium").cautions.find((c) => /heart attack/i.test(c.text));
    expect(caution?.source).toBe("bolland-2010-calcium-myocardial-infarction");
    expect(caution?.text).toMatch(/not calcium from food/i);
    expect(caution?.text).toMatch(/mixed/);
    expect(caution?.text).toMatch(/food first/);
  });

  it("the FAQ answer says the same, citing both sides", () => {
    const entry = faq("calcium-supplement-safety");
    expect(entry.answer).toMatch(/heart attacks/);
    expect(entry.answer).toMatch(/not\s+calcium from food/);
    expect(entry.answer).toMatch(/mixed/);
    expect(entry.sources).toEqual(
      expect.arrayContaining([
        "bolland-2010-calcium-myocardial-infarction",
        "kopecky-2016-calcium-cardiovascular",
      ]),
    );
  });
});

describe("5. the vitamin D strength meta-analysis is described as it was run", () => {
  it("the tip says adults over 65 whatever their level, not 'who weren't deficient'", () => {
    const { text, source } = tip("tip-vitd-realistic-hopes");
    expect(source).toBe("meta-2017-vitamin-d-strength-older-adults");
    expect(text).not.toMatch(/weren't deficient|not deficient/i);
    expect(text).toMatch(/over 65/);
    expect(text).toMatch(/whatever their vitamin D level/);
  });

  it("the card's evidence item says the same", () => {
    const item = nutrient("vitamin-d").evidence.find(
      (e) => e.source === "meta-2017-vitamin-d-strength-older-adults",
    );
    expect(item?.text).not.toMatch(/not deficient/i);
    expect(item?.text).toMatch(/whatever their starting\s+vitamin D level/);
  });
});

describe("6. sources support what they are cited for", () => {
  it("the Glerup study links the article, not a PubMed search", () => {
    const glerup = content.sources.get("glerup-2000-vitamin-d-myopathy");
    expect(glerup?.url).toMatch(/^https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/$/);
    expect(searchPageReason(glerup?.url ?? "")).toBeUndefined();
  });

  it("no source in the registry is a search page", () => {
    const searches = [...content.sources].filter(([, s]) => searchPageReason(s.url) !== undefined);
    expect(searches.map(([id]) => id)).toEqual([]);
  });

  it("the loosely sourced tips cite pages that support them directly", () => {
    expect(tip("tip-vitd-proximal-weakness").source).toBe("rajkumar-2022-vitamin-d-proximal-myopathy");
    expect(tip("tip-habit-medicine-list").source).toBe("ohio-aging-medication-list");
    expect(tip("tip-habit-symptom-notes").source).toBe("msd-making-the-most-of-a-visit");
  });

  it("the midday sun tip is about vitamin D for muscle, not sun safety alone", () => {
    const midday = tip("tip-habit-midday-uv");
    expect(midday.nutrients).toEqual(["vitamin-d"]);
    expect(midday.text).toMatch(/vitamin D/);
    expect(midday.text).toMatch(/muscles/);
    expect(midday.source).toBe("nhs-vitamin-d-sunlight");
  });

  it("sit-to-stands carry the same 'hand near support' line as the balance tip", () => {
    expect(tip("tip-ex-balance").text).toMatch(/hand near/);
    expect(tip("tip-ex-sit-to-stand").text).toMatch(/hand near a counter or wall/);
  });
});

describe("the content check refuses a source that links a search page", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = "";
  });

  it.each([
    ["a PubMed search", "https://pubmed.ncbi.nlm.nih.gov/?term=Hypovitaminosis+D+myopathy"],
    ["a site search", "https://ods.od.nih.gov/search?query=omega-3"],
    ["a search engine", "https://www.google.com/search?q=vitamin+d+myopathy"],
  ])("names the source when its URL is %s", (_what, url) => {
    dir = copyContent();
    editFile(dir, "sources/faq.yaml", (t) =>
      t.replace(/(glerup-2000-vitamin-d-myopathy:\n\s+title: .*\n\s+url: ).*/, `$1${url}`),
    );
    // The whole source file is refused, so its other ids are reported as unknown too.
    expect(issuesOf(dir)[0]).toEqual({
      file: "sources/faq.yaml",
      path: "glerup-2000-vitamin-d-myopathy.url",
      message: expect.stringMatching(/must link the article or fact sheet itself, not a search page/),
    });
  });

  it("accepts an article page with no search in it", () => {
    expect(searchPageReason("https://pubmed.ncbi.nlm.nih.gov/36416841/")).toBeUndefined();
    expect(searchPageReason("https://www.bmj.com/content/341/bmj.c3691")).toBeUndefined();
    expect(searchPageReason("https://ods.od.nih.gov/factsheets/Calcium-HealthProfessional/")).toBeUndefined();
  });
});

describe("8. statins and muscle aches", () => {
  const engine = createAnswerEngine(content, { emergencyNumber: "911" });

  it("'should I stop my statin because my muscles ache' gets the statin answer", () => {
    const answer = engine.ask("should I stop my statin because my muscles ache");
    expect(answer.kind).toBe("answer");
    expect(answer.id).toBe("faq:statin-muscle-aches-vitamin-d");
    expect(answer.nutrients).toEqual(["vitamin-d"]);
    expect(answer.body).toMatch(/prescribed it/);
    expect(answer.body).toMatch(/don't stop\s+the statin on your own/);
    expect(answer.body).toMatch(/not settled/);
    expect(answer.sources.map((s) => s.url)).toContain("https://pubmed.ncbi.nlm.nih.gov/36416841/");
    expect(answer.text).toContain(content.safety.disclaimer);
  });

  it("is declared as a vitamin D answer in the content", () => {
    const entry = faq("statin-muscle-aches-vitamin-d");
    expect(entry.nutrients).toEqual(["vitamin-d"]);
    expect(entry.sources).toContain("hlatky-2022-statin-muscle-vitamin-d");
  });

  it("a cholesterol question is still outside what the bot covers", () => {
    expect(engine.ask("do statins lower cholesterol").kind).toBe("unknown");
  });
});

describe("7. challenge tasks never make health status a leaderboard fact", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = "";
  });

  it("the B12 challenge moves to a neutral id, drops the blood-test task and no longer names a diet", () => {
    expect(content.challenges.map((c) => c.id)).not.toContain(RETIRED_TASK.templateId);
    const b12 = content.challenges.find((c) => c.id === RETIRED_TASK.newTemplateId);
    expect(b12?.title).toBe(RENAMED_TITLE.to);
    expect(b12?.tasks.map((t) => t.id)).toContain("fortified-b12-daily");
    expect(b12?.tasks.map((t) => t.id)).not.toContain(RETIRED_TASK.taskId);
    expect(`${b12?.title} ${b12?.description}`).not.toMatch(
      /vegan|vegetarian|plant-based|test|check with your doctor/i,
    );
  });

  it("no bundled title or task names a test, diagnosis, medicine or diet", () => {
    for (const template of content.challenges) {
      expect(disclosedBy(template.title), template.id).toBeUndefined();
      for (const task of template.tasks)
        expect(disclosedBy(`${task.id} ${task.text}`), task.id).toBeUndefined();
    }
  });

  it.each([
    ["a test", "Book a B12 check with your doctor (once is enough)", /a test or appointment/],
    ["a blood test", "Get your blood test done this week", /a test or appointment/],
    ["a diagnosis", "Log a day without anaemia symptoms", /a diagnosis/],
    ["a medicine", "Take your vitamin D tablets", /a medicine/],
  ])("the content check refuses a task naming %s", (_what, text, message) => {
    dir = copyContent();
    editFile(dir, "challenges/templates.yaml", (t) =>
      t.replace("Walk outdoors for at least 15 minutes", text),
    );
    expect(issuesOf(dir)).toEqual([
      { file: "challenges/templates.yaml", path: "[0].tasks[0]", message: expect.stringMatching(message) },
    ]);
  });

  it("the content check refuses a title naming a diet", () => {
    dir = copyContent();
    editFile(dir, "challenges/templates.yaml", (t) =>
      t.replace('title: "Daylight walks"', 'title: "Daylight walks for vegans"'),
    );
    expect(issuesOf(dir)).toEqual([
      { file: "challenges/templates.yaml", path: "[0].title", message: expect.stringMatching(/a diet/) },
    ]);
  });
});
