/**
 * 006: the emergency, crisis and poison-control numbers an admin set for their
 * workspace or server (`/safety numbers`), over the deployment's defaults.
 */
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("safety_numbers")
    .addColumn("platform", "text", (col) => col.notNull())
    .addColumn("workspace_id", "text", (col) => col.notNull())
    .addColumn("emergency", "text")
    .addColumn("crisis", "text")
    .addColumn("poison", "text")
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("safety_numbers_pk", ["platform", "workspace_id"])
    .execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("safety_numbers").execute();
}

/** Per-workspace safety numbers; null columns fall back to the deployment's settings. */
export const safetyNumbers: Migration = { up, down };
