/**
 * The queries behind Slack installations and event pruning, kept beside storage.ts
 * so that file stays small. Portable SQL only: SQLite ≥ 3.24 and PostgreSQL both accept
 * `INSERT … ON CONFLICT`.
 */
import type { Kysely } from "kysely";
import type { SlackInstallationKey, SlackInstallationRecord } from "../../core/storage-ports/storage.js";
import type { Database } from "./database.js";

/** Deletes event claims made before `before`; returns how many. */
export async function pruneEvents(db: Kysely<Database>, before: number): Promise<number> {
  const result = await db.deleteFrom("processed_events").where("claimed_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Inserts or replaces one installation (upsert on its key). */
export async function saveSlackInstallation(
  db: Kysely<Database>,
  record: SlackInstallationRecord,
): Promise<void> {
  const values = { data: record.data, updated_at: record.updatedAt };
  await db
    .insertInto("slack_installations")
    .values({ enterprise_id: record.enterpriseId, team_id: record.teamId, ...values })
    .onConflict((conflict) => conflict.columns(["enterprise_id", "team_id"]).doUpdateSet(values))
    .execute();
}

/** One installation by its exact key, or undefined. */
export async function findSlackInstallation(
  db: Kysely<Database>,
  key: SlackInstallationKey,
): Promise<SlackInstallationRecord | undefined> {
  const row = await db
    .selectFrom("slack_installations")
    .selectAll()
    .where("enterprise_id", "=", key.enterpriseId)
    .where("team_id", "=", key.teamId)
    .executeTakeFirst();
  return (
    row && { enterpriseId: row.enterprise_id, teamId: row.team_id, data: row.data, updatedAt: row.updated_at }
  );
}

/** Removes one installation; true when a row was deleted. */
export async function deleteSlackInstallation(
  db: Kysely<Database>,
  key: SlackInstallationKey,
): Promise<boolean> {
  const result = await db
    .deleteFrom("slack_installations")
    .where("enterprise_id", "=", key.enterpriseId)
    .where("team_id", "=", key.teamId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
