/**
 * The words people use reach the same symptoms: inflections by lemma, lay names
 * and short lay spellings from content/symptom-words.yaml, longer misspellings by edit
 * distance; and `symptoms` gives the same fits whatever the order of the words and the
 * phrases (a property test over orders and inflections).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { copyContent, editFile, issuesOf, realContent } from "../helpers/content.js";

const engine = createAnswerEngine(realContent(), { emergencyNumber: "112" });
const fits = (text: string) => engine.symptomMatches(text).map((m) => [m.id, [...m.terms].sort()]);
const first = (text: string) => engine.symptomMatches(text)[0];

describe("inflections reach the same symptom", () => {
  it.each(["calf cramps", "cramping in the calf", "my calf cramped", "my calf keeps cramping up"])(
    "%j is a calf cramp",
    (text) => {
      expect(first(text)?.id).toBe("magnesium");
      expect(first(text)?.terms).toContain("calf cramps");
    },
  );

  it.each([
    ["my fingertips tingle", "tingling"],
    ["tingles in my fingers", "tingling fingers"],
    ["my arms twitched all evening", "twitching"],
    ["my feet went numb", "numb feet"],
  ])("%j reads as %j", (text, term) => {
    expect(engine.symptomMatches(text).flatMap((m) => m.terms)).toContain(term);
  });
});

describe("lay names and spellings", () => {
  it.each(["charlie horse", "charley horse", "charley horses", "charlie horses in both legs"])(
    "%j is a leg cramp",
    (text) => {
      expect(first(text)?.id).toBe("magnesium");
      expect(first(text)?.terms).toContain("leg cramps");
    },
  );

  it.each([
    ["carf cramp", "calf cramps"],
    ["both calves cramp", "calf cramps"],
    ["burning in my feet", "burning feet"],
    ["I keep falling over", "frequent falls"],
    ["always exhausted", "tiredness"],
  ])("%j reads as %j", (text, term) => {
    expect(engine.symptomMatches(text).flatMap((m) => m.terms)).toContain(term);
  });

  it.each([
    ["tinglling hands", "tingling"],
    ["numbnes in my feet", "numb feet"],
    ["twitchin muscles", "muscle twitching"],
  ])("the misspelling %j reads as %j", (text, term) => {
    expect(engine.symptomMatches(text).flatMap((m) => m.terms)).toContain(term);
  });

  it("does not read a word the content uses as a misspelling", () => {
    // "calm" is one edit from "calf", but too short to be corrected.
    expect(engine.symptomMatches("calm cramps").flatMap((m) => m.terms)).not.toContain("calf cramps");
  });

  it("reads a changed letter as a slip only for a key next to the right one", () => {
    const terms = (text: string) => engine.symptomMatches(text).flatMap((m) => m.terms);
    // a is next to s: "crampa" is a slip for "cramps"; l is far from r: "clamps" is a word.
    expect(terms("crampa in my legs")).toContain("leg cramps");
    expect(terms("clamps in my legs")).toEqual([]);
  });

  it("leaves five-letter words alone: most are one edit from another word", () => {
    // "score" is one letter from "sore", "boxes" one from "bones".
    expect(engine.ask("whats the score").kind).toBe("out_of_scope");
    expect(engine.ask("lifting boxes all day").nutrients).toEqual([]);
  });

  it.each([
    ["cramping calves every night, what am I missing?", "magnesium"],
    ["a charlie horse wakes me most nights", "magnesium"],
  ])("the question %j is answered about %s", (question, nutrient) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.nutrients[0]).toBe(nutrient);
  });
});

describe("lay words in the search for an answer", () => {
  it("finds the symptoms answer for symptoms said in lay words", () => {
    // "exhausted" and "tingly" are searched as "tiredness" and "tingling", the content's words.
    const answer = engine.ask("why am I always exhausted and tingly");
    expect(answer.nutrients[0]).toBe("vitamin-b12");
    expect(answer.id).toMatch(/symptoms/);
  });
});

describe("word order does not change the symptoms found", () => {
  it("weak hips and aching bones, either way round", () => {
    const a = fits("weak hips and aching bones");
    expect(fits("my hips are weak and my bones ache")).toEqual(a);
    expect(fits("bones that ache, hips that are weak")).toEqual(a);
    // Only the deficiency with telling signs: "weak" alone fits nearly all of them.
    expect(a.map(([id]) => id)).toEqual(["vitamin-d"]);
    // "weak" and "bones" from two clauses are not "weak bones" (calcium).
    expect(a.map(([id]) => id)).not.toContain("calcium");
  });

  it("keeps a term that holds a joining word together", () => {
    expect(engine.symptomMatches("pins and needles in my fingers").flatMap((m) => m.terms)).toContain(
      "pins and needles in fingers",
    );
  });

  /** Ways of saying one symptom: word order and inflection vary, the symptom does not. */
  const SAYINGS: readonly (readonly string[])[] = [
    ["weak thighs", "thighs that are weak", "my thighs are weak", "thigh weakness"],
    ["aching bones", "bones ache", "my bones are aching", "bones that ached"],
    ["tingling fingers", "fingers tingle", "my fingers are tingling", "tingly fingers"],
    ["calf cramps", "cramping calf", "my calves cramp", "calf cramped"],
    ["numb feet", "feet went numb", "numbness in my feet", "my foot is numb"],
    ["poor balance", "my balance is poor", "balance is poorer"],
    ["muscle twitching", "twitching muscles", "my muscles twitch", "twitchy muscles"],
  ];

  it("gives the same fits for any order of phrases and any wording of each", () => {
    const saying = fc.record({
      which: fc.nat({ max: SAYINGS.length - 1 }),
      wording: fc.nat({ max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(saying, { minLength: 1, maxLength: 4, selector: (s) => s.which }),
        fc.constantFrom(" and ", ", ", "; ", " but also "),
        fc.infiniteStream(fc.double({ noNaN: true, min: 0, max: 1 })),
        (chosen, joiner, random) => {
          const canonical = chosen.map((c) => (SAYINGS[c.which] as readonly string[])[0] as string);
          const worded = chosen.map((c) => {
            const ways = SAYINGS[c.which] as readonly string[];
            return ways[c.wording % ways.length] as string;
          });
          // A shuffled order of the same phrases.
          const shuffled = worded
            .map((w) => ({ w, key: random.next().value as number }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.w);
          expect(fits(shuffled.join(joiner))).toEqual(fits(canonical.join(" and ")));
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });
});

describe("the content check of symptom-words.yaml", () => {
  it("refuses a lay word that leads to no symptom term", () => {
    const dir = copyContent();
    editFile(dir, "symptom-words.yaml", (text) => `${text}  gammy leg: wonky leg\n`);
    expect(issuesOf(dir)).toContainEqual(
      expect.objectContaining({ file: "symptom-words.yaml", path: "says.gammy leg" }),
    );
  });
});
