import { describe, expect, it } from "vitest";
import {
  ANONYMOUS_LABEL,
  computeLeaderboard,
  rankIndividuals,
  rankTeams,
} from "../../../src/challenges/leaderboard.js";
import type { Participant } from "../../../src/challenges/model.js";
import { fact, member, onDays, participant, timing } from "./helpers.js";

const t = timing(); // Mon 2 March 2026, 14 days, Berlin
const now = new Date("2026-03-06T17:00:00Z"); // Fri 6 March, 18:00 Berlin (day 4)

const ranked = (ps: Participant[]) => rankIndividuals(t, ps, now).map((s) => s.userId);

describe("individual standings", () => {
  it("rank by points first", () => {
    const a = participant(t, member("A"), onDays(t, "A", [0], 3));
    const b = participant(t, member("B"), onDays(t, "B", [0, 1], 3));
    expect(ranked([a, b])).toEqual(["B", "A"]);
    expect(rankIndividuals(t, [a, b], now).map((s) => [s.rank, s.points])).toEqual([
      [1, 6],
      [2, 3],
    ]);
  });

  it("break a points tie by current streak", () => {
    // Same 9 points; B's are on consecutive days up to today, A missed two days in one week.
    const a = participant(t, member("A"), onDays(t, "A", [0, 2, 4]));
    const b = participant(t, member("B"), onDays(t, "B", [2, 3, 4]));
    const standings = rankIndividuals(t, [a, b], now);
    expect(standings.map((s) => [s.userId, s.points, s.streak])).toEqual([
      ["B", 9, 3],
      ["A", 9, 1],
    ]);
  });

  it("then by the earliest last check-in, then by user id, whatever the input order", () => {
    const early = participant(t, member("Z"), [
      fact("Z", "outdoor-walk", "2026-03-06", "2026-03-06T07:00:00Z"),
    ]);
    const late = participant(t, member("A"), [
      fact("A", "outdoor-walk", "2026-03-06", "2026-03-06T09:00:00Z"),
    ]);
    const twinA = participant(t, member("M1"), [
      fact("M1", "outdoor-walk", "2026-03-06", "2026-03-06T09:00:00Z"),
    ]);
    const none = participant(t, member("N"), []);
    const noneEither = participant(t, member("B"), []);
    const all = [none, late, twinA, early, noneEither];
    expect(ranked(all)).toEqual(["Z", "A", "M1", "B", "N"]);
    expect(ranked([...all].reverse())).toEqual(["Z", "A", "M1", "B", "N"]);
  });

  it("show hidden members as an anonymous member and keep leavers with their points", () => {
    const hidden = participant(t, member("H", { hidden: true, displayName: "Hana" }), onDays(t, "H", [0, 1]));
    const leaver = participant(
      t,
      member("L", { leftAt: Date.parse("2026-03-04T10:00:00Z") }),
      onDays(t, "L", [0]),
    );
    const [first, second] = rankIndividuals(t, [leaver, hidden], now);
    expect(first).toMatchObject({ userId: "H", label: ANONYMOUS_LABEL, hidden: true, points: 6 });
    expect(JSON.stringify(first)).not.toContain("Hana");
    expect(second).toMatchObject({ userId: "L", label: "Name L", left: true, points: 3 });
  });
});

describe("team standings", () => {
  const on = (id: string, team: string | null, offsets: number[], points = 3) =>
    participant(t, member(id, { team }), onDays(t, id, offsets, points));

  it("rank teams by average points per member, so a bigger team doesn't win by size", () => {
    const solo = on("S1", "Solo", [0, 1, 2, 3, 4]); // 15 points, 1 member
    const big = ["B1", "B2", "B3"].map((id) => on(id, "Big", [0, 1, 2, 3])); // 36 points, 3 members
    const { teams } = computeLeaderboard(t, [solo, ...big], now);
    expect(teams.map((team) => [team.rank, team.team, team.members, team.points, team.average])).toEqual([
      [1, "Solo", 1, 15, 15],
      [2, "Big", 3, 36, 12],
    ]);
  });

  it("compare averages exactly and break ties by the earliest last check-in, then team name", () => {
    // 10/3 and 20/6 are the same average: the exact comparison must call it a tie.
    const three = ["T1", "T2", "T3"].map((id, i) => on(id, "Three", i === 0 ? [4] : [], 10));
    const six = ["X1", "X2", "X3", "X4", "X5", "X6"].map((id, i) => on(id, "Six", i < 2 ? [3] : [], 10));
    const { teams } = computeLeaderboard(t, [...three, ...six], now);
    expect(teams[0]?.average).toBeCloseTo(teams[1]?.average ?? 0, 12);
    // Tied averages: Six's last check-in (day 3) is earlier than Three's (day 4).
    expect(teams.map((team) => team.team)).toEqual(["Six", "Three"]);
    const a = on("A1", "Alpha", [0], 3);
    const b = on("B1", "Beta", [0], 3);
    expect(rankTeams(rankIndividuals(t, [b, a], now)).map((team) => team.team)).toEqual(["Alpha", "Beta"]);
  });

  it("group team names case-insensitively (shown as most members spell it), leave out the teamless, count leavers", () => {
    const blue = on("U1", "Blue", [0]);
    const blueLower = on("U2", "blue", [0, 1]);
    const loner = on("U3", null, [0, 1, 2, 3]);
    const leaver = participant(
      t,
      member("U4", { team: "Red", leftAt: Date.parse("2026-03-03T12:00:00Z") }),
      onDays(t, "U4", [0]),
    );
    const { teams } = computeLeaderboard(t, [blue, blueLower, loner, leaver], now);
    expect(teams.map((team) => [team.team, team.members, team.points])).toEqual([
      ["Blue", 2, 9],
      ["Red", 1, 3],
    ]);
  });
});
