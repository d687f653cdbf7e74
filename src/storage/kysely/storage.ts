/**
 * The one `Storage` implementation, over a `Kysely<Database>`. SQLite and PostgreSQL differ
 * only in how the Kysely instance is built (sqlite-storage.ts, postgres-storage.ts); every
 * query here is portable SQL both dialects accept.
 */
import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type {
  CooldownResult,
  FeedbackInput,
  FeedbackRecord,
  LastAnswer,
  Platform,
  Storage,
  UserRef,
} from "../../core/storage-ports/storage.js";
import { StorageError } from "../../errors.js";
import { migrateToLatest } from "../migrations/index.js";
import { createKyselyChallengeStore } from "./challenge-store.js";
import type { ChallengesDatabase } from "./challenge-tables.js";
import type { Database, FeedbackTable } from "./database.js";
import * as drafts from "./form-draft-queries.js";
import { driverReason, storageHint } from "./hints.js";
import { prepare, type QueryRunner, viaKysely } from "./prepared.js";
import { createKyselyPrivacyStore } from "./privacy-store.js";
import * as numbers from "./safety-numbers-queries.js";
import * as slack from "./slack-queries.js";
import { createKyselyTipsStore, type TipsDatabase } from "./tips-store.js";
import { lastZoneInWorkspace } from "./workspace-zone.js";

/** What `createKyselyStorage` wraps. */
export interface KyselyStorageOptions {
  db: Kysely<Database>;
  kind: Storage["kind"];
  /** How prepared queries run; Kysely's own way unless the backend has a faster one. */
  run?: QueryRunner;
}

/** `listFeedback` without a limit returns at most this many rows. */
const DEFAULT_FEEDBACK_LIMIT = 100;

/**
 * Wraps a driver failure as a `StorageError` that says what we were doing and keeps the
 * original as `cause`; a `StorageError` passes through unchanged.
 */
export function toStorageError(action: string, error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const reason = driverReason(error);
  return new StorageError(`could not ${action}: ${reason}${storageHint(reason)}`, { cause: error });
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
export function createKyselyStorage({ db, kind, run = viaKysely(db) }: KyselyStorageOptions): Storage {
  let closing: Promise<void> | undefined;
  const hot = hotQueries(db, run);
  return {
    ...createKyselyTipsStore(db as unknown as Kysely<TipsDatabase>, guard, kind),
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
    setLastAnswer: (who, answer) => guard("remember the last answer", () => hot.setLastAnswer(who, answer)),
    getLastAnswer: (who) => guard("read the last answer", () => hot.getLastAnswer(who)),
    hitCooldown: (key, now, windowMs) =>
      guard("check the cooldown", () => hot.hitCooldown({ ...key, now, windowMs })),
    claimEvent: (platform, eventId, at) =>
      guard("claim the event", () => hot.claimEvent(platform, eventId, at)),
    pruneEvents: (before) => guard("prune old events", () => slack.pruneEvents(db, before)),
    lastZoneInWorkspace: (platform, workspaceId) =>
      guard("find the workspace's last time zone", () => lastZoneInWorkspace(db, platform, workspaceId)),
    getSafetyNumbers: (platform, workspaceId) =>
      guard("read the safety numbers", () => numbers.getSafetyNumbers(db, platform, workspaceId)),
    setSafetyNumbers: (platform, workspaceId, change, at) =>
      guard("save the safety numbers", () => numbers.setSafetyNumbers(db, platform, workspaceId, change, at)),
    keepFormDraft: (draft) => guard("keep the form's typed values", () => drafts.keepFormDraft(db, draft)),
    findFormDraft: (lookup, now) =>
      guard("read the form's typed values", () => drafts.findFormDraft(db, lookup, now)),
    purgeFormDrafts: (now) => guard("purge expired form drafts", () => drafts.purgeFormDrafts(db, now)),
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

interface CooldownHit {
  platform: UserRef["platform"];
  userId: string;
  command: string;
  now: number;
  windowMs: number;
}

type UserKey = ReturnType<typeof userKey>;

/**
 * The statements every command or event runs (cooldown, last answer, event claim),
 * prepared once per database: see prepared.ts for why.
 */
function hotQueries(db: Kysely<Database>, run: QueryRunner) {
  const upsertLastAnswer = prepare<UserKey & { answer_id: string; question: string; at: number }, never>(
    run,
    (param) =>
      db
        .insertInto("last_answers")
        .values({
          platform: param("platform"),
          workspace_id: param("workspace_id"),
          channel_id: param("channel_id"),
          user_id: param("user_id"),
          answer_id: param("answer_id"),
          question: param("question"),
          updated_at: param("at"),
        })
        .onConflict((conflict) =>
          conflict.columns(["platform", "workspace_id", "channel_id", "user_id"]).doUpdateSet((eb) => ({
            answer_id: eb.ref("excluded.answer_id"),
            question: eb.ref("excluded.question"),
            updated_at: eb.ref("excluded.updated_at"),
          })),
        ),
  );
  const selectLastAnswer = prepare<UserKey, { answer_id: string; question: string; updated_at: number }>(
    run,
    (param) =>
      db
        .selectFrom("last_answers")
        .select(["answer_id", "question", "updated_at"])
        .where("platform", "=", param("platform"))
        .where("workspace_id", "=", param("workspace_id"))
        .where("channel_id", "=", param("channel_id"))
        .where("user_id", "=", param("user_id")),
  );
  type CooldownKey = { platform: UserRef["platform"]; user_id: string; command: string };
  // One statement decides: insert the window, or replace it only if it has ended. The row
  // comes back exactly when the hit is allowed; both dialects serialise concurrent upserts
  // on the primary key (PostgreSQL re-checks the WHERE against the locked, newest row).
  const startCooldown = prepare<CooldownKey & { until: number; now: number }, { until_ms: number }>(
    run,
    (param) =>
      db
        .insertInto("cooldowns")
        .values({
          platform: param("platform"),
          user_id: param("user_id"),
          command: param("command"),
          until_ms: param("until"),
        })
        .onConflict((conflict) =>
          conflict
            .columns(["platform", "user_id", "command"])
            .doUpdateSet({ until_ms: (eb) => eb.ref("excluded.until_ms") })
            .where("cooldowns.until_ms", "<=", param("now")),
        )
        .returning("until_ms"),
  );
  const runningCooldown = prepare<CooldownKey, { until_ms: number }>(run, (param) =>
    db
      .selectFrom("cooldowns")
      .select("until_ms")
      .where("platform", "=", param("platform"))
      .where("user_id", "=", param("user_id"))
      .where("command", "=", param("command")),
  );
  // The row comes back only for the first claimer of the id.
  const insertEvent = prepare<{ platform: Platform; event_id: string; at: number }, { event_id: string }>(
    run,
    (param) =>
      db
        .insertInto("processed_events")
        .values({ platform: param("platform"), event_id: param("event_id"), claimed_at: param("at") })
        .onConflict((conflict) => conflict.columns(["platform", "event_id"]).doNothing())
        .returning("event_id"),
  );

  return {
    async setLastAnswer(who: UserRef, answer: LastAnswer): Promise<void> {
      await upsertLastAnswer({
        ...userKey(who),
        answer_id: answer.answerId,
        question: answer.question,
        at: answer.at,
      });
    },
    async getLastAnswer(who: UserRef): Promise<LastAnswer | undefined> {
      const [row] = await selectLastAnswer(userKey(who));
      return row && { answerId: row.answer_id, question: row.question, at: row.updated_at };
    },
    async hitCooldown(hit: CooldownHit): Promise<CooldownResult> {
      const key = { platform: hit.platform, user_id: hit.userId, command: hit.command };
      const [started] = await startCooldown({ ...key, until: hit.now + hit.windowMs, now: hit.now });
      if (started) return { allowed: true, retryAfterMs: 0 };
      const [running] = await runningCooldown(key);
      return { allowed: false, retryAfterMs: Math.max(0, (running?.until_ms ?? hit.now) - hit.now) };
    },
    async claimEvent(platform: Platform, eventId: string, at: number): Promise<boolean> {
      const [inserted] = await insertEvent({ platform, event_id: eventId, at });
      return inserted !== undefined;
    },
  };
}
