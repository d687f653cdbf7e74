import type { Transaction } from "kysely";
import type {
  LeaderboardSlice,
  MemberStanding,
  TeamTotals,
} from "../../core/storage-ports/challenge-store.js";
import {
  type ChallengeMembersTable,
  type ChallengesDatabase,
  type Db,
  decodeDays,
  nullableNumber,
  toCheckIn,
  toMember,
} from "./challenge-tables.js";

export async function listCheckIns(
  db: Db | Transaction<ChallengesDatabase>,
  challengeId: string,
  userId?: string,
) {
  let query = db.selectFrom("challenge_checkins").selectAll().where("challenge_id", "=", challengeId);
  if (userId !== undefined) query = query.where("user_id", "=", userId);
  const rows = await query
    .orderBy("local_date")
    .orderBy("at")
    .orderBy("user_id")
    .orderBy("task_id")
    .execute();
  return rows.map(toCheckIn);
}

/** Members in primary-key order (user id), so the 5,000-row leaderboard read needs no sort. */
export async function listMembers(db: Db | Transaction<ChallengesDatabase>, challengeId: string) {
  const rows = await db
    .selectFrom("challenge_members")
    .selectAll()
    .where("challenge_id", "=", challengeId)
    .orderBy("user_id")
    .execute();
  return rows.map(toMember);
}

const STANDING_COLUMNS = [
  "user_id",
  "display_name",
  "team",
  "join_date",
  "left_at",
  "hidden",
  "points",
  "check_ins",
  "last_checkin_at",
  "day_checkins",
] as const;

type StandingRow = Pick<ChallengeMembersTable, (typeof STANDING_COLUMNS)[number]>;

function toStanding(row: StandingRow): MemberStanding {
  return {
    userId: row.user_id,
    displayName: row.display_name,
    team: row.team,
    joinDate: row.join_date,
    leftAt: nullableNumber(row.left_at),
    hidden: Number(row.hidden) === 1,
    points: Number(row.points),
    checkIns: Number(row.check_ins),
    lastCheckInAt: nullableNumber(row.last_checkin_at),
    dayCheckIns: decodeDays(row.day_checkins),
  };
}

/** The standing columns of one challenge's members (10 of the 14 columns). */
const standings = (db: Db, challengeId: string) =>
  db.selectFrom("challenge_members").select(STANDING_COLUMNS).where("challenge_id", "=", challengeId);

/** Every member's standing, in primary-key order. */
export async function listStandings(db: Db, challengeId: string): Promise<MemberStanding[]> {
  return (await standings(db, challengeId).orderBy("user_id").execute()).map(toStanding);
}

const countWhere = async (query: ReturnType<typeof members>) =>
  Number((await query.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
const members = (db: Db, challengeId: string) =>
  db.selectFrom("challenge_members").where("challenge_id", "=", challengeId);

/** Everyone who can be in the top `limit`: all with at least the edge's points, then 0-point members by id. */
async function topCandidates(db: Db, challengeId: string, limit: number): Promise<MemberStanding[]> {
  const edge = await members(db, challengeId)
    .select("points")
    .orderBy("points", "desc")
    .limit(1)
    .offset(Math.max(0, limit - 1))
    .executeTakeFirst();
  const floor = Math.max(1, Number(edge?.points ?? 1));
  const scored = (await standings(db, challengeId).where("points", ">=", floor).execute()).map(toStanding);
  if (scored.length >= limit) return scored;
  const zero = standings(db, challengeId)
    .where("points", "=", 0)
    .orderBy("user_id")
    .limit(limit - scored.length);
  return [...scored, ...(await zero.execute()).map(toStanding)];
}

/** The asker's row, how many rank above them for sure, and who shares their points. */
async function around(db: Db, challengeId: string, userId: string): Promise<LeaderboardSlice["me"]> {
  const mine = await standings(db, challengeId).where("user_id", "=", userId).executeTakeFirst();
  if (!mine) return undefined;
  const points = Number(mine.points);
  if (points === 0) {
    // 0 points: no check-ins, so no streak or last check-in: ties fall to the user id.
    const scored = await countWhere(members(db, challengeId).where("points", ">", 0));
    const before = await countWhere(
      members(db, challengeId).where("points", "=", 0).where("user_id", "<", userId),
    );
    return { userId, above: scored + before, peers: [toStanding(mine)] };
  }
  const above = await countWhere(members(db, challengeId).where("points", ">", points));
  const peers = (await standings(db, challengeId).where("points", "=", points).execute()).map(toStanding);
  return { userId, above, peers };
}

/** Totals per exact team spelling (null: no team), summed by the database in one pass. */
async function teamTotals(
  db: Db,
  challengeId: string,
): Promise<(Omit<TeamTotals, "team"> & { team: string | null })[]> {
  const rows = await members(db, challengeId)
    .select((eb) => [
      "team",
      eb.fn.countAll().as("members"),
      eb.fn.sum("points").as("points"),
      eb.fn.max("last_checkin_at").as("last"),
    ])
    .groupBy("team")
    .execute();
  return rows.map((r) => ({
    team: r.team,
    members: Number(r.members),
    points: Number(r.points),
    lastCheckInAt: r.last === null ? null : Number(r.last),
  }));
}

export async function leaderboardSlice(
  db: Db,
  challengeId: string,
  options: { limit: number; userId?: string },
): Promise<LeaderboardSlice> {
  const [groups, top, me] = await Promise.all([
    teamTotals(db, challengeId),
    topCandidates(db, challengeId, options.limit),
    options.userId === undefined ? undefined : around(db, challengeId, options.userId),
  ]);
  const total = groups.reduce((n, g) => n + g.members, 0);
  const teams = groups.flatMap(({ team, ...t }) => (team === null ? [] : [{ team, ...t }]));
  return { total, top, ...(me ? { me } : {}), teams };
}
