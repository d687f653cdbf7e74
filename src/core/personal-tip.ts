/**
 * A personal daily tip (`/tips me`): a person's own tip, sent to their direct messages at
 * their local time. It is a tip subscription whose channel is their DMs, so it runs
 * through the same tick, rotation and delivery ledger as a channel's tips. This module
 * names that channel, reads a person's tip for a panel (`personalTipStatus`), and keeps
 * it in step with their profile (`followProfile`: a new zone, or a deactivated account).
 * Stores are taken by their shape, so core needs no storage import.
 */
import type { ChannelRef, Platform } from "./channel-ref.js";
import { canonicalZone, isValidZone } from "./time/local-time.js";
import { describeDays, nextRunFields, type Schedule } from "./time/schedule.js";

/** A personal tip's channel id is the person's id behind this mark: `@U123`. */
const DM_MARK = "@";

/** Who a personal tip belongs to. */
export interface Person {
  platform: Platform;
  /** The workspace they set it in (Slack team, Discord guild or "dm", "console"). */
  workspaceId: string;
  userId: string;
}

/**
 * The channel of a person's tip: their direct messages, as the ledger and the adapters know them.
 * @example personalChannel({ platform: "slack", workspaceId: "T1", userId: "U1" }) // { …, channelId: "@U1" }
 */
export function personalChannel(person: Person): ChannelRef {
  return {
    platform: person.platform,
    workspaceId: person.workspaceId,
    channelId: `${DM_MARK}${person.userId}`,
  };
}

/** The person whose DMs a channel is, for adapters that post there; undefined for a real channel. */
export function dmRecipient(channel: ChannelRef): string | undefined {
  return channel.channelId.startsWith(DM_MARK) ? channel.channelId.slice(DM_MARK.length) : undefined;
}

/** What this module reads of a stored personal tip (a `Subscription` has it all). */
export interface PersonalTipRecord extends Schedule {
  channel: ChannelRef;
  nextRunAt: number | null;
  nextRunDate: string | null;
  pausedReason: string | null;
  person?: { userId: string; zoneFromProfile: boolean };
}

/** "Your daily tip" as a panel shows it: on or off, time, zone, days, next, paused. */
export type PersonalTipStatus =
  | { on: false }
  | {
      on: true;
      /** `HH:MM` local to `zone`. */
      time: string;
      zone: string;
      /** True when the zone is their profile's and follows it. */
      zoneFromProfile: boolean;
      /** ISO weekdays, 1 = Monday. */
      days: number[];
      /** "every day", "weekdays", "Mon, Wed, Fri". */
      daysText: string;
      /** Epoch ms of the next tip; null while paused. */
      nextAt: number | null;
      /** Why it stopped (Discord refused the DM, the account is gone), when it did. */
      pausedReason: string | null;
    };

/** A store that can read a channel's subscription (the Storage port). */
export interface PersonalTipReader {
  getSubscription(channel: ChannelRef): Promise<PersonalTipRecord | undefined>;
}

/** The status of a stored personal tip (or of none). */
export function statusOf(record: PersonalTipRecord | undefined): PersonalTipStatus {
  if (!record) return { on: false };
  return {
    on: true,
    time: record.time,
    zone: record.zone,
    zoneFromProfile: record.person?.zoneFromProfile ?? false,
    days: [...record.days],
    daysText: describeDays(record.days),
    nextAt: record.nextRunAt,
    pausedReason: record.pausedReason,
  };
}

/**
 * A person's daily tip, for Home, `/me` and `/tips me`: the one call a panel makes.
 * @example const tip = await personalTipStatus(app.storage, { platform: "slack", workspaceId: "T1", userId: "U1" });
 */
export async function personalTipStatus(
  store: PersonalTipReader,
  person: Person,
): Promise<PersonalTipStatus> {
  return statusOf(await store.getSubscription(personalChannel(person)));
}

/** A personal tip moved to another zone: same local time and days, next run recomputed. */
function rezoned<T extends PersonalTipRecord>(record: T, zone: string, now: Date): T {
  if (record.pausedReason !== null) return { ...record, zone };
  const next = nextRunFields({ ...record, zone }, now);
  return { ...record, zone, nextRunAt: next.at, nextRunDate: next.date };
}

/** A store that finds, saves and deletes a person's tips (the Storage port). */
export interface PersonalTipStore<T extends PersonalTipRecord> {
  personalTips(platform: Platform, userId: string): Promise<T[]>;
  saveSubscription(record: T): Promise<void>;
  deleteSubscription(channel: ChannelRef): Promise<boolean>;
}

/** What a platform says about a person whose profile changed. */
export interface ProfileChange {
  platform: Platform;
  userId: string;
  /** The account was deactivated. */
  deleted: boolean;
  /** Their profile's IANA zone, when it has one. */
  zone?: string;
}

/**
 * Keeps a person's tips in step with their profile: a deactivated account's tips stop
 * (deleted); a new profile zone moves the tips whose zone came from the profile (a zone
 * they typed stays). Returns how many tips it stopped and moved.
 */
export async function followProfile<T extends PersonalTipRecord>(
  store: PersonalTipStore<T>,
  change: ProfileChange,
  now: Date,
): Promise<{ stopped: number; moved: number }> {
  const tips = await store.personalTips(change.platform, change.userId);
  let stopped = 0;
  let moved = 0;
  for (const tip of tips) {
    if (change.deleted) {
      if (await store.deleteSubscription(tip.channel)) stopped++;
      continue;
    }
    if (!change.zone || !tip.person?.zoneFromProfile || !isValidZone(change.zone)) continue;
    const zone = canonicalZone(change.zone);
    if (tip.zone === zone) continue;
    await store.saveSubscription(rezoned(tip, zone, now));
    moved++;
  }
  return { stopped, moved };
}
