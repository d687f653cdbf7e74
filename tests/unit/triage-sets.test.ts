import { describe, expect, it } from "vitest";
import { createTriage } from "../../src/core/triage/triage.js";
import { realContent } from "../helpers/content.js";
import { loadQuestionSet } from "../kit/question-set.js";
import {
  FLOOR_TRIAGE_SETS,
  loadTriageSet,
  MAX_FALSE_ALARM_RATE,
  SCORED_TRIAGE_SETS,
  scoreTriage,
  type Verdict,
} from "../kit/triage-set.js";

const triage = createTriage(realContent().triage).triage;
const judge = (text: string): Verdict => {
  const d = triage(text).decision;
  return d ? { urgent: true, tier: d.tier } : { urgent: false };
};
const show = (items: readonly { id: string; text: string }[]) => items.map((i) => `${i.id}: ${i.text}`);

describe.each(SCORED_TRIAGE_SETS)("blind triage set $set", ({ set, recall }) => {
  const score = scoreTriage(loadTriageSet(set), judge);

  it(`sends urgent messages to help (recall at least ${recall * 100}%)`, () => {
    expect(score.found / score.urgent).toBeGreaterThanOrEqual(recall);
    if (recall === 1) expect(show(score.missed)).toEqual([]);
  });

  it("never answers an emergency as same_day", () => {
    expect(show(score.emergencyAsSameDay)).toEqual([]);
  });

  it(`flags at most ${MAX_FALSE_ALARM_RATE * 100}% of look-alikes`, () => {
    expect(score.falseAlarms.length / score.lookalikes).toBeLessThanOrEqual(MAX_FALSE_ALARM_RATE);
  });
});

describe.each(FLOOR_TRIAGE_SETS)(
  "blind triage set $set (targets not met yet: holds the figures reached)",
  (floor) => {
    const score = scoreTriage(loadTriageSet(floor.set), judge);

    it(`finds at least ${floor.recall * 100}% of urgent messages`, () => {
      expect(score.found / score.urgent).toBeGreaterThanOrEqual(floor.recall);
    });

    it(`answers at most ${floor.emergencyAsSameDay} emergencies as same_day`, () => {
      expect(score.emergencyAsSameDay.length).toBeLessThanOrEqual(floor.emergencyAsSameDay);
    });

    it(`flags at most ${floor.falseAlarmRate * 100}% of look-alikes`, () => {
      expect(score.falseAlarms.length / score.lookalikes).toBeLessThanOrEqual(floor.falseAlarmRate);
    });
  },
);

describe("the frozen question set (tests/fixtures/questions.yaml)", () => {
  it("flags every urgent question and none of the others", () => {
    const wrong = loadQuestionSet()
      .filter((q) => (q.kind === "urgent") !== judge(q.q).urgent)
      .map((q) => `${q.kind}: ${q.q}`);
    expect(wrong).toEqual([]);
  });
});
