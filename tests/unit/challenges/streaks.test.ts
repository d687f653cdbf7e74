import { describe, expect, it } from "vitest";
import { checkInOutcome } from "../../../src/challenges/checkin.js";
import {
  memberStreak,
  milestoneReached,
  nextMilestone,
  streakThrough,
} from "../../../src/challenges/streaks.js";
import { FakeClock } from "../../helpers/fake-clock.js";
import { member, onDays, participant, timing } from "./helpers.js";

// Starts on Thursday 5 March 2026 (Berlin): days 0–3 are Thu–Sun of week A,
// days 4–10 are Mon 9 – Sun 15 March (week B), days 11–17 Mon 16 – Sun 22 March (week C).
const t = timing({ startDate: "2026-03-05", days: 30 });
/** 13:00 Berlin on challenge day `i` (past noon, so yesterday is no longer pending). */
const afternoonOf = (i: number) => new Date(Date.parse("2026-03-05T12:00:00Z") + i * 86_400_000);

function streakWith(offsets: number[], now: Date, info = member("U1", { joinDate: "2026-03-05" })) {
  return memberStreak(t, participant(t, info, onDays(t, "U1", offsets)), now);
}

describe("streaks", () => {
  it("counts consecutive checked-in days; today not yet logged doesn't break it", () => {
    expect(streakWith([0, 1, 2, 3], afternoonOf(3))).toMatchObject({ current: 4, best: 4, frozenDays: [] });
    expect(streakWith([0, 1, 2, 3], afternoonOf(4))).toMatchObject({ current: 4, best: 4 });
  });

  it("keeps yesterday pending until noon, then spends the week's freeze on it", () => {
    const morning = new Date(Date.parse("2026-03-10T08:00:00Z")); // Tue 10 March, 09:00, day 5
    expect(streakWith([0, 1, 2, 3], morning)).toMatchObject({
      current: 4,
      frozenDays: [],
      freezeAvailable: true,
    });
    const afternoon = afternoonOf(5);
    expect(streakWith([0, 1, 2, 3], afternoon)).toMatchObject({
      current: 4,
      frozenDays: [4],
      freezeAvailable: false,
    });
  });

  it("lets one missed day per Monday–Sunday week pass, and breaks on the second in the same week", () => {
    // Week B: miss Tue (day 5) -> frozen; miss Thu (day 7) -> broken.
    const once = streakWith([0, 1, 2, 3, 4, 6], afternoonOf(6));
    expect(once).toMatchObject({ current: 6, best: 6, frozenDays: [5] });
    const twice = streakWith([0, 1, 2, 3, 4, 6, 8, 9], afternoonOf(9));
    expect(twice).toMatchObject({ current: 2, best: 6, frozenDays: [5] });
  });

  it("gives each week its own freeze: Sunday and the next Monday missed both hold (two weeks)", () => {
    // Day 3 is Sunday of week A, day 4 Monday of week B.
    const result = streakWith([0, 1, 2, 5, 6], afternoonOf(6));
    expect(result).toMatchObject({ current: 5, frozenDays: [3, 4] });
  });

  it("does not carry an unused freeze into the next week", () => {
    // Week B used nothing; week C misses Tue and Wed (days 12, 13): the second breaks the streak.
    const result = streakWith([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14], afternoonOf(14));
    expect(result).toMatchObject({ current: 1, best: 12, frozenDays: [12] });
  });

  it("spends no freeze before the first check-in (late starters aren't penalised)", () => {
    expect(streakWith([2, 3], afternoonOf(3))).toMatchObject({
      current: 2,
      frozenDays: [],
      freezeAvailable: true,
    });
  });

  it("counts from the join date and stops on the day a member left", () => {
    const joiner = member("U1", { joinDate: "2026-03-07" });
    expect(streakWith([2, 3, 4], afternoonOf(4), joiner)).toMatchObject({ current: 3 });
    const leaver = member("U1", { joinDate: "2026-03-05", leftAt: afternoonOf(2).getTime() });
    expect(streakWith([0, 1, 2], afternoonOf(20), leaver)).toMatchObject({ current: 3, best: 3 });
  });

  it("uses the challenge's zone for the week boundary", () => {
    // Same local days in Auckland: Monday starts there while it is still Sunday in UTC.
    const auckland = timing({ startDate: "2026-03-05", days: 30, zone: "Pacific/Auckland" });
    const now = new Date("2026-03-15T23:30:00Z"); // Mon 16 March 12:30 in Auckland (day 11)
    const p = participant(
      auckland,
      member("U1", { joinDate: "2026-03-05" }),
      onDays(auckland, "U1", [0, 1, 2, 3, 4, 6, 7, 8, 9, 10]),
    );
    expect(memberStreak(auckland, p, now)).toMatchObject({
      current: 10,
      frozenDays: [5],
      freezeAvailable: true,
    });
  });

  it("reads past streaks through a given day with nothing pending", () => {
    const p = participant(t, member("U1", { joinDate: "2026-03-05" }), onDays(t, "U1", [0, 1, 2, 3, 4, 5]));
    expect(streakThrough(t, p, 3)).toMatchObject({ current: 4 });
  });
});

describe("milestones", () => {
  it("celebrates 3, 7, 14 and 30 days once, when the streak reaches them", () => {
    expect([2, 6, 13, 29].map((n) => milestoneReached(n, n + 1))).toEqual([3, 7, 14, 30]);
    expect(milestoneReached(3, 3)).toBeUndefined();
    expect(milestoneReached(3, 4)).toBeUndefined();
    expect([0, 3, 7, 14, 30].map(nextMilestone)).toEqual([3, 7, 14, 30, undefined]);
  });

  it("reports the milestone a check-in reached from the member before and after", () => {
    const clock = new FakeClock("2026-03-07T18:00:00Z"); // Sat 7 March, day 2
    const info = member("U1", { joinDate: "2026-03-05" });
    const before = participant(t, info, onDays(t, "U1", [0, 1]));
    const after = participant(t, info, onDays(t, "U1", [0, 1, 2]));
    expect(checkInOutcome(t, before, after, clock.now())).toMatchObject({
      streak: { current: 3 },
      milestone: 3,
    });
    expect(checkInOutcome(t, after, after, clock.now()).milestone).toBeUndefined();
  });
});
