/**
 * 007: an index for the scheduler's per-platform due query (`platform = ? AND
 * next_run_at <= ? ORDER BY next_run_at`). With only the next-run index and the primary
 * key, SQLite chose the key's `platform` prefix, read every subscription of the platform
 * and sorted them (~100 ms at 100,000), and PostgreSQL sorted a bitmap scan.
 */
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("subscriptions_platform_next_run_idx")
    .on("subscriptions")
    .columns(["platform", "next_run_at"])
    .execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("subscriptions_platform_next_run_idx").execute();
}

/** Due subscriptions of one platform, oldest first, straight from an index. */
export const dueByPlatform: Migration = { up, down };
