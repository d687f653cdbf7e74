import { rmSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CONTENT_MINIMUMS } from "../../src/core/content/load-content.js";
import { NUTRIENT_IDS, TIP_MAX_CHARS } from "../../src/core/content/schema.js";
import { copyContent, editFile, issuesOf, realContent } from "../helpers/content.js";

describe("the bundled content", () => {
  const content = realContent();

  it("covers exactly the six nutrients, in order", () => {
    expect(content.nutrients.map((n) => n.id)).toEqual([...NUTRIENT_IDS]);
  });

  it("meets the promised minimums", () => {
    expect(content.faq.length).toBeGreaterThanOrEqual(CONTENT_MINIMUMS.faq);
    expect(content.tips.length).toBeGreaterThanOrEqual(CONTENT_MINIMUMS.tips);
    expect(content.challenges.length).toBeGreaterThanOrEqual(CONTENT_MINIMUMS.challenges);
  });

  it("keeps every tip within the tip length and sourced", () => {
    for (const tip of content.tips) {
      expect(tip.text.length).toBeLessThanOrEqual(TIP_MAX_CHARS);
      expect(content.sources.has(tip.source)).toBe(true);
    }
  });

  it("gives vitamin D intakes in both µg and IU, at 40 IU per µg", () => {
    const d = content.nutrients.find((n) => n.id === "vitamin-d");
    for (const row of d?.intakes.rows ?? []) {
      expect(row.amountIU).toBe(row.amount * 40);
      if (row.ul !== null) expect(row.ulIU).toBe(row.ul * 40);
    }
  });

  it("gives every FAQ entry alternative phrasings and sources", () => {
    for (const entry of content.faq) {
      expect(entry.phrasings.length).toBeGreaterThanOrEqual(2);
      expect(entry.sources.every((id) => content.sources.has(id))).toBe(true);
    }
  });
});

describe("content validation reports every problem with file and path", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("names the file and line of a YAML syntax error", () => {
    dir = copyContent();
    editFile(dir, "safety.yaml", (t) => t.replace("disclaimer:", "disclaimer: [unclosed"));
    const issues = issuesOf(dir);
    expect(issues).toEqual([
      expect.objectContaining({ file: "safety.yaml", message: expect.stringContaining("YAML syntax error") }),
    ]);
    expect(issues[0]?.path).toMatch(/^line \d+$/);
  });

  it("reports several broken files at once", () => {
    dir = copyContent();
    editFile(dir, "nutrients/magnesium.yaml", (t) => t.replace(/^shortName:.*$/m, "shortName: ''"));
    editFile(dir, "nutrients/calcium.yaml", (t) => t.replace(/^name:.*$/m, ""));
    const issues = issuesOf(dir);
    expect(issues).toEqual(
      expect.arrayContaining([
        { file: "nutrients/magnesium.yaml", path: "shortName", message: "must not be empty" },
        expect.objectContaining({ file: "nutrients/calcium.yaml", path: "name" }),
      ]),
    );
  });

  it("rejects a tip longer than 280 characters, naming its index", () => {
    dir = copyContent();
    editFile(dir, "tips/food.yaml", (t) => t.replace(/^(- id: .*\n\s+text: )(.*)$/m, `$1${"x".repeat(281)}`));
    const issues = issuesOf(dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: "tips/food.yaml", path: "[0].text" });
    expect(issues[0]?.message).toMatch(/280/);
  });

  it("rejects a source id that is not in the registry", () => {
    dir = copyContent();
    editFile(dir, "nutrients/vitamin-e.yaml", (t) =>
      t.replace(/source: ([a-z0-9-]+)/, "source: no-such-source"),
    );
    expect(issuesOf(dir)).toEqual([
      expect.objectContaining({
        file: "nutrients/vitamin-e.yaml",
        message: 'unknown source "no-such-source" (add it to content/sources/)',
      }),
    ]);
  });

  it("rejects a missing nutrient file", () => {
    dir = copyContent();
    unlinkSync(join(dir, "nutrients/omega-3.yaml"));
    expect(issuesOf(dir)).toEqual([
      {
        file: "nutrients/omega-3.yaml",
        path: "",
        message: 'nutrient "omega-3" is missing (every covered nutrient needs a file)',
      },
    ]);
  });

  it("rejects vitamin D intakes without IU", () => {
    dir = copyContent();
    editFile(dir, "nutrients/vitamin-d.yaml", (t) => t.replace(/^(\s+)amountIU: \d+\n/m, ""));
    expect(issuesOf(dir)).toEqual([
      expect.objectContaining({ file: "nutrients/vitamin-d.yaml", message: "vitamin D rows need IU too" }),
    ]);
  });

  it("rejects duplicate ids across files and a malformed red-flag term", () => {
    dir = copyContent();
    const first = realContent().tips[0];
    editFile(dir, "tips/habits.yaml", (t) => t.replace(/^- id: .*$/m, `- id: ${first?.id}`));
    editFile(dir, "safety/concepts.yaml", (t) => t.replace('terms: ["chest",', 'terms: ["* chest",'));
    const issues = issuesOf(dir);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: "tips/habits.yaml",
          message: expect.stringContaining("duplicate id"),
        }),
        {
          file: "safety/concepts.yaml",
          path: "concepts.chest.terms[0]",
          message: 'term "* chest" must start and end with a word or number',
        },
      ]),
    );
  });

  it("refuses a red-flag term whose number compiles to NaN, which would never match", () => {
    dir = copyContent();
    editFile(dir, "safety/concepts.yaml", (t) => t.replace('"#33-55 degrees"', '"#33-55degrees"'));
    expect(issuesOf(dir)).toEqual([
      expect.objectContaining({
        file: "safety/concepts.yaml",
        path: expect.stringContaining("concepts.heat.terms"),
        message: expect.stringContaining('"#33-55degrees"'),
      }),
    ]);
  });

  it("checks the terms of every modifier list the index reads, such as the question subjects", () => {
    dir = copyContent();
    editFile(dir, "safety/modifiers.yaml", (t) => t.replace('subjects:\n  - "i"', 'subjects:\n  - "i *"'));
    expect(issuesOf(dir)).toEqual([
      {
        file: "safety/modifiers.yaml",
        path: "subjects[0]",
        message: 'term "i *" must start and end with a word or number',
      },
    ]);
  });

  it("rejects a red-flag action without the emergency number, and a rule whose tier has no action", () => {
    dir = copyContent();
    editFile(dir, "safety/categories.yaml", (t) =>
      t.replace("Call {emergency} now, even if the symptoms seem to be passing", "Call now"),
    );
    // The stroke category's same-day action goes, while its Bell's palsy rule still needs one.
    editFile(dir, "safety/categories.yaml", (t) =>
      t.replace(
        / {4}same_day: >-\n {6}See a doctor today: symptoms like these that came and went[\s\S]*?come back\.\n/,
        "",
      ),
    );
    const issues = issuesOf(dir);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: "safety/categories.yaml",
          path: expect.stringMatching(/^\[\d+\]\.actions\.emergency$/),
          message: "must name the emergency number with {emergency}",
        }),
        expect.objectContaining({
          file: "safety/categories.yaml",
          path: expect.stringMatching(/^\[\d+\]\.rules\[\d+\]\.tier$/),
          message: "needs an action: add actions.same_day or the rule's own action",
        }),
      ]),
    );
  });
});

describe("FAQ entries of kind unknown", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = "";
  });

  it("refuses one that names a nutrient: its topic is one we don't cover", () => {
    dir = copyContent();
    editFile(dir, "faq/general.yaml", (t) =>
      t.replace(/(- id: quinine\n {2}kind: unknown\n[\s\S]*? {2}nutrients: )\[\]/, "$1[magnesium]"),
    );
    expect(issuesOf(dir)).toContainEqual({
      file: "faq/general.yaml",
      path: expect.stringMatching(/nutrients$/),
      message: expect.stringMatching(/names no nutrients/),
    });
  });
});
