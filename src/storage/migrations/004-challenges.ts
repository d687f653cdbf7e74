/**
 * 004: team challenges, their members (with per-member totals kept beside them) and
 * check-ins. Kysely schema builder only, so it runs unchanged on SQLite and PostgreSQL.
 * No foreign keys: deletions go through the store, in one transaction, in a fixed order.
 */
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

const CHANNEL_KEY = ["platform", "workspace_id", "channel_id"] as const;

async function createChallenges(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("challenges")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("platform", "text", (col) => col.notNull())
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("channel_id", "text", (col) => col.notNull())
    .addColumn("template_id", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("start_date", "text", (col) => col.notNull())
    .addColumn("days", "integer", (col) => col.notNull())
    .addColumn("zone", "text", (col) => col.notNull())
    .addColumn("reminder_time", "text")
    .addColumn("created_by", "text", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("ended_at", "bigint")
    .addColumn("ended_by", "text")
    .execute();
  // listActiveChallenges: a channel's challenges; workspace deletion uses the prefix.
  await db.schema
    .createIndex("challenges_channel_idx")
    .on("challenges")
    .columns([...CHANNEL_KEY, "ended_at"])
    .execute();
  // listUnendedChallenges: ended_at IS NULL (both dialects keep NULLs in a B-tree index).
  await db.schema.createIndex("challenges_ended_at_idx").on("challenges").column("ended_at").execute();
}

async function createMembers(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("challenge_members")
    .addColumn("challenge_id", "text", (col) => col.notNull())
    .addColumn("user_id", "text", (col) => col.notNull())
    .addColumn("display_name", "text", (col) => col.notNull())
    .addColumn("team", "text")
    .addColumn("joined_at", "bigint", (col) => col.notNull())
    .addColumn("join_date", "text", (col) => col.notNull())
    .addColumn("left_at", "bigint")
    .addColumn("hidden", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("points", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("check_ins", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("last_checkin_at", "bigint")
    .addColumn("day_points", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("day_checkins", "text", (col) => col.notNull().defaultTo(""))
    // Bumped first in every check-in transaction: the row lock that serialises one member's writes.
    .addColumn("revision", "integer", (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("challenge_members_pk", ["challenge_id", "user_id"])
    .execute();
  // Leaderboards: the top by points and a member's rank read this index, not every member.
  await db.schema
    .createIndex("challenge_members_points_idx")
    .on("challenge_members")
    .columns(["challenge_id", "points"])
    .execute();
  // Team totals: summed from this index alone (covering), without reading member rows.
  await db.schema
    .createIndex("challenge_members_team_idx")
    .on("challenge_members")
    .columns(["challenge_id", "team", "points", "last_checkin_at"])
    .execute();
  await db.schema
    .createIndex("challenge_members_user_idx")
    .on("challenge_members")
    .column("user_id")
    .execute();
}

async function createCheckIns(db: Kysely<unknown>): Promise<void> {
  // The primary key is the one-per-user-per-task-per-day rule and the ON CONFLICT target.
  await db.schema
    .createTable("challenge_checkins")
    .addColumn("challenge_id", "text", (col) => col.notNull())
    .addColumn("user_id", "text", (col) => col.notNull())
    .addColumn("task_id", "text", (col) => col.notNull())
    .addColumn("local_date", "text", (col) => col.notNull())
    .addColumn("at", "bigint", (col) => col.notNull())
    .addColumn("points", "integer", (col) => col.notNull())
    .addColumn("note", "text")
    .addPrimaryKeyConstraint("challenge_checkins_pk", ["challenge_id", "user_id", "task_id", "local_date"])
    .execute();
  await db.schema
    .createIndex("challenge_checkins_user_idx")
    .on("challenge_checkins")
    .column("user_id")
    .execute();
}

async function up(db: Kysely<unknown>): Promise<void> {
  await createChallenges(db);
  await createMembers(db);
  await createCheckIns(db);
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("challenge_checkins").execute();
  await db.schema.dropTable("challenge_members").execute();
  await db.schema.dropTable("challenges").execute();
}

/** Challenges, members with their totals, and check-ins keyed one per user, task and local day. */
export const challenges: Migration = { up, down };
