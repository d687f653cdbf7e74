/**
 * The weekly recap: standings at the end of a week, with each person's and team's move
 * since the week before, and the week's check-ins and points against the previous week.
 */
import { rankIndividualsThrough, rankTeams, type Standing, type TeamStanding } from "./leaderboard.js";
import type { ChallengeTiming, Participant } from "./model.js";
import { sumBetween } from "./scoring.js";
import { dateOfDay, dayIndex, localClock } from "./window.js";

/** A standing with last week's rank: `change` > 0 moved up, < 0 down, null when new. */
type RecapRow = Standing & { previousRank: number | null; change: number | null; weekPoints: number };

/** A team standing with last week's rank. */
type TeamRecapRow = TeamStanding & { previousRank: number | null; change: number | null };

/** A this-week figure beside last week's. */
interface WeekOnWeek {
  thisWeek: number;
  lastWeek: number;
  change: number;
}

/** The weekly recap post's data. */
export interface WeeklyRecap {
  /** First and last local day of the recapped week (7 days, or fewer at the start). */
  from: string;
  to: string;
  individuals: RecapRow[];
  teams: TeamRecapRow[];
  checkIns: WeekOnWeek;
  points: WeekOnWeek;
}

const weekOnWeek = (thisWeek: number, lastWeek: number): WeekOnWeek => ({
  thisWeek,
  lastWeek,
  change: thisWeek - lastWeek,
});

/** Sums a per-day figure over everyone for days `from`…`to`. */
function total(
  participants: readonly Participant[],
  pick: (p: Participant) => number[],
  from: number,
  to: number,
) {
  return participants.reduce((n, p) => n + sumBetween(pick(p), from, to), 0);
}

function withChanges<T extends { rank: number }>(
  current: readonly T[],
  previous: readonly T[] | undefined,
  keyOf: (row: T) => string,
): (T & { previousRank: number | null; change: number | null })[] {
  const before = new Map((previous ?? []).map((row) => [keyOf(row), row.rank]));
  return current.map((row) => {
    const previousRank = before.get(keyOf(row)) ?? null;
    return { ...row, previousRank, change: previousRank === null ? null : previousRank - row.rank };
  });
}

/**
 * The recap of the 7 days ending `asOf` (default: yesterday; never past the last day).
 * @example weeklyRecap(challenge, await store.listMembers(challenge.id), clock.now())
 */
export function weeklyRecap(
  timing: ChallengeTiming,
  participants: readonly Participant[],
  now: Date,
  asOf?: string,
): WeeklyRecap {
  const wanted = asOf ?? localClock(now, timing.zone).yesterday;
  const to = Math.min(dayIndex(timing, wanted), timing.days - 1);
  const weekStart = Math.max(0, to - 6);
  const previousEnd = to - 7;
  const current = rankIndividualsThrough(timing, participants, to);
  const joinedBefore = participants.filter((p) => dayIndex(timing, p.joinDate) <= previousEnd);
  const previous = previousEnd >= 0 ? rankIndividualsThrough(timing, joinedBefore, previousEnd) : undefined;
  const byId = new Map(participants.map((p) => [p.userId, p]));
  const individuals = withChanges(current, previous, (s) => s.userId).map((row) => ({
    ...row,
    weekPoints: sumBetween(byId.get(row.userId)?.dayPoints ?? [], weekStart, to),
  }));
  const teamKey = (t: TeamStanding) => t.team.toLowerCase();
  const teams = withChanges(rankTeams(current), previous && rankTeams(previous), teamKey);
  return {
    from: dateOfDay(timing, weekStart),
    to: dateOfDay(timing, Math.max(to, weekStart)),
    individuals,
    teams,
    checkIns: weekOnWeek(
      total(participants, (p) => p.dayCheckIns, weekStart, to),
      total(participants, (p) => p.dayCheckIns, to - 13, previousEnd),
    ),
    points: weekOnWeek(
      total(participants, (p) => p.dayPoints, weekStart, to),
      total(participants, (p) => p.dayPoints, to - 13, previousEnd),
    ),
  };
}

/** "▲2", "▼1", "=", or "new". */
function formatChange(change: number | null): string {
  if (change === null) return "new";
  if (change === 0) return "=";
  return change > 0 ? `▲${change}` : `▼${-change}`;
}

/** "+5" / "-3" / "±0". */
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `${n}` : "±0");

/** Plain-text recap (the post's text and the console's), top `limit` rows. */
export function formatRecapText(title: string, recap: WeeklyRecap, limit = 10): string {
  const people = recap.individuals
    .slice(0, limit)
    .map(
      (r) =>
        `${r.rank}. ${r.label}: ${r.points} pts (${signed(r.weekPoints)} this week) ${formatChange(r.change)}`,
    );
  const teams = recap.teams
    .slice(0, limit)
    .map((t) => `${t.rank}. ${t.team}: ${t.average.toFixed(1)} pts per member ${formatChange(t.change)}`);
  return [
    `${title}: week ${recap.from} to ${recap.to}`,
    `Check-ins: ${recap.checkIns.thisWeek} (${signed(recap.checkIns.change)} on last week)`,
    `Points: ${recap.points.thisWeek} (${signed(recap.points.change)} on last week)`,
    people.length > 0 ? `Standings:\n${people.join("\n")}` : "No members yet.",
    teams.length > 0 ? `Teams:\n${teams.join("\n")}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}
