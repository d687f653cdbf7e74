/**
 * The Storage port: everything vitabot keeps, behind one interface with a SQLite and a
 * PostgreSQL implementation that pass the same contract suite
 * (tests/contract/storage.contract.ts). Later features add methods here.
 */
import type { ChallengeStore } from "./challenge-store.js";
import type { FormDraftStore } from "./form-draft-store.js";
import type { PrivacyStore } from "./privacy-store.js";
import type { FeedbackInput, FeedbackRecord, Platform, UserRef } from "./records.js";
import type { TipsStore } from "./tips-store.js";

export type { FormDraft } from "./form-draft-store.js";
export type { ChannelRef, FeedbackInput, FeedbackRecord, Platform, UserRef } from "./records.js";

export interface LastAnswer {
  answerId: string;
  question: string;
  /** Epoch milliseconds. */
  at: number;
}

export interface CooldownResult {
  allowed: boolean;
  /** When not allowed: how long until the user may run the command again. */
  retryAfterMs: number;
}

/**
 * Which Slack installation: a workspace (`teamId`, with `enterpriseId` on Enterprise Grid)
 * or a whole org (`enterpriseId`, `teamId` ""). "" means none.
 */
export interface SlackInstallationKey {
  enterpriseId: string;
  teamId: string;
}

export interface SlackInstallationRecord extends SlackInstallationKey {
  /** Opaque to storage: the adapter seals (encrypts) the installation before saving it. */
  data: string;
  /** Epoch milliseconds. */
  updatedAt: number;
}

/** A workspace's own safety numbers (`/safety numbers`); an absent field means the default. */
export interface WorkspaceNumbers {
  emergency?: string;
  crisis?: string;
  poison?: string;
}

export interface Storage extends TipsStore, ChallengeStore, PrivacyStore, FormDraftStore {
  readonly kind: "sqlite" | "postgres";
  /** Applies every pending migration (idempotent). */
  migrate(): Promise<void>;
  /** Cheap liveness check for /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;

  /** Stores one 👍/👎 with the question and answer id. */
  recordFeedback(input: FeedbackInput): Promise<FeedbackRecord>;
  /** Feedback, newest first (for content review). */
  listFeedback(options?: { limit?: number }): Promise<FeedbackRecord[]>;

  /** Remembers the last answer a user got in a channel, so `feedback` can refer to it. */
  setLastAnswer(who: UserRef, answer: LastAnswer): Promise<void>;
  getLastAnswer(who: UserRef): Promise<LastAnswer | undefined>;

  /**
   * Atomically starts a cooldown window for (platform, user, command) unless one is
   * still running; safe across processes sharing the database.
   */
  hitCooldown(
    key: { platform: Platform; userId: string; command: string },
    now: number,
    windowMs: number,
  ): Promise<CooldownResult>;

  /**
   * Claims a platform event id (Slack `event_id`) so a retried delivery acts once: true
   * only for the first claimer, across processes sharing the database.
   */
  claimEvent(platform: Platform, eventId: string, at: number): Promise<boolean>;
  /** Forgets event claims made before `before` (epoch ms); returns how many were removed. */
  pruneEvents(before: number): Promise<number>;

  /**
   * The time zone most recently set up in a workspace (a guild): its newest channel tip
   * subscription's or challenge's, whichever was created last; undefined when it has none.
   * Forms on Discord, which has no per-person zone, default to it.
   */
  lastZoneInWorkspace(platform: Platform, workspaceId: string): Promise<string | undefined>;

  /** The workspace's own safety numbers, or undefined when it has none. */
  getSafetyNumbers(platform: Platform, workspaceId: string): Promise<WorkspaceNumbers | undefined>;
  /**
   * Sets some of a workspace's numbers: a string sets one, null puts it back to the
   * default, an absent key leaves it. Returns the numbers now stored.
   */
  setSafetyNumbers(
    platform: Platform,
    workspaceId: string,
    change: { [K in keyof WorkspaceNumbers]?: string | null },
    at: number,
  ): Promise<WorkspaceNumbers>;

  /** Saves (inserts or replaces) one Slack installation. */
  saveSlackInstallation(record: SlackInstallationRecord): Promise<void>;
  findSlackInstallation(key: SlackInstallationKey): Promise<SlackInstallationRecord | undefined>;
  /** Removes an installation; true when one existed. */
  deleteSlackInstallation(key: SlackInstallationKey): Promise<boolean>;
}
