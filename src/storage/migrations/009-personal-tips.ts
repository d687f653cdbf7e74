/**
 * 009: personal daily tips. A personal tip is a row of `subscriptions` whose channel is
 * the person's direct messages (`@<user id>`, see src/core/personal-tip.ts), so it runs
 * through the same tick, rotation and delivery ledger as a channel's tips. `person_id`
 * names whose it is (NULL for a channel's tips), `zone_from_profile` is 1 when its zone
 * is the person's profile zone (Slack's `tz`) and follows it when they change it. The
 * index serves `privacy forget`/`export` and Slack's `user_change`, which look a person's
 * tips up by platform and person.
 */
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("subscriptions").addColumn("person_id", "text").execute();
  await db.schema
    .alterTable("subscriptions")
    .addColumn("zone_from_profile", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("subscriptions_person_idx")
    .on("subscriptions")
    .columns(["platform", "person_id"])
    .execute();
}

async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("subscriptions_person_idx").execute();
  await db.schema.alterTable("subscriptions").dropColumn("zone_from_profile").execute();
  await db.schema.alterTable("subscriptions").dropColumn("person_id").execute();
}

/** Personal daily tips: whose a subscription is, and whether its zone follows their profile. */
export const personalTips: Migration = { up, down };
