/**
 * A new tip subscription for a channel, as `tips subscribe` saves it: its first next run
 * computed, and a rotation seed of its own (kept from an earlier subscription).
 */
import { createHash } from "node:crypto";
import type { ChannelRef } from "../../src/core/storage-ports/storage.js";
import type { Subscription } from "../../src/core/storage-ports/tips-store.js";
import { nextRunFields, type Schedule } from "../../src/core/time/schedule.js";

/** A stable per-channel seed, so each channel's tip order differs. */
function rotationSeedFor(channel: ChannelRef): string {
  return createHash("sha256")
    .update(`${channel.platform}:${channel.workspaceId}:${channel.channelId}`)
    .digest("hex")
    .slice(0, 16);
}

export interface NewSubscription {
  channel: ChannelRef;
  schedule: Schedule;
  theme: string | null;
  createdBy: string;
  now: Date;
  /** Kept from an earlier subscription of the same channel, so re-subscribing doesn't restart the rotation. */
  previous?: Subscription;
}

/** A subscription with its first next run computed. */
export function buildSubscription(input: NewSubscription): Subscription {
  const next = nextRunFields(input.schedule, input.now);
  return {
    channel: input.channel,
    time: input.schedule.time,
    zone: input.schedule.zone,
    days: [...input.schedule.days],
    skip: [...(input.schedule.skip ?? [])],
    theme: input.theme,
    createdBy: input.previous?.createdBy ?? input.createdBy,
    createdAt: input.previous?.createdAt ?? input.now.getTime(),
    nextRunAt: next.at,
    nextRunDate: next.date,
    pausedReason: null,
    rotationSeed: input.previous?.rotationSeed ?? rotationSeedFor(input.channel),
    cyclePosted: input.previous?.cyclePosted ?? [],
  };
}
