import { describe, expect, it } from "vitest";
import { formatRecapText, weeklyRecap } from "../../../src/challenges/recap.js";
import {
  endSummary,
  formatSummaryText,
  formatTodayCount,
  memberStatus,
  pickNote,
  todayCount,
} from "../../../src/challenges/summary.js";
import { fact, member, onDays, participant, template, timing } from "./helpers.js";

const t = timing(); // Mon 2 – Sun 15 March 2026, Berlin

describe("N of M checked in today", () => {
  it("counts active members who had joined by today, and those of them with a check-in today", () => {
    const now = new Date("2026-03-04T17:00:00Z"); // Wed 4 March (day 2)
    const people = [
      participant(t, member("A"), onDays(t, "A", [2])),
      participant(t, member("B"), onDays(t, "B", [1])),
      participant(t, member("C", { leftAt: Date.parse("2026-03-03T10:00:00Z") }), onDays(t, "C", [0])),
      participant(t, member("D", { joinDate: "2026-03-05" }), []),
      participant(t, member("E", { joinDate: "2026-03-04" }), onDays(t, "E", [2])),
    ];
    const count = todayCount(t, people, now);
    expect(count).toEqual({ date: "2026-03-04", checkedIn: 2, members: 3 });
    expect(formatTodayCount(count)).toBe("2 of 3 checked in today");
  });
});

describe("a member's status", () => {
  it("gives days left (today included), streak, check-ins, points and rank", () => {
    const now = new Date("2026-03-05T17:00:00Z"); // Thu 5 March, day 4 of 14
    const me = participant(t, member("ME"), [
      ...onDays(t, "ME", [0, 1, 2, 3]),
      fact("ME", "sun-smart", "2026-03-05", undefined, 1),
    ]);
    const rival = participant(t, member("R"), onDays(t, "R", [0, 1, 2, 3], 5));
    expect(memberStatus(t, [rival, me], "ME", now)).toEqual({
      phase: "running",
      dayNumber: 4,
      days: 14,
      daysLeft: 11,
      points: 13,
      checkIns: 5,
      streak: 4,
      bestStreak: 4,
      freezeAvailable: true,
      nextMilestone: 7,
      rank: 2,
      of: 2,
    });
    expect(memberStatus(t, [me], "NOBODY", now)).toBeUndefined();
  });
});

describe("the end-of-challenge summary", () => {
  const after = new Date("2026-03-16T12:00:00Z"); // the day after the last day, afternoon

  it("names winners, the top team, participation, the longest streak and total check-ins", () => {
    const people = [
      participant(
        t,
        member("A", { team: "Red" }),
        onDays(t, "A", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]),
      ),
      participant(
        t,
        member("B", { team: "Blue", hidden: true }),
        onDays(t, "B", [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13]),
      ),
      participant(t, member("C", { team: "Blue", joinDate: "2026-03-09" }), onDays(t, "C", [7, 8])),
      participant(t, member("D"), []),
    ];
    const summary = endSummary(template(), t, people, after, "challenge-1");
    expect(summary.winners.map((s) => [s.rank, s.label, s.points])).toEqual([
      [1, "Name A", 42],
      [2, "anonymous member", 39],
      [3, "Name C", 6],
    ]);
    expect(summary.winningTeam).toMatchObject({ team: "Red", average: 42 });
    // Possible member-days: A 14 + B 14 + C 7 (joined day 7) + D 14 = 49; active 14 + 13 + 2 + 0 = 29.
    expect(summary.participation).toEqual({
      activeDays: 29,
      possibleDays: 49,
      rate: 29 / 49,
      membersWhoCheckedIn: 3,
    });
    // B missed one day in week 2: the freeze kept a 13-day run (best 13); A has 14.
    expect(summary.longestStreak).toEqual({ days: 14, labels: ["Name A"] });
    expect(summary.totalCheckIns).toBe(29);
    expect(summary.totalPoints).toBe(87);
    expect(template().notes).toContain(summary.note);
    expect(summary.note).toBe(pickNote(template(), "challenge-1"));
    const text = formatSummaryText("Daylight walks", summary);
    expect(text).toContain("1. Name A: 42 pts");
    expect(text).toContain("Participation: 59% of member-days (3 of 4 members checked in)");
    expect(text).toContain("Longest streak: 14 days (Name A)");
    expect(text).toContain("Total check-ins: 29");
  });

  it("has no winners when nobody scored", () => {
    const summary = endSummary(template(), t, [participant(t, member("A"), [])], after, "x");
    expect(summary.winners).toEqual([]);
    expect(formatSummaryText("Walks", summary)).toContain("No points were scored this time.");
  });
});

describe("the weekly recap", () => {
  it("compares this week with last week: standings moves, new members, check-ins and points", () => {
    const now = new Date("2026-03-16T08:00:00Z"); // Monday 16 March: recaps Mon 9 – Sun 15
    const t3 = timing({ days: 21 });
    const people = [
      participant(t3, member("A"), onDays(t3, "A", [0, 1, 2, 3, 4, 5, 6, 7])),
      participant(t3, member("B"), onDays(t3, "B", [0, 1, 7, 8, 9, 10, 11, 12])),
      participant(t3, member("N", { joinDate: "2026-03-10" }), onDays(t3, "N", [8, 9])),
    ];
    const recap = weeklyRecap(t3, people, now);
    expect([recap.from, recap.to]).toEqual(["2026-03-09", "2026-03-15"]);
    expect(recap.individuals.map((r) => [r.userId, r.rank, r.previousRank, r.change, r.weekPoints])).toEqual([
      ["B", 1, 2, 1, 18],
      ["A", 2, 1, -1, 3],
      ["N", 3, null, null, 6],
    ]);
    expect(recap.checkIns).toEqual({ thisWeek: 9, lastWeek: 9, change: 0 });
    expect(recap.points).toEqual({ thisWeek: 27, lastWeek: 27, change: 0 });
    const text = formatRecapText("Daylight walks", recap);
    expect(text).toContain("1. Name B: 24 pts (+18 this week) ▲1");
    expect(text).toContain("3. Name N: 6 pts (+6 this week) new");
  });
});
