/**
 * Form drafts over Kysely: a refused form's typed values under the Try again button's short
 * key. The values go in as JSON text and are checked with zod when read back, so a row that
 * does not hold an object of strings reads as no draft (the form then opens with its
 * defaults) instead of filling a form with something it cannot show.
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import {
  type FormDraft,
  type FormDraftLookup,
  MAX_FORM_DRAFTS_PER_PERSON,
} from "../../core/storage-ports/form-draft-store.js";
import type { Platform } from "../../core/storage-ports/records.js";
import type { Database, FormDraftsTable } from "./database.js";

const valuesSchema = z.record(z.string(), z.string());

/** The stored values, or undefined when they are not a JSON object of strings. */
function readValues(json: string): Record<string, string> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const checked = valuesSchema.safeParse(parsed);
  return checked.success ? checked.data : undefined;
}

function toDraft(row: FormDraftsTable): FormDraft | undefined {
  const values = readValues(row.values_json);
  if (!values) return undefined;
  return {
    key: row.key,
    form: row.form_id,
    platform: row.platform,
    userId: row.user_id,
    values,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

export async function keepFormDraft(db: Kysely<Database>, draft: FormDraft): Promise<void> {
  await db
    .insertInto("form_drafts")
    .values({
      key: draft.key,
      form_id: draft.form,
      platform: draft.platform,
      user_id: draft.userId,
      values_json: JSON.stringify(draft.values),
      created_at: draft.createdAt,
      expires_at: draft.expiresAt,
    })
    .execute();
  // Bounded per person: only their newest drafts stay.
  const newest = db
    .selectFrom("form_drafts")
    .select("key")
    .where("platform", "=", draft.platform)
    .where("user_id", "=", draft.userId)
    .orderBy("created_at", "desc")
    .orderBy("key", "desc")
    .limit(MAX_FORM_DRAFTS_PER_PERSON);
  await db
    .deleteFrom("form_drafts")
    .where("platform", "=", draft.platform)
    .where("user_id", "=", draft.userId)
    .where("key", "not in", newest)
    .execute();
}

export async function findFormDraft(
  db: Kysely<Database>,
  lookup: FormDraftLookup,
  now: number,
): Promise<FormDraft | undefined> {
  const row = await db
    .selectFrom("form_drafts")
    .selectAll()
    .where("key", "=", lookup.key)
    .where("form_id", "=", lookup.form)
    .where("platform", "=", lookup.platform)
    .where("user_id", "=", lookup.userId)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row && toDraft(row);
}

export async function purgeFormDrafts(db: Kysely<Database>, now: number): Promise<number> {
  const result = await db.deleteFrom("form_drafts").where("expires_at", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A person's drafts on a platform (at most MAX_FORM_DRAFTS_PER_PERSON), oldest first, for `privacy export`. */
export async function personsFormDrafts(
  db: Kysely<Database>,
  platform: Platform,
  userId: string,
): Promise<Pick<FormDraft, "form" | "values" | "createdAt" | "expiresAt">[]> {
  const rows = await db
    .selectFrom("form_drafts")
    .selectAll()
    .where("platform", "=", platform)
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .orderBy("key")
    .execute();
  return rows.flatMap((row) => {
    const draft = toDraft(row);
    return draft
      ? [{ form: draft.form, values: draft.values, createdAt: draft.createdAt, expiresAt: draft.expiresAt }]
      : [];
  });
}
