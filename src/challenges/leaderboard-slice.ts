/**
 * The leaderboard reply from a LeaderboardSlice (the store's top-by-points read): the top
 * `limit` with exact ranks, the asker's exact rank, and the teams, without ranking every
 * member. Agrees with `computeLeaderboard` (the contract suite checks it on both backends).
 */
import type { LeaderboardSlice } from "../core/storage-ports/challenge-store.js";
import { rankIndividuals, type Standing } from "./leaderboard.js";
import type { ChallengeTiming } from "./model.js";
import { rankTeamTotals, type TeamStanding } from "./teams.js";

/** Rows shown on a leaderboard reply and its picture. */
export const LEADERBOARD_TOP = 15;

/** What a leaderboard reply shows. */
export interface LeaderboardView {
  /** The top rows, ranks exact. */
  individuals: Standing[];
  /** The asker's own standing, exact rank, when they are a member. */
  me: Standing | undefined;
  /** Members in all (for "…and N more"). */
  total: number;
  teams: TeamStanding[];
}

/** The asker's standing: their place among peers on equal points, after everyone above. */
function myStanding(timing: ChallengeTiming, me: NonNullable<LeaderboardSlice["me"]>, now: Date) {
  const peers = rankIndividuals(timing, me.peers, now);
  const mine = peers.find((s) => s.userId === me.userId);
  return mine && { ...mine, rank: me.above + mine.rank };
}

/**
 * The leaderboard view at `now`.
 * @example rankSlice(challenge, await store.leaderboardSlice(challenge.id, { limit: 15, userId }), now, 15)
 */
export function rankSlice(
  timing: ChallengeTiming,
  slice: LeaderboardSlice,
  now: Date,
  limit = LEADERBOARD_TOP,
): LeaderboardView {
  return {
    individuals: rankIndividuals(timing, slice.top, now).slice(0, limit),
    me: slice.me && myStanding(timing, slice.me, now),
    total: slice.total,
    teams: rankTeamTotals(slice.teams),
  };
}
