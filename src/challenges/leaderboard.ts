/**
 * Standings: individuals by points, then current streak, then the earliest last check-in,
 * then user id (so every tie breaks the same way everywhere); teams (teams.ts) by average
 * points per member. Hidden members show as "anonymous member"; leavers keep their points.
 */
import type { ChallengeTiming, MemberStanding, Participant } from "./model.js";
import { sumThrough } from "./scoring.js";
import { memberStreak, type Streak, streakClock, streakThrough } from "./streaks.js";
import { rankTeamTotals, type TeamStanding, teamTotalsOf } from "./teams.js";

export type { TeamStanding };

/** How a hidden member is shown. */
export const ANONYMOUS_LABEL = "anonymous member";

/** One person's place on the leaderboard. */
export interface Standing {
  /** 1-based position after tie-breaks. */
  rank: number;
  userId: string;
  /** The display name, or ANONYMOUS_LABEL for hidden members: the only name to show. */
  label: string;
  team: string | null;
  points: number;
  checkIns: number;
  streak: number;
  bestStreak: number;
  lastCheckInAt: number | null;
  hidden: boolean;
  left: boolean;
}

/** Individual and team standings at one instant. */
export interface Leaderboard {
  individuals: Standing[];
  teams: TeamStanding[];
}

type Unranked = Omit<Standing, "rank">;

/** Numbers rows 1…n in place, in their sorted order (no copies: leaderboards can be large). */
function assignRanks<T extends { rank: number }>(rows: T[]): T[] {
  rows.forEach((row, i) => {
    row.rank = i + 1;
  });
  return rows;
}

/** The name to show for a member. */
function displayLabel(member: Pick<MemberStanding, "displayName" | "hidden">): string {
  return member.hidden ? ANONYMOUS_LABEL : member.displayName;
}

/** Earlier last check-in first; none at all last. */
function compareLastAt(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/** The deterministic order: points, streak, earliest last check-in, user id. */
function compareStandings(a: Unranked, b: Unranked): number {
  return (
    b.points - a.points ||
    b.streak - a.streak ||
    compareLastAt(a.lastCheckInAt, b.lastCheckInAt) ||
    (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)
  );
}

function toStanding(
  p: MemberStanding,
  points: number,
  checkIns: number,
  streak: Streak,
  lastAt: number | null,
): Standing {
  return {
    rank: 0,
    userId: p.userId,
    label: displayLabel(p),
    team: p.team,
    points,
    checkIns,
    streak: streak.current,
    bestStreak: streak.best,
    lastCheckInAt: lastAt,
    hidden: p.hidden,
    left: p.leftAt !== null,
  };
}

/**
 * Individual standings at `now`.
 * @example rankIndividuals(challenge, await store.listMembers(challenge.id), new Date())
 */
export function rankIndividuals(
  timing: ChallengeTiming,
  rows: readonly MemberStanding[],
  now: Date,
): Standing[] {
  const clock = streakClock(timing, now);
  const standings = rows.map((p) =>
    toStanding(p, p.points, p.checkIns, memberStreak(timing, p, now, clock), p.lastCheckInAt),
  );
  return assignRanks(standings.sort(compareStandings));
}

/**
 * Individual standings as they stood at the end of day `throughIndex` (for the weekly
 * recap's "last week"); the exact time of a past last check-in is not kept, so ties past
 * points and streak fall to the user id.
 */
export function rankIndividualsThrough(
  timing: ChallengeTiming,
  participants: readonly Participant[],
  throughIndex: number,
): Standing[] {
  const rows = participants.map((p) =>
    toStanding(
      p,
      sumThrough(p.dayPoints, throughIndex),
      sumThrough(p.dayCheckIns, throughIndex),
      streakThrough(timing, p, throughIndex),
      null,
    ),
  );
  return assignRanks(rows.sort(compareStandings));
}

/** Team standings from individual standings; members without a team are left out. */
export function rankTeams(standings: readonly Standing[]): TeamStanding[] {
  return rankTeamTotals(teamTotalsOf(standings));
}

/**
 * Individuals and teams at `now`.
 * @example const { individuals, teams } = computeLeaderboard(challenge, members, clock.now())
 */
export function computeLeaderboard(
  timing: ChallengeTiming,
  rows: readonly MemberStanding[],
  now: Date,
): Leaderboard {
  const individuals = rankIndividuals(timing, rows, now);
  return { individuals, teams: rankTeams(individuals) };
}
