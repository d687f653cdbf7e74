/**
 * Every migration, in order, for Kysely's `Migrator`. Names sort in apply order
 * (`001-…`, `002-…`); add a new file and a line here, never edit an applied migration.
 */
import type { Kysely } from "kysely";
import { type Migration, type MigrationProvider, type MigrationResult, Migrator } from "kysely/migration";
import { StorageError } from "../../errors.js";
import { driverReason, storageHint } from "../kysely/hints.js";
import { initial } from "./001-initial.js";
import { slack } from "./002-slack.js";
import { tips } from "./003-tips.js";
import { challenges } from "./004-challenges.js";
import { workspaceRemovals } from "./005-workspace-removals.js";
import { safetyNumbers } from "./006-safety-numbers.js";
import { dueByPlatform } from "./007-due-by-platform.js";
import { dropBloodTestCheckIns } from "./008-drop-blood-test-checkins.js";
import { personalTips } from "./009-personal-tips.js";
import { formDrafts } from "./010-form-drafts.js";

/** The migrations by name, in apply order. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "001-initial": initial,
  "002-slack": slack,
  "003-tips": tips,
  "004-challenges": challenges,
  "005-workspace-removals": workspaceRemovals,
  "006-safety-numbers": safetyNumbers,
  "007-due-by-platform": dueByPlatform,
  "008-drop-blood-test-checkins": dropBloodTestCheckIns,
  "009-personal-tips": personalTips,
  "010-form-drafts": formDrafts,
};

/** An in-code provider (no directory scanning), so migrations work from src/ and from a bundle alike. */
const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};

/** Kysely's migrator over `db` with our migrations and its default `kysely_migration` table. */
export function createMigrator<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider: migrationProvider });
}

/**
 * Applies every pending migration; a no-op when the schema is current.
 * @throws StorageError naming the migration that failed, with the driver error as `cause`.
 * @example await migrateToLatest(db);
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<MigrationResult[]> {
  const { error, results = [] } = await createMigrator(db).migrateToLatest();
  if (error !== undefined) {
    const failed =
      results.find((result) => result.status === "Error")?.migrationName ?? "(before any migration)";
    const reason = driverReason(error);
    throw new StorageError(`migration ${failed} failed: ${reason}${storageHint(reason)}`, { cause: error });
  }
  return results;
}
