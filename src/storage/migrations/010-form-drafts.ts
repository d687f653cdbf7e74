/**
 * 010: form drafts. What a person typed into a refused Discord form, under the short key
 * its Try again button carries, so the form reopens filled in on any replica and after a
 * restart. `values_json` is the typed values as a JSON object of strings (checked when read
 * back). The person index serves `privacy forget`/`export`; the expiry index serves the
 * tick's purge.
 */
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("form_drafts")
    .addColumn("key", "text", (col) => col.primaryKey())
    .addColumn("form_id", "text", (col) => col.notNull())
    .addColumn("platform", "text", (col) => col.notNull())
    .addColumn("user_id", "text", (col) => col.notNull())
    .addColumn("values_json", "text", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("expires_at", "bigint", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("form_drafts_person_idx")
    .on("form_drafts")
    .columns(["platform", "user_id"])
    .execute();
  await db.schema.createIndex("form_drafts_expires_idx").on("form_drafts").column("expires_at").execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("form_drafts").execute();
}

/** Refused forms' typed values, shared by replicas and kept across restarts until they expire. */
export const formDrafts: Migration = { up, down };
