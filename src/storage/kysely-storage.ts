/**
 * The one `Storage` implementation, over a `Kysely<Database>`. SQLite and PostgreSQL differ
 * only in how the Kysely instance is built (sqlite-storage.ts, postgres-storage.ts); every
 * query here is portable SQL both dialects accept.
 */
import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { StorageError } from "../errors.js";
import type { ChallengesDatabase } from "./challenge-tables.js";
import type { Database, FeedbackTable } from "./database.js";
import { createKyselyChallengeStore } from "./kysely-challenge-store.js";
import { createKyselyPrivacyStore } from "./kysely-privacy-store.js";
import { createKyselyTipsStore, type TipsDatabase } from "./kysely-tips-store.js";
import { migrateToLatest } from "./migrations/index.js";
import * as slack from "./slack-queries.js";
import type {
  CooldownResult,
  FeedbackInput,
  FeedbackRecord,
  LastAnswer,
  Storage,
  UserRef,
} from "./storage.js";

/** What `createKyselyStorage` wraps. */
export interface KyselyStorageOptions {
  db: Kysely<Database>;
  kind: Storage["kind"];
}

/** `listFeedback` without a limit returns at most this many rows. */
export const DEFAULT_FEEDBACK_LIMIT = 100;

/**
 * Wraps a driver failure as a `StorageError` that says what we were doing and keeps the
 * original as `cause`; a `StorageError` passes through unchanged.
 */
export function toStorageError(action: string, error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new StorageError(`could not ${action}: ${reason}${hintFor(reason)}`, { cause: error });
}

/** A fix-it hint for the failures people can act on. */
function hintFor(reason: string): string {
  if (/no such table|relation .* does not exist/i.test(reason)) return " (run the migrations first)";
  if (/ECONNREFUSED|ENOTFOUND|password authentication failed/i.test(reason)) {
    return " (check DATABASE_URL and that the database server is running)";
  }
  return "";
}

async function guard<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toStorageError(action, error);
  }
}

function toFeedbackRecord(row: FeedbackTable): FeedbackRecord {
  return {
    id: row.id,
    where: {
      platform: row.platform,
      workspaceId: row.workspace_id,
      channelId: row.channel_id,
      userId: row.user_id,
    },
    answerId: row.answer_id,
    question: row.question,
    vote: row.vote,
    note: row.note,
    at: row.created_at,
  };
}

function toFeedbackRow(id: string, input: FeedbackInput): FeedbackTable {
  const { where } = input;
  return {
    id,
    platform: where.platform,
    workspace_id: where.workspaceId,
    channel_id: where.channelId,
    user_id: where.userId,
    answer_id: input.answerId,
    question: input.question,
    vote: input.vote,
    note: input.note,
    created_at: input.at,
  };
}

const userKey = (who: UserRef) => ({
  platform: who.platform,
  workspace_id: who.workspaceId,
  channel_id: who.channelId,
  user_id: who.userId,
});

/**
 * A `Storage` over an already configured Kysely instance; `close()` destroys it.
 * @example const storage = createKyselyStorage({ db: new Kysely<Database>({ dialect }), kind: "sqlite" });
 */
export function createKyselyStorage({ db, kind }: KyselyStorageOptions): Storage {
  let closing: Promise<void> | undefined;
  return {
    ...createKyselyTipsStore(db as unknown as Kysely<TipsDatabase>, guard),
    ...createKyselyChallengeStore(db as unknown as Kysely<ChallengesDatabase>, guard),
    ...createKyselyPrivacyStore(db, guard),
    kind,
    migrate: () =>
      guard("migrate the database", async () => {
        await migrateToLatest(db);
      }),
    ping: () =>
      guard("reach the database", async () => {
        await sql`select 1`.execute(db);
      }),
    close: () => {
      closing ??= guard("close the database", () => db.destroy());
      return closing;
    },
    recordFeedback: (input) => guard("record feedback", () => recordFeedback(db, input)),
    listFeedback: (options) => guard("list feedback", () => listFeedback(db, options?.limit)),
    setLastAnswer: (who, answer) => guard("remember the last answer", () => setLastAnswer(db, who, answer)),
    getLastAnswer: (who) => guard("read the last answer", () => getLastAnswer(db, who)),
    hitCooldown: (key, now, windowMs) =>
      guard("check the cooldown", () => hitCooldown(db, { ...key, now, windowMs })),
    claimEvent: (platform, eventId, at) =>
      guard("claim the event", () => slack.claimEvent(db, platform, eventId, at)),
    pruneEvents: (before) => guard("prune old events", () => slack.pruneEvents(db, before)),
    saveSlackInstallation: (record) =>
      guard("save the Slack installation", () => slack.saveSlackInstallation(db, record)),
    findSlackInstallation: (key) =>
      guard("read the Slack installation", () => slack.findSlackInstallation(db, key)),
    deleteSlackInstallation: (key) =>
      guard("delete the Slack installation", () => slack.deleteSlackInstallation(db, key)),
  };
}

async function recordFeedback(db: Kysely<Database>, input: FeedbackInput): Promise<FeedbackRecord> {
  const row = toFeedbackRow(randomUUID(), input);
  await db.insertInto("feedback").values(row).execute();
  return toFeedbackRecord(row);
}

async function listFeedback(db: Kysely<Database>, limit = DEFAULT_FEEDBACK_LIMIT): Promise<FeedbackRecord[]> {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`limit must be a whole number ≥ 0`);
  const rows = await db
    .selectFrom("feedback")
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toFeedbackRecord);
}

async function setLastAnswer(db: Kysely<Database>, who: UserRef, answer: LastAnswer): Promise<void> {
  const values = { answer_id: answer.answerId, question: answer.question, updated_at: answer.at };
  await db
    .insertInto("last_answers")
    .values({ ...userKey(who), ...values })
    .onConflict((conflict) =>
      conflict.columns(["platform", "workspace_id", "channel_id", "user_id"]).doUpdateSet(values),
    )
    .execute();
}

async function getLastAnswer(db: Kysely<Database>, who: UserRef): Promise<LastAnswer | undefined> {
  const key = userKey(who);
  const row = await db
    .selectFrom("last_answers")
    .select(["answer_id", "question", "updated_at"])
    .where("platform", "=", key.platform)
    .where("workspace_id", "=", key.workspace_id)
    .where("channel_id", "=", key.channel_id)
    .where("user_id", "=", key.user_id)
    .executeTakeFirst();
  return row && { answerId: row.answer_id, question: row.question, at: row.updated_at };
}

interface CooldownHit {
  platform: UserRef["platform"];
  userId: string;
  command: string;
  now: number;
  windowMs: number;
}

/**
 * One statement decides: insert the window, or replace it only if it has ended. The row
 * comes back exactly when the hit is allowed; both dialects serialise concurrent upserts
 * on the primary key (PostgreSQL re-checks the WHERE against the locked, newest row).
 */
async function hitCooldown(db: Kysely<Database>, hit: CooldownHit): Promise<CooldownResult> {
  const key = { platform: hit.platform, user_id: hit.userId, command: hit.command };
  const started = await db
    .insertInto("cooldowns")
    .values({ ...key, until_ms: hit.now + hit.windowMs })
    .onConflict((conflict) =>
      conflict
        .columns(["platform", "user_id", "command"])
        .doUpdateSet({ until_ms: (eb) => eb.ref("excluded.until_ms") })
        .where("cooldowns.until_ms", "<=", hit.now),
    )
    .returning("until_ms")
    .executeTakeFirst();
  if (started) return { allowed: true, retryAfterMs: 0 };

  const running = await db
    .selectFrom("cooldowns")
    .select("until_ms")
    .where("platform", "=", key.platform)
    .where("user_id", "=", key.user_id)
    .where("command", "=", key.command)
    .executeTakeFirst();
  return { allowed: false, retryAfterMs: Math.max(0, (running?.until_ms ?? hit.now) - hit.now) };
}
