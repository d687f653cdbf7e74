/**
 * The Kysely table types, shared by the SQLite and PostgreSQL backends. Column names are
 * the SQL names (snake_case); ids are app-generated text (crypto.randomUUID) and every
 * timestamp is epoch milliseconds in a `bigint` column, read back as a JS number on both
 * dialects (better-sqlite3 returns numbers; the pg pool parses int8 as a number).
 */

import type { Platform } from "../../core/storage-ports/records.js";
import type { ChallengesDatabase } from "./challenge-tables.js";
import type { TipsDatabase } from "./tips-store.js";

/** One 👍/👎 on an answer. */
export interface FeedbackTable {
  id: string;
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  user_id: string;
  answer_id: string;
  question: string;
  vote: "up" | "down";
  note: string | null;
  /** Epoch milliseconds. */
  created_at: number;
}

/** The last answer a user got in a channel; primary key (platform, workspace_id, channel_id, user_id). */
interface LastAnswersTable {
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  user_id: string;
  answer_id: string;
  question: string;
  /** Epoch milliseconds. */
  updated_at: number;
}

/** A running command cooldown; primary key (platform, user_id, command). */
interface CooldownsTable {
  platform: Platform;
  user_id: string;
  command: string;
  /** Epoch milliseconds at which the window ends. */
  until_ms: number;
}

/** A platform event id already acted on; primary key (platform, event_id). */
interface ProcessedEventsTable {
  platform: Platform;
  event_id: string;
  /** Epoch milliseconds. */
  claimed_at: number;
}

/** One Slack OAuth installation; primary key (enterprise_id, team_id), "" meaning none. */
interface SlackInstallationsTable {
  enterprise_id: string;
  team_id: string;
  /** Opaque to storage: the adapter's sealed (encrypted) installation JSON. */
  data: string;
  /** Epoch milliseconds. */
  updated_at: number;
}

/** A workspace the app was removed from; primary key (platform, workspace_id). */
interface WorkspaceRemovalsTable {
  platform: Platform;
  workspace_id: string;
  /** Epoch milliseconds. */
  removed_at: number;
  /** Epoch milliseconds after which its data is purged. */
  purge_after: number;
}

/** A workspace's own safety numbers; primary key (platform, workspace_id); null = the default. */
export interface SafetyNumbersTable {
  platform: Platform;
  workspace_id: string;
  emergency: string | null;
  crisis: string | null;
  poison: string | null;
  /** Epoch milliseconds. */
  updated_at: number;
}

/** A refused form's typed values (form-draft-queries.ts); primary key `key`. */
export interface FormDraftsTable {
  key: string;
  form_id: string;
  platform: Platform;
  user_id: string;
  /** A JSON object of strings. */
  values_json: string;
  /** Epoch milliseconds. */
  created_at: number;
  /** Epoch milliseconds. */
  expires_at: number;
}

/** Every table vitabot keeps, for `Kysely<Database>`. */
export interface Database extends TipsDatabase, ChallengesDatabase {
  workspace_removals: WorkspaceRemovalsTable;
  safety_numbers: SafetyNumbersTable;
  feedback: FeedbackTable;
  last_answers: LastAnswersTable;
  cooldowns: CooldownsTable;
  processed_events: ProcessedEventsTable;
  slack_installations: SlackInstallationsTable;
  form_drafts: FormDraftsTable;
}

/** The table names, for checks that every table exists after migrating. */
export const TABLE_NAMES = [
  "subscriptions",
  "deliveries",
  "team_tips",
  "feedback",
  "last_answers",
  "cooldowns",
  "processed_events",
  "slack_installations",
  "challenges",
  "challenge_members",
  "challenge_checkins",
  "workspace_removals",
  "safety_numbers",
  "form_drafts",
] as const satisfies ReadonlyArray<keyof Database>;
