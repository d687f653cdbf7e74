/**
 * The plain shapes every store speaks in: platforms, channels and people (defined in
 * core, src/core/channel-ref.ts, and passed on here) and feedback. Kept apart from
 * storage.ts, which composes the stores, so each store can use them without importing
 * the port that includes it.
 */
import type { UserRef } from "../channel-ref.js";

export type { ChannelRef, Platform, UserRef } from "../channel-ref.js";

export interface FeedbackInput {
  where: UserRef;
  /** The answer being rated (`Answer.id`, e.g. `faq:vitd-muscle-loss`). */
  answerId: string;
  /** The question that produced it, kept for content review. */
  question: string;
  vote: "up" | "down";
  note: string | null;
  /** Epoch milliseconds. */
  at: number;
}

export interface FeedbackRecord extends FeedbackInput {
  id: string;
}
