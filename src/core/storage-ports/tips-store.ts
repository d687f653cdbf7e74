/**
 * What the daily-tips scheduler keeps: per-channel subscriptions (with their next run
 * in UTC, found through an index), the delivery ledger that makes each post go out at
 * most once, and a channel's own team tips. Part of the Storage port.
 */
import type { ChannelRef, Platform } from "./records.js";

/** Kinds of scheduled post; each has its own ledger key. */
const DELIVERY_KINDS = ["tip", "reminder", "recap", "summary"] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export interface Subscription {
  channel: ChannelRef;
  /** `HH:MM`, local to `zone`. */
  time: string;
  zone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Local dates (`YYYY-MM-DD`) with no post. */
  skip: string[];
  /** Optional focus: a nutrient id or a tip theme. */
  theme: string | null;
  createdBy: string;
  createdAt: number;
  /** Epoch ms of the next post, or null when paused or nothing is left to post. */
  nextRunAt: number | null;
  /** The local date of that next post: the ledger key. */
  nextRunDate: string | null;
  pausedReason: string | null;
  /** Seeds this channel's tip order. */
  rotationSeed: string;
  /** Tip ids posted in the current cycle. */
  cyclePosted: string[];
  /**
   * Set on a personal tip (`tips me`): whose it is. Its channel is then their direct
   * messages (src/core/personal-tip.ts); a channel's tips have none.
   */
  person?: PersonalTipOwner;
}

/** Whose a personal tip is, and where its zone comes from. */
interface PersonalTipOwner {
  userId: string;
  /** The zone is the person's profile zone (Slack's `tz`) and follows it when they change it. */
  zoneFromProfile: boolean;
}

export interface DeliveryKey {
  channel: ChannelRef;
  kind: DeliveryKind;
  /** The local date the post belongs to. */
  localDate: string;
}

export type DeliveryStatus = "claimed" | "sent" | "failed";

/**
 * Stale claims returned at most: more than a crashed replica can leave (one claim slice
 * in flight per platform, at most 250 posts each).
 */
export const STALE_CLAIMS_LIMIT = 1000;

export interface Delivery extends DeliveryKey {
  status: DeliveryStatus;
  claimedBy: string;
  claimedAt: number;
  finishedAt: number | null;
  reason: string | null;
  /** What was posted (a tip id), once known. */
  item: string | null;
}

export interface TeamTip {
  id: string;
  channel: ChannelRef;
  text: string;
  sourceUrl: string | null;
  createdBy: string;
  createdAt: number;
}

export interface TipsStore {
  /** Creates or replaces a channel's subscription. */
  saveSubscription(subscription: Subscription): Promise<void>;
  getSubscription(channel: ChannelRef): Promise<Subscription | undefined>;
  /** Every channel subscription of one workspace (or guild), paused ones included, by channel id; not personal tips. */
  listWorkspaceSubscriptions(platform: Platform, workspaceId: string): Promise<Subscription[]>;
  deleteSubscription(channel: ChannelRef): Promise<boolean>;
  /**
   * Unpaused subscriptions whose next run is at or before `now`, oldest first, via the
   * next-run index; only one platform's when `platform` is given.
   */
  dueSubscriptions(now: number, limit: number, platform?: Platform): Promise<Subscription[]>;
  /**
   * Moves a subscription's next run forward, only if it still is `expectedNextRunAt`
   * (compare-and-set, so two schedulers cannot both move it); true when this call did.
   */
  advanceSubscription(
    channel: ChannelRef,
    expectedNextRunAt: number,
    next: { at: number | null; date: string | null },
  ): Promise<boolean>;
  /** Pauses a subscription (no next run) with a reason shown in `tips status`. */
  pauseSubscription(channel: ChannelRef, reason: string): Promise<void>;
  /** Records a posted tip in the channel's rotation (starting a new cycle when asked). */
  recordRotation(channel: ChannelRef, tipId: string, newCycle: boolean): Promise<void>;

  /** INSERT … ON CONFLICT DO NOTHING: true for exactly one claimer of a key. */
  claimDelivery(key: DeliveryKey, claimedBy: string, at: number): Promise<boolean>;
  /**
   * Claims many keys in one statement (multi-row INSERT … ON CONFLICT DO NOTHING
   * RETURNING): returns the keys this call won.
   */
  claimDeliveries(keys: readonly DeliveryKey[], claimedBy: string, at: number): Promise<DeliveryKey[]>;
  /** Moves a claimed delivery to `sent` or `failed`. */
  finishDelivery(
    key: DeliveryKey,
    status: "sent" | "failed",
    at: number,
    detail: { reason?: string; item?: string },
  ): Promise<void>;
  getDelivery(key: DeliveryKey): Promise<Delivery | undefined>;
  /**
   * Claims never finished, older than `olderThan` (a crash between claim and send): the
   * newest STALE_CLAIMS_LIMIT of them, oldest first.
   */
  staleClaims(olderThan: number, channel?: ChannelRef): Promise<Delivery[]>;

  /** A person's personal tips on a platform, in every workspace. */
  personalTips(platform: Platform, userId: string): Promise<Subscription[]>;

  addTeamTip(tip: TeamTip): Promise<void>;
  listTeamTips(channel: ChannelRef): Promise<TeamTip[]>;
  removeTeamTip(channel: ChannelRef, id: string): Promise<boolean>;
}
