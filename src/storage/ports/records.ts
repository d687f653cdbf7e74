/**
 * The plain shapes every store speaks in: platforms, channels, people and feedback. Kept
 * apart from storage.ts, which composes the stores, so each store can use them without
 * importing the port that includes it.
 */
export type Platform = "slack" | "discord" | "console";

/** A chat channel, fully qualified: platform, workspace (Slack team / Discord guild), channel. */
export interface ChannelRef {
  platform: Platform;
  /** Slack team id, Discord guild id, or "console"; "dm" for direct messages without one. */
  workspaceId: string;
  channelId: string;
}

/** A person in a channel. */
export interface UserRef extends ChannelRef {
  userId: string;
}

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
