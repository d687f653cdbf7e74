import type { Transaction } from "kysely";
import type { DeletedCounts } from "../../core/storage-ports/challenge-store.js";
import type { Platform } from "../../core/storage-ports/records.js";
import {
  type ChallengesDatabase,
  type Db,
  FORGOTTEN_USER,
  toChallenge,
  toCheckIn,
  toMember,
} from "./challenge-tables.js";

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

export async function deleteUserData(db: Db, platform: Platform, userId: string): Promise<DeletedCounts> {
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

export async function deleteWorkspaceData(
  db: Db,
  platform: Platform,
  workspaceId: string,
): Promise<DeletedCounts> {
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

export async function exportUserData(db: Db, platform: Platform, userId: string) {
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
