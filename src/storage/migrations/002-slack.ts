/**
 * 002: processed platform events (delivery dedup by event id) and Slack installations
 * (OAuth, one row per workspace or org). Kysely's schema builder only, so it runs
 * unchanged on SQLite and PostgreSQL.
 */
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

async function up(db: Kysely<unknown>): Promise<void> {
  // The primary key is the ON CONFLICT target of claimEvent.
  await db.schema
    .createTable("processed_events")
    .addColumn("platform", "text", (col) => col.notNull())
    .addColumn("event_id", "text", (col) => col.notNull())
    .addColumn("claimed_at", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("processed_events_pk", ["platform", "event_id"])
    .execute();
  // pruneEvents: DELETE … WHERE claimed_at < ?
  await db.schema
    .createIndex("processed_events_claimed_at_idx")
    .on("processed_events")
    .column("claimed_at")
    .execute();

  // "" stands for "none" in both key columns, so the key can be a primary key on both dialects.
  await db.schema
    .createTable("slack_installations")
    .addColumn("enterprise_id", "text", (col) => col.notNull())
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("data", "text", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("slack_installations_pk", ["enterprise_id", "team_id"])
    .execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("slack_installations").execute();
  await db.schema.dropTable("processed_events").execute();
}

/** Creates `processed_events` and `slack_installations`. */
export const slack: Migration = { up, down };
