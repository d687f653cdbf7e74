/**
 * A workspace's own safety numbers (`/safety numbers`): one row per workspace, null
 * columns meaning "the deployment's default".
 */
import type { Kysely } from "kysely";
import type { Platform } from "../../core/storage-ports/records.js";
import type { WorkspaceNumbers } from "../../core/storage-ports/storage.js";
import type { Database, SafetyNumbersTable } from "./database.js";

const KINDS = ["emergency", "crisis", "poison"] as const;

function toNumbers(row: Pick<SafetyNumbersTable, (typeof KINDS)[number]>): WorkspaceNumbers {
  const numbers: WorkspaceNumbers = {};
  for (const kind of KINDS) {
    const value = row[kind];
    if (value !== null) numbers[kind] = value;
  }
  return numbers;
}

export async function getSafetyNumbers(
  db: Kysely<Database>,
  platform: Platform,
  workspaceId: string,
): Promise<WorkspaceNumbers | undefined> {
  const row = await db
    .selectFrom("safety_numbers")
    .select(KINDS)
    .where("platform", "=", platform)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return row ? toNumbers(row) : undefined;
}

/** Upserts the changed columns in one statement, so two admins' changes never overwrite each other's other numbers. */
export async function setSafetyNumbers(
  db: Kysely<Database>,
  platform: Platform,
  workspaceId: string,
  change: { [K in keyof WorkspaceNumbers]?: string | null },
  at: number,
): Promise<WorkspaceNumbers> {
  const set: Partial<Record<(typeof KINDS)[number], string | null>> = {};
  for (const kind of KINDS) if (change[kind] !== undefined) set[kind] = change[kind];
  const row = await db
    .insertInto("safety_numbers")
    .values({
      platform,
      workspace_id: workspaceId,
      emergency: set.emergency ?? null,
      crisis: set.crisis ?? null,
      poison: set.poison ?? null,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(["platform", "workspace_id"]).doUpdateSet({ ...set, updated_at: at }))
    .returning(KINDS)
    .executeTakeFirstOrThrow();
  return toNumbers(row);
}
