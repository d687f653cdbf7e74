/**
 * The ChallengeStore over Kysely: the same portable queries on SQLite and PostgreSQL.
 * A check-in is `INSERT … ON CONFLICT DO NOTHING` on (challenge, user, task, local date),
 * inside a transaction that first bumps the member's `revision`: that row lock serialises
 * one member's writes (PostgreSQL; SQLite has one writer anyway), so the totals recomputed
 * from that member's check-ins in the next statement always see every committed one.
 */
import { randomUUID } from "node:crypto";
import type { Challenge, ChallengeStore, NewChallenge } from "../../core/storage-ports/challenge-store.js";
import { addCheckIn, joinChallenge, removeCheckIn, type TimingCache } from "./challenge-checkins.js";
import { deleteUserData, deleteWorkspaceData, exportUserData } from "./challenge-privacy.js";
import { leaderboardSlice, listCheckIns, listMembers, listStandings } from "./challenge-standings.js";
import {
  type ChallengeStoreGuard,
  type ChallengesTable,
  channelCols,
  type Db,
  memberKey,
  toChallenge,
  toMember,
} from "./challenge-tables.js";

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
    listWorkspaceChallenges: (platform, workspaceId) =>
      guard("list the workspace's challenges", async () => {
        const rows = await db
          .selectFrom("challenges")
          .selectAll()
          .where("platform", "=", platform)
          .where("workspace_id", "=", workspaceId)
          .where("ended_at", "is", null)
          .orderBy("created_at")
          .orderBy("id")
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

export {
  type ChallengeStoreGuard,
  type ChallengesDatabase,
  encodeDays,
  FORGOTTEN_USER,
} from "./challenge-tables.js";
