/**
 * The time zone most recently used in a workspace (a Discord guild): the newest of its
 * channels' tip subscriptions and challenges, by when each was set up. Personal tips are
 * left out (their zone is one person's). Portable SQL for SQLite and PostgreSQL.
 */
import type { Kysely } from "kysely";
import type { Platform } from "../../core/storage-ports/records.js";
import type { Database } from "./database.js";

type Newest = { zone: string; created_at: number } | undefined;

/** The zone of the workspace's newest channel subscription (personal tips left out). */
function newestSubscription(db: Kysely<Database>, platform: Platform, workspaceId: string): Promise<Newest> {
  return db
    .selectFrom("subscriptions")
    .select(["zone", "created_at"])
    .where("platform", "=", platform)
    .where("workspace_id", "=", workspaceId)
    .where("person_id", "is", null)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The zone of the workspace's newest challenge, ended ones included. */
function newestChallenge(db: Kysely<Database>, platform: Platform, workspaceId: string): Promise<Newest> {
  return db
    .selectFrom("challenges")
    .select(["zone", "created_at"])
    .where("platform", "=", platform)
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** @example await lastZoneInWorkspace(db, "discord", guildId) // "Europe/Berlin" */
export async function lastZoneInWorkspace(
  db: Kysely<Database>,
  platform: Platform,
  workspaceId: string,
): Promise<string | undefined> {
  const tips = await newestSubscription(db, platform, workspaceId);
  const challenge = await newestChallenge(db, platform, workspaceId);
  if (!tips) return challenge?.zone;
  if (!challenge) return tips.zone;
  return Number(challenge.created_at) > Number(tips.created_at) ? challenge.zone : tips.zone;
}
