/**
 * Team standings: teams ranked by average points per member (so size doesn't win), then
 * the earliest last check-in, then name. Built from per-spelling totals, which come either
 * from individual standings or straight from the store's GROUP BY, so both paths agree.
 */
import type { TeamTotals } from "../core/storage-ports/challenge-store.js";

export type { TeamTotals };

/** One team's place, by average points per member. */
export interface TeamStanding {
  rank: number;
  team: string;
  /** Everyone who is or was on the team (leavers' points stay). */
  members: number;
  points: number;
  /** Points per member: what teams are ranked by. */
  average: number;
  lastCheckInAt: number | null;
}

const laterOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/** Totals per exact team spelling from standings; members without a team are left out. */
export function teamTotalsOf(
  rows: readonly { team: string | null; points: number; lastCheckInAt: number | null }[],
): TeamTotals[] {
  const byTeam = new Map<string, TeamTotals>();
  for (const row of rows) {
    if (row.team === null) continue;
    const t = byTeam.get(row.team) ?? { team: row.team, members: 0, points: 0, lastCheckInAt: null };
    t.members += 1;
    t.points += row.points;
    t.lastCheckInAt = laterOf(t.lastCheckInAt, row.lastCheckInAt);
    byTeam.set(row.team, t);
  }
  return [...byTeam.values()];
}

/** Code-point order, the same in every locale and on both database backends. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Merges spellings that differ only in case ("Blue", "blue") into one team, shown with the
 * spelling most of its members use (ties: code-point order).
 */
function mergeSpellings(totals: readonly TeamTotals[]): TeamTotals[] {
  const groups = new Map<string, TeamTotals[]>();
  for (const t of totals) {
    const key = t.team.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()].map((spellings) => {
    const [shown] = [...spellings].sort((a, b) => b.members - a.members || byCodePoint(a.team, b.team));
    return spellings.reduce(
      (sum, t) => ({
        team: sum.team,
        members: sum.members + t.members,
        points: sum.points + t.points,
        lastCheckInAt: laterOf(sum.lastCheckInAt, t.lastCheckInAt),
      }),
      { team: shown?.team ?? "", members: 0, points: 0, lastCheckInAt: null as number | null },
    );
  });
}

/** Earlier last check-in first; none at all last. */
function compareLastAt(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/** Team order: average points (compared exactly, cross-multiplied), earliest last check-in, name. */
function compareTeams(a: TeamTotals, b: TeamTotals): number {
  return (
    b.points * a.members - a.points * b.members ||
    compareLastAt(a.lastCheckInAt, b.lastCheckInAt) ||
    byCodePoint(a.team, b.team)
  );
}

/**
 * Ranked teams from per-spelling totals.
 * @example rankTeamTotals(slice.teams)
 */
export function rankTeamTotals(totals: readonly TeamTotals[]): TeamStanding[] {
  return mergeSpellings(totals)
    .sort(compareTeams)
    .map((t, i) => ({ rank: i + 1, ...t, average: t.points / t.members }));
}
