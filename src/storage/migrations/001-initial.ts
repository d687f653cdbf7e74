/**
 * 001: feedback, last answers and cooldowns. Written with Kysely's schema builder only,
 * so the same migration runs unchanged on SQLite and PostgreSQL.
 */
import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("feedback")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("platform", "text", (col) => col.notNull())
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("channel_id", "text", (col) => col.notNull())
    .addColumn("user_id", "text", (col) => col.notNull())
    .addColumn("answer_id", "text", (col) => col.notNull())
    .addColumn("question", "text", (col) => col.notNull())
    .addColumn("vote", "text", (col) => col.notNull().check(sql`vote in ('up', 'down')`))
    .addColumn("note", "text")
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .execute();
  // listFeedback: ORDER BY created_at DESC, id DESC LIMIT n (both dialects scan a B-tree backwards).
  await db.schema
    .createIndex("feedback_created_at_idx")
    .on("feedback")
    .columns(["created_at", "id"])
    .execute();

  await db.schema
    .createTable("last_answers")
    .addColumn("platform", "text", (col) => col.notNull())
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("channel_id", "text", (col) => col.notNull())
    .addColumn("user_id", "text", (col) => col.notNull())
    .addColumn("answer_id", "text", (col) => col.notNull())
    .addColumn("question", "text", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("last_answers_pk", ["platform", "workspace_id", "channel_id", "user_id"])
    .execute();

  // The primary key is also the ON CONFLICT target of hitCooldown.
  await db.schema
    .createTable("cooldowns")
    .addColumn("platform", "text", (col) => col.notNull())
    .addColumn("user_id", "text", (col) => col.notNull())
    .addColumn("command", "text", (col) => col.notNull())
    .addColumn("until_ms", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("cooldowns_pk", ["platform", "user_id", "command"])
    .execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("cooldowns").execute();
  await db.schema.dropTable("last_answers").execute();
  await db.schema.dropTable("feedback").execute();
}

/** Creates the first three tables and the feedback listing index. */
export const initial: Migration = { up, down };
