/**
 * The ChallengeStore over Kysely: the same portable queries on SQLite and PostgreSQL.
 * A check-in is `INSERT … ON CONFLICT DO NOTHING` on (challenge, user, task, local date),
 * inside a transaction that first bumps the member's `revision`: that row lock serialises
 * one member's writes (PostgreSQL; SQLite has one writer anyway), so the totals recomputed
 * from that member's check-ins in the next statement always see every committed one.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { buildActivity } from "../challenges/scoring.js";
import type {
  Challenge,
  ChallengeCheckIn,
  ChallengeMember,
  ChallengeStore,
  CheckInKey,
  DeletedCounts,
  JoinOutcome,
  LeaderboardSlice,
  MemberStanding,
  NewChallenge,
  NewMember,
  TeamTotals,
} from "./challenge-store.js";
import type { ChannelRef, Platform } from "./storage.js";

/** One challenge; primary key id. */
export interface ChallengesTable {
  id: string;
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  template_id: string;
  name: string;
  start_date: string;
  days: number;
  zone: string;
  reminder_time: string | null;
  created_by: string;
  created_at: number;
  ended_at: number | null;
  ended_by: string | null;
}

/** One membership with its totals; primary key (challenge_id, user_id). */
export interface ChallengeMembersTable {
  challenge_id: string;
  user_id: string;
  display_name: string;
  team: string | null;
  joined_at: number;
  join_date: string;
  left_at: number | null;
  /** 0 or 1 (SQLite has no boolean). */
  hidden: number;
  points: number;
  check_ins: number;
  last_checkin_at: number | null;
  /** Comma-separated points per challenge day. */
  day_points: string;
  /** Comma-separated check-ins per challenge day. */
  day_checkins: string;
  revision: number;
}

/** One check-in; primary key (challenge_id, user_id, task_id, local_date). */
export interface ChallengeCheckInsTable {
  challenge_id: string;
  user_id: string;
  task_id: string;
  local_date: string;
  at: number;
  points: number;
  note: string | null;
}

/** The tables this store uses (part of the full `Database`). */
export interface ChallengesDatabase {
  challenges: ChallengesTable;
  challenge_members: ChallengeMembersTable;
  challenge_checkins: ChallengeCheckInsTable;
}

/** Wraps each operation so driver failures become a `StorageError` naming the action. */
export type ChallengeStoreGuard = <T>(action: string, run: () => Promise<T>) => Promise<T>;

type Db = Kysely<ChallengesDatabase>;

/** What replaces a forgotten person's id on challenges they started or ended. */
export const FORGOTTEN_USER = "(forgotten)";

/** How per-day totals are stored: comma-separated numbers, index 0 = start date (also used by bulk seeding). */
export const encodeDays = (values: readonly number[]) => values.join(",");
/** Parses `encodeDays` output; a hand loop, ~10× faster than split + Number on 5,000-member reads. */
function decodeDays(text: string): number[] {
  const days: number[] = [];
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 44 /* , */) {
      days.push(value);
      value = 0;
    } else {
      value = value * 10 + (code - 48);
    }
  }
  if (text.length > 0) days.push(value);
  return days;
}
const nullableNumber = (value: number | null) => (value === null ? null : Number(value));

function toChallenge(row: ChallengesTable): Challenge {
  return {
    id: row.id,
    channel: { platform: row.platform, workspaceId: row.workspace_id, channelId: row.channel_id },
    templateId: row.template_id,
    name: row.name,
    startDate: row.start_date,
    days: Number(row.days),
    zone: row.zone,
    reminderTime: row.reminder_time,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    endedAt: nullableNumber(row.ended_at),
    endedBy: row.ended_by,
  };
}

function toMember(row: ChallengeMembersTable): ChallengeMember {
  return {
    challengeId: row.challenge_id,
    userId: row.user_id,
    displayName: row.display_name,
    team: row.team,
    joinedAt: Number(row.joined_at),
    joinDate: row.join_date,
    leftAt: nullableNumber(row.left_at),
    hidden: Number(row.hidden) === 1,
    points: Number(row.points),
    checkIns: Number(row.check_ins),
    lastCheckInAt: nullableNumber(row.last_checkin_at),
    dayPoints: decodeDays(row.day_points),
    dayCheckIns: decodeDays(row.day_checkins),
  };
}

function toCheckIn(row: ChallengeCheckInsTable): ChallengeCheckIn {
  return {
    challengeId: row.challenge_id,
    userId: row.user_id,
    taskId: row.task_id,
    localDate: row.local_date,
    at: Number(row.at),
    points: Number(row.points),
    note: row.note,
  };
}

const channelCols = (c: ChannelRef) => ({
  platform: c.platform,
  workspace_id: c.workspaceId,
  channel_id: c.channelId,
});
const memberKey = (challengeId: string, userId: string) => ({ challenge_id: challengeId, user_id: userId });

/** Takes the member's row lock (bumping `revision`); their join date, or undefined when not a (current) member. */
async function lockMember(trx: Transaction<ChallengesDatabase>, key: CheckInKey, activeOnly: boolean) {
  let query = trx
    .updateTable("challenge_members")
    .set((eb) => ({ revision: eb("revision", "+", 1) }))
    .where("challenge_id", "=", key.challengeId)
    .where("user_id", "=", key.userId);
  if (activeOnly) query = query.where("left_at", "is", null);
  return (await query.returning("join_date").executeTakeFirst())?.join_date;
}

/** A challenge's first day and length; they never change, so each store remembers them. */
type TimingCache = Map<string, { startDate: string; days: number }>;

async function timingOf(trx: Transaction<ChallengesDatabase>, cache: TimingCache, challengeId: string) {
  const known = cache.get(challengeId);
  if (known) return known;
  const row = await trx
    .selectFrom("challenges")
    .select(["start_date", "days"])
    .where("id", "=", challengeId)
    .executeTakeFirstOrThrow();
  const timing = { startDate: row.start_date, days: Number(row.days) };
  cache.set(challengeId, timing);
  return timing;
}

/** Recomputes a member's totals from their check-ins (call holding the member's lock). */
async function refreshTotals(
  trx: Transaction<ChallengesDatabase>,
  timing: { startDate: string; days: number },
  key: Pick<CheckInKey, "challengeId" | "userId">,
  joinDate: string,
) {
  const { challengeId, userId } = key;
  const rows = await trx
    .selectFrom("challenge_checkins")
    .select(["local_date", "at", "points"])
    .where((eb) => eb.and(memberKey(challengeId, userId)))
    .execute();
  const facts = rows.map((r) => ({ localDate: r.local_date, at: Number(r.at), points: Number(r.points) }));
  const activity = buildActivity(timing, joinDate, facts);
  const updated = await trx
    .updateTable("challenge_members")
    .set({
      points: activity.points,
      check_ins: activity.checkIns,
      last_checkin_at: activity.lastCheckInAt,
      day_points: encodeDays(activity.dayPoints),
      day_checkins: encodeDays(activity.dayCheckIns),
    })
    .where((eb) => eb.and(memberKey(challengeId, userId)))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMember(updated);
}

async function joinChallenge(db: Db, m: NewMember): Promise<JoinOutcome> {
  return db.transaction().execute(async (trx) => {
    const challenge = await trx
      .selectFrom("challenges")
      .select("days")
      .where("id", "=", m.challengeId)
      .executeTakeFirst();
    if (!challenge) throw new Error(`no challenge ${m.challengeId}`);
    const zeros = encodeDays(new Array<number>(Number(challenge.days)).fill(0));
    const inserted = await trx
      .insertInto("challenge_members")
      .values({
        ...memberKey(m.challengeId, m.userId),
        display_name: m.displayName,
        team: m.team,
        joined_at: m.joinedAt,
        join_date: m.joinDate,
        left_at: null,
        hidden: 0,
        points: 0,
        check_ins: 0,
        last_checkin_at: null,
        day_points: zeros,
        day_checkins: zeros,
        revision: 0,
      })
      .onConflict((oc) => oc.columns(["challenge_id", "user_id"]).doNothing())
      .returning("user_id")
      .executeTakeFirst();
    if (inserted) return "joined";
    const rejoined = await trx
      .updateTable("challenge_members")
      .set({ left_at: null, display_name: m.displayName, ...(m.team === null ? {} : { team: m.team }) })
      .where((eb) => eb.and(memberKey(m.challengeId, m.userId)))
      .where("left_at", "is not", null)
      .executeTakeFirst();
    return Number(rejoined.numUpdatedRows) > 0 ? "rejoined" : "already_member";
  });
}

async function addCheckIn(db: Db, cache: TimingCache, c: ChallengeCheckIn) {
  return db.transaction().execute(async (trx) => {
    const joinDate = await lockMember(trx, c, true);
    if (joinDate === undefined) return { status: "not_member" as const };
    const inserted = await trx
      .insertInto("challenge_checkins")
      .values({
        ...memberKey(c.challengeId, c.userId),
        task_id: c.taskId,
        local_date: c.localDate,
        at: c.at,
        points: c.points,
        note: c.note,
      })
      .onConflict((oc) => oc.columns(["challenge_id", "user_id", "task_id", "local_date"]).doNothing())
      .returning("at")
      .executeTakeFirst();
    if (!inserted) return { status: "duplicate" as const };
    const member = await refreshTotals(trx, await timingOf(trx, cache, c.challengeId), c, joinDate);
    return { status: "added" as const, member };
  });
}

async function removeCheckIn(db: Db, cache: TimingCache, key: CheckInKey): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const joinDate = await lockMember(trx, key, false);
    if (joinDate === undefined) return false;
    const deleted = await trx
      .deleteFrom("challenge_checkins")
      .where((eb) =>
        eb.and({ ...memberKey(key.challengeId, key.userId), task_id: key.taskId, local_date: key.localDate }),
      )
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return false;
    await refreshTotals(trx, await timingOf(trx, cache, key.challengeId), key, joinDate);
    return true;
  });
}

/** Deletes members then check-ins (members first: the same lock order as a check-in) of some challenges. */
async function deleteWhere(
  trx: Transaction<ChallengesDatabase>,
  challengeIds: (db: Transaction<ChallengesDatabase>) => ReturnType<typeof selectIds>,
  userId: string | undefined,
): Promise<Omit<DeletedCounts, "challenges">> {
  let members = trx.deleteFrom("challenge_members").where("challenge_id", "in", challengeIds(trx));
  let checkIns = trx.deleteFrom("challenge_checkins").where("challenge_id", "in", challengeIds(trx));
  if (userId !== undefined) {
    members = members.where("user_id", "=", userId);
    checkIns = checkIns.where("user_id", "=", userId);
  }
  const memberships = Number((await members.executeTakeFirst()).numDeletedRows);
  return { memberships, checkIns: Number((await checkIns.executeTakeFirst()).numDeletedRows) };
}

function selectIds(db: Transaction<ChallengesDatabase>, platform: Platform, workspaceId?: string) {
  let query = db.selectFrom("challenges").select("id").where("platform", "=", platform);
  if (workspaceId !== undefined) query = query.where("workspace_id", "=", workspaceId);
  return query;
}

async function deleteUserData(db: Db, platform: Platform, userId: string): Promise<DeletedCounts> {
  return db.transaction().execute(async (trx) => {
    const counts = await deleteWhere(trx, (t) => selectIds(t, platform), userId);
    for (const column of ["created_by", "ended_by"] as const) {
      await trx
        .updateTable("challenges")
        .set({ [column]: FORGOTTEN_USER })
        .where("platform", "=", platform)
        .where(column, "=", userId)
        .execute();
    }
    return { challenges: 0, ...counts };
  });
}

async function deleteWorkspaceData(db: Db, platform: Platform, workspaceId: string): Promise<DeletedCounts> {
  return db.transaction().execute(async (trx) => {
    const counts = await deleteWhere(trx, (t) => selectIds(t, platform, workspaceId), undefined);
    const removed = await trx
      .deleteFrom("challenges")
      .where("platform", "=", platform)
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirst();
    return { challenges: Number(removed.numDeletedRows), ...counts };
  });
}

async function exportUserData(db: Db, platform: Platform, userId: string) {
  return db.transaction().execute(async (trx) => {
    const ids = (t: Transaction<ChallengesDatabase>) => selectIds(t, platform);
    const challenges = (
      await trx.selectFrom("challenges").selectAll().where("platform", "=", platform).execute()
    ).map(toChallenge);
    const byId = new Map(challenges.map((c) => [c.id, c]));
    const members = await trx
      .selectFrom("challenge_members")
      .selectAll()
      .where("user_id", "=", userId)
      .where("challenge_id", "in", ids(trx))
      .orderBy("joined_at")
      .execute();
    const checkIns = await trx
      .selectFrom("challenge_checkins")
      .selectAll()
      .where("user_id", "=", userId)
      .where("challenge_id", "in", ids(trx))
      .orderBy("local_date")
      .orderBy("at")
      .execute();
    return {
      memberships: members.flatMap((row) => {
        const challenge = byId.get(row.challenge_id);
        return challenge ? [{ ...toMember(row), challenge }] : [];
      }),
      checkIns: checkIns.map(toCheckIn),
      challengesStartedOrEnded: challenges
        .filter((c) => c.createdBy === userId || c.endedBy === userId)
        .map((c) => c.id),
    };
  });
}

async function listCheckIns(db: Db | Transaction<ChallengesDatabase>, challengeId: string, userId?: string) {
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
async function listMembers(db: Db | Transaction<ChallengesDatabase>, challengeId: string) {
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
async function listStandings(db: Db, challengeId: string): Promise<MemberStanding[]> {
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

async function leaderboardSlice(
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

async function createChallenge(db: Db, input: NewChallenge): Promise<Challenge> {
  const row: ChallengesTable = {
    id: randomUUID(),
    ...channelCols(input.channel),
    template_id: input.templateId,
    name: input.name,
    start_date: input.startDate,
    days: input.days,
    zone: input.zone,
    reminder_time: input.reminderTime,
    created_by: input.createdBy,
    created_at: input.createdAt,
    ended_at: null,
    ended_by: null,
  };
  await db.insertInto("challenges").values(row).execute();
  return toChallenge(row);
}

/** Runs an update and says whether it touched a row. */
const touched = async (query: { executeTakeFirst(): Promise<{ numUpdatedRows: bigint }> }) =>
  Number((await query.executeTakeFirst()).numUpdatedRows) > 0;

/**
 * The ChallengeStore over a Kysely instance whose schema includes migration 004.
 * @example const challenges = createKyselyChallengeStore(db, guard); await challenges.addCheckIn(checkIn)
 */
export function createKyselyChallengeStore(db: Db, guard: ChallengeStoreGuard): ChallengeStore {
  const timings: TimingCache = new Map();
  const member = (challengeId: string, userId: string) =>
    db.updateTable("challenge_members").where((eb) => eb.and(memberKey(challengeId, userId)));
  return {
    createChallenge: (input) => guard("create a challenge", () => createChallenge(db, input)),
    getChallenge: (id) =>
      guard("read a challenge", async () => {
        const row = await db.selectFrom("challenges").selectAll().where("id", "=", id).executeTakeFirst();
        return row ? toChallenge(row) : undefined;
      }),
    listActiveChallenges: (c) =>
      guard("list the channel's challenges", async () => {
        const rows = await db
          .selectFrom("challenges")
          .selectAll()
          .where((eb) => eb.and(channelCols(c)))
          .where("ended_at", "is", null)
          .orderBy("created_at")
          .orderBy("id")
          .execute();
        return rows.map(toChallenge);
      }),
    listUnendedChallenges: () =>
      guard("list open challenges", async () => {
        const rows = await db
          .selectFrom("challenges")
          .selectAll()
          .where("ended_at", "is", null)
          .orderBy("created_at")
          .execute();
        return rows.map(toChallenge);
      }),
    endChallenge: (id, at, by) =>
      guard("end a challenge", () =>
        touched(
          db
            .updateTable("challenges")
            .set({ ended_at: at, ended_by: by })
            .where("id", "=", id)
            .where("ended_at", "is", null),
        ),
      ),
    setReminder: (id, time) =>
      guard("set the reminder", () =>
        touched(db.updateTable("challenges").set({ reminder_time: time }).where("id", "=", id)),
      ),
    joinChallenge: (m) => guard("join a challenge", () => joinChallenge(db, m)),
    leaveChallenge: (challengeId, userId, at) =>
      guard("leave a challenge", () =>
        touched(member(challengeId, userId).set({ left_at: at }).where("left_at", "is", null)),
      ),
    setTeam: (challengeId, userId, team) =>
      guard("set a team", () => touched(member(challengeId, userId).set({ team }))),
    setHidden: (challengeId, userId, hidden) =>
      guard("hide a name", () => touched(member(challengeId, userId).set({ hidden: hidden ? 1 : 0 }))),
    getMember: (challengeId, userId) =>
      guard("read a member", async () => {
        const row = await db
          .selectFrom("challenge_members")
          .selectAll()
          .where((eb) => eb.and(memberKey(challengeId, userId)))
          .executeTakeFirst();
        return row ? toMember(row) : undefined;
      }),
    listMembers: (challengeId) => guard("list members", () => listMembers(db, challengeId)),
    listStandings: (challengeId) => guard("read the standings", () => listStandings(db, challengeId)),
    leaderboardSlice: (challengeId, options) =>
      guard("read the leaderboard", () => leaderboardSlice(db, challengeId, options)),
    addCheckIn: (c) => guard("record a check-in", () => addCheckIn(db, timings, c)),
    removeCheckIn: (key) => guard("undo a check-in", () => removeCheckIn(db, timings, key)),
    listCheckIns: (challengeId, filter) =>
      guard("list check-ins", () => listCheckIns(db, challengeId, filter?.userId)),
    exportChallenge: (challengeId) =>
      guard("export a challenge", () =>
        db.transaction().execute(async (trx) => {
          const row = await trx
            .selectFrom("challenges")
            .selectAll()
            .where("id", "=", challengeId)
            .executeTakeFirst();
          if (!row) return undefined;
          return {
            challenge: toChallenge(row),
            members: await listMembers(trx, challengeId),
            checkIns: await listCheckIns(trx, challengeId),
          };
        }),
      ),
    exportUserData: (platform, userId) =>
      guard("export a person's data", () => exportUserData(db, platform, userId)),
    deleteUserData: (platform, userId) =>
      guard("delete a person's data", () => deleteUserData(db, platform, userId)),
    deleteWorkspaceData: (platform, workspaceId) =>
      guard("delete a workspace's data", () => deleteWorkspaceData(db, platform, workspaceId)),
  };
}
