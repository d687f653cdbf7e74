/**
 * 005: workspaces the app was removed from (Slack `app_uninstalled`/`tokens_revoked`,
 * Discord `guildDelete`), kept until their grace period ends and their data is purged.
 */
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("workspace_removals")
    .addColumn("platform", "text", (col) => col.notNull())
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("removed_at", "bigint", (col) => col.notNull())
    .addColumn("purge_after", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("workspace_removals_pk", ["platform", "workspace_id"])
    .execute();
  await db.schema
    .createIndex("workspace_removals_purge_idx")
    .on("workspace_removals")
    .column("purge_after")
    .execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("workspace_removals").execute();
}

/** Pending workspace deletions, purged by the scheduler after their grace period. */
export const workspaceRemovals: Migration = { up, down };
