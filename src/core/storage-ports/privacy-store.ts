/**
 * What privacy needs from storage, across every table: one person's data (`privacy
 * export`, `privacy forget`) and a removed workspace's data (purged after a grace period).
 * Part of the Storage port.
 */
import type { DeletedCounts, UserChallengeData } from "./challenge-store.js";
import type { FormDraft } from "./form-draft-store.js";
import type { FeedbackRecord, Platform } from "./records.js";
import type { Subscription, TeamTip } from "./tips-store.js";

/** Everything vitabot keeps about one person on a platform. */
export interface UserData extends UserChallengeData {
  feedback: FeedbackRecord[];
  /** The last answer they got per channel (what `feedback` refers to). */
  lastAnswers: { workspaceId: string; channelId: string; answerId: string; question: string; at: number }[];
  /** Tip schedules they set up for a channel (their id is on them as creator). */
  subscriptionsCreated: Pick<Subscription, "channel" | "time" | "zone">[];
  /** Their personal daily tip (`tips me`), one per workspace where they set it. */
  personalTips: Pick<Subscription, "channel" | "time" | "zone" | "days" | "pausedReason">[];
  teamTipsCreated: Pick<TeamTip, "id" | "channel" | "text">[];
  /** What they typed into refused forms, kept until a Try again expires (15 minutes). */
  formDrafts: Pick<FormDraft, "form" | "values" | "createdAt" | "expiresAt">[];
}

/** Rows a `forgetUser` removed or anonymised, by what they were. */
export interface ForgetCounts extends DeletedCounts {
  feedback: number;
  lastAnswers: number;
  cooldowns: number;
  /** What they typed into refused forms (Try again's drafts). */
  formDrafts: number;
  /** Subscriptions, team tips and challenges whose creator id was blanked. */
  anonymised: number;
  /** Their personal daily tips, stopped and deleted with their ledger rows. */
  personalTips: number;
}

/** A workspace whose data was purged, and how many rows went. */
export interface PurgedWorkspace {
  platform: Platform;
  workspaceId: string;
  rows: number;
}

export interface PrivacyStore {
  /** Everything about one person on a platform, in all workspaces. */
  exportUser(platform: Platform, userId: string): Promise<UserData>;
  /**
   * Deletes one person's memberships, check-ins, feedback, last answers, cooldowns, form
   * drafts and personal daily tips (with their delivery ledger rows) on a
   * platform, and blanks their id where they created shared things (a channel's tips and
   * challenges stay for everyone else). Afterwards no row holds their id.
   */
  forgetUser(platform: Platform, userId: string): Promise<ForgetCounts>;
  /** Marks a workspace removed; repeats keep the first removal. Its data goes after `purgeAfter`. */
  markWorkspaceRemoved(
    platform: Platform,
    workspaceId: string,
    at: number,
    purgeAfter: number,
  ): Promise<void>;
  /** The app is back in the workspace: nothing is purged. True when a removal was pending. */
  cancelWorkspaceRemoval(platform: Platform, workspaceId: string): Promise<boolean>;
  /** Deletes all data of every workspace whose grace period ended by `now`, then forgets the removal. */
  purgeRemovedWorkspaces(now: number): Promise<PurgedWorkspace[]>;
}
