/**
 * The PrivacyStore over Kysely: one person's rows across every table, and a removed
 * workspace's rows after its grace period. Each operation is one transaction, so a
 * failure leaves everything as it was.
 */
import type { Kysely, Transaction } from "kysely";
import type {
  ForgetCounts,
  PrivacyStore,
  PurgedWorkspace,
  UserData,
} from "../../core/storage-ports/privacy-store.js";
import type { Platform } from "../../core/storage-ports/records.js";
import { deleteUserData, deleteWorkspaceData, exportUserData } from "./challenge-privacy.js";
import { type Db, FORGOTTEN_USER } from "./challenge-tables.js";
import type { Database } from "./database.js";
import { personsFormDrafts } from "./form-draft-queries.js";

type Guard = <T>(action: string, run: () => Promise<T>) => Promise<T>;

const count = (result: { numDeletedRows?: bigint; numUpdatedRows?: bigint }) =>
  Number(result.numDeletedRows ?? result.numUpdatedRows ?? 0n);

/** Tables keyed by (platform, workspace_id) that a workspace purge empties for that workspace. */
const WORKSPACE_TABLES = [
  "subscriptions",
  "deliveries",
  "team_tips",
  "feedback",
  "last_answers",
  "safety_numbers",
] as const;

async function exportUser(db: Kysely<Database>, platform: Platform, userId: string): Promise<UserData> {
  const challenges = await exportUserData(db as unknown as Db, platform, userId);
  const feedback = await db
    .selectFrom("feedback")
    .selectAll()
    .where("platform", "=", platform)
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .execute();
  const lastAnswers = await db
    .selectFrom("last_answers")
    .selectAll()
    .where("platform", "=", platform)
    .where("user_id", "=", userId)
    .execute();
  const subscriptions = await db
    .selectFrom("subscriptions")
    .select(["workspace_id", "channel_id", "time", "zone"])
    .where("platform", "=", platform)
    .where("created_by", "=", userId)
    .where("person_id", "is", null)
    .execute();
  const personal = await db
    .selectFrom("subscriptions")
    .select(["workspace_id", "channel_id", "time", "zone", "days", "paused_reason"])
    .where("platform", "=", platform)
    .where("person_id", "=", userId)
    .execute();
  const teamTips = await db
    .selectFrom("team_tips")
    .select(["id", "workspace_id", "channel_id", "text"])
    .where("platform", "=", platform)
    .where("created_by", "=", userId)
    .execute();
  const formDrafts = await personsFormDrafts(db, platform, userId);
  const channel = (row: { workspace_id: string; channel_id: string }) => ({
    platform,
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
  });
  return {
    ...challenges,
    feedback: feedback.map((row) => ({
      id: row.id,
      where: { ...channel(row), userId: row.user_id },
      answerId: row.answer_id,
      question: row.question,
      vote: row.vote,
      note: row.note,
      at: row.created_at,
    })),
    lastAnswers: lastAnswers.map((row) => ({
      workspaceId: row.workspace_id,
      channelId: row.channel_id,
      answerId: row.answer_id,
      question: row.question,
      at: row.updated_at,
    })),
    subscriptionsCreated: subscriptions.map((row) => ({
      channel: channel(row),
      time: row.time,
      zone: row.zone,
    })),
    personalTips: personal.map((row) => ({
      channel: channel(row),
      time: row.time,
      zone: row.zone,
      days: row.days.split(",").filter(Boolean).map(Number),
      pausedReason: row.paused_reason,
    })),
    teamTipsCreated: teamTips.map((row) => ({ id: row.id, channel: channel(row), text: row.text })),
    formDrafts,
  };
}

/** Tables keyed by (platform, user_id) whose rows about a person `forgetUser` deletes. */
const USER_TABLES = ["feedback", "last_answers", "cooldowns", "form_drafts"] as const;

async function forgetOthers(trx: Transaction<Database>, platform: Platform, userId: string) {
  const deleted: Record<(typeof USER_TABLES)[number], number> = {
    feedback: 0,
    last_answers: 0,
    cooldowns: 0,
    form_drafts: 0,
  };
  for (const table of USER_TABLES) {
    deleted[table] = count(
      await trx
        .deleteFrom(table)
        .where("platform", "=", platform)
        .where("user_id", "=", userId)
        .executeTakeFirst(),
    );
  }
  // A personal tip is theirs alone: it goes, with its ledger rows (its channel is their DMs).
  const personal = await trx
    .selectFrom("subscriptions")
    .select(["workspace_id", "channel_id"])
    .where("platform", "=", platform)
    .where("person_id", "=", userId)
    .execute();
  for (const row of personal) {
    await trx
      .deleteFrom("deliveries")
      .where("platform", "=", platform)
      .where("workspace_id", "=", row.workspace_id)
      .where("channel_id", "=", row.channel_id)
      .execute();
  }
  const personalTips = count(
    await trx
      .deleteFrom("subscriptions")
      .where("platform", "=", platform)
      .where("person_id", "=", userId)
      .executeTakeFirst(),
  );
  let anonymised = 0;
  for (const table of ["subscriptions", "team_tips"] as const) {
    anonymised += count(
      await trx
        .updateTable(table)
        .set({ created_by: FORGOTTEN_USER })
        .where("platform", "=", platform)
        .where("created_by", "=", userId)
        .executeTakeFirst(),
    );
  }
  return {
    feedback: deleted.feedback,
    lastAnswers: deleted.last_answers,
    cooldowns: deleted.cooldowns,
    formDrafts: deleted.form_drafts,
    anonymised,
    personalTips,
  };
}

async function forgetUser(db: Kysely<Database>, platform: Platform, userId: string): Promise<ForgetCounts> {
  const challengeRows = await db
    .selectFrom("challenges")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("platform", "=", platform)
    .where((eb) => eb.or([eb("created_by", "=", userId), eb("ended_by", "=", userId)]))
    .executeTakeFirstOrThrow();
  const challenges = await deleteUserData(db as unknown as Db, platform, userId);
  const others = await db.transaction().execute((trx) => forgetOthers(trx, platform, userId));
  return { ...challenges, ...others, anonymised: others.anonymised + Number(challengeRows.n) };
}

async function purgeWorkspace(
  db: Kysely<Database>,
  platform: Platform,
  workspaceId: string,
): Promise<number> {
  const challenges = await deleteWorkspaceData(db as unknown as Db, platform, workspaceId);
  return db.transaction().execute(async (trx) => {
    let rows = challenges.challenges + challenges.memberships + challenges.checkIns;
    for (const table of WORKSPACE_TABLES) {
      rows += count(
        await trx
          .deleteFrom(table)
          .where("platform", "=", platform)
          .where("workspace_id", "=", workspaceId)
          .executeTakeFirst(),
      );
    }
    if (platform === "slack") {
      rows += count(
        await trx.deleteFrom("slack_installations").where("team_id", "=", workspaceId).executeTakeFirst(),
      );
    }
    await trx
      .deleteFrom("workspace_removals")
      .where("platform", "=", platform)
      .where("workspace_id", "=", workspaceId)
      .execute();
    return rows;
  });
}

/**
 * The PrivacyStore over the full schema.
 * @example const privacy = createKyselyPrivacyStore(db, guard); await privacy.forgetUser("slack", "U1")
 */
export function createKyselyPrivacyStore(db: Kysely<Database>, guard: Guard): PrivacyStore {
  return {
    exportUser: (platform, userId) => guard("export a person's data", () => exportUser(db, platform, userId)),
    forgetUser: (platform, userId) => guard("delete a person's data", () => forgetUser(db, platform, userId)),
    markWorkspaceRemoved: (platform, workspaceId, at, purgeAfter) =>
      guard("record the workspace removal", async () => {
        await db
          .insertInto("workspace_removals")
          .values({ platform, workspace_id: workspaceId, removed_at: at, purge_after: purgeAfter })
          .onConflict((conflict) => conflict.columns(["platform", "workspace_id"]).doNothing())
          .execute();
      }),
    cancelWorkspaceRemoval: (platform, workspaceId) =>
      guard("cancel the workspace removal", async () => {
        const result = await db
          .deleteFrom("workspace_removals")
          .where("platform", "=", platform)
          .where("workspace_id", "=", workspaceId)
          .executeTakeFirst();
        return count(result) > 0;
      }),
    purgeRemovedWorkspaces: (now) =>
      guard("purge removed workspaces", async () => {
        const due = await db
          .selectFrom("workspace_removals")
          .select(["platform", "workspace_id"])
          .where("purge_after", "<=", now)
          .execute();
        const purged: PurgedWorkspace[] = [];
        for (const row of due) {
          const rows = await purgeWorkspace(db, row.platform, row.workspace_id);
          purged.push({ platform: row.platform, workspaceId: row.workspace_id, rows });
        }
        return purged;
      }),
  };
}
