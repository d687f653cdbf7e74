/**
 * 003: daily-tip subscriptions, the delivery ledger and team tips. Kysely schema builder
 * only, so it runs unchanged on SQLite and PostgreSQL.
 */
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

const CHANNEL_KEY = ["platform", "workspace_id", "channel_id"] as const;

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("subscriptions")
    .addColumn("platform", "text", (col) => col.notNull())
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("channel_id", "text", (col) => col.notNull())
    .addColumn("time", "text", (col) => col.notNull())
    .addColumn("zone", "text", (col) => col.notNull())
    .addColumn("days", "text", (col) => col.notNull())
    .addColumn("skip", "text", (col) => col.notNull())
    .addColumn("theme", "text")
    .addColumn("created_by", "text", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("next_run_at", "bigint")
    .addColumn("next_run_date", "text")
    .addColumn("paused_reason", "text")
    .addColumn("rotation_seed", "text", (col) => col.notNull())
    .addColumn("cycle_posted", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("subscriptions_pk", [...CHANNEL_KEY])
    .execute();
  // The tick's only query: next_run_at <= now ORDER BY next_run_at. Paused rows have NULL.
  await db.schema
    .createIndex("subscriptions_next_run_idx")
    .on("subscriptions")
    .column("next_run_at")
    .execute();

  await db.schema
    .createTable("deliveries")
    .addColumn("platform", "text", (col) => col.notNull())
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("channel_id", "text", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("local_date", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("claimed_by", "text", (col) => col.notNull())
    .addColumn("claimed_at", "bigint", (col) => col.notNull())
    .addColumn("finished_at", "bigint")
    .addColumn("reason", "text")
    .addColumn("item", "text")
    .addPrimaryKeyConstraint("deliveries_pk", [...CHANNEL_KEY, "kind", "local_date"])
    .execute();
  await db.schema
    .createIndex("deliveries_status_idx")
    .on("deliveries")
    .columns(["status", "claimed_at"])
    .execute();

  await db.schema
    .createTable("team_tips")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("platform", "text", (col) => col.notNull())
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("channel_id", "text", (col) => col.notNull())
    .addColumn("text", "text", (col) => col.notNull())
    .addColumn("source_url", "text")
    .addColumn("created_by", "text", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("team_tips_channel_idx")
    .on("team_tips")
    .columns([...CHANNEL_KEY])
    .execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("team_tips").execute();
  await db.schema.dropTable("deliveries").execute();
  await db.schema.dropTable("subscriptions").execute();
}

/** Subscriptions with a next-run index, the delivery ledger, team tips. */
export const tips: Migration = { up, down };
