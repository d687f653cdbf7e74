/**
 * The daily-tip scheduler: one tick a minute, no timer per channel. A tick asks the
 * store for subscriptions whose next run is due (an indexed query), then for each:
 * claim the ledger key, move the next run on, and post through the platform's queue;
 * the ledger row then becomes `sent` or `failed`. At most once: only the claimer posts,
 * and a crash between claim and send leaves a stale claim that is reported, never resent.
 */
import type { Logger } from "pino";
import type { Clock } from "../core/commands/context.js";
import type { Knowledge } from "../core/knowledge/knowledge.js";
import type { Reply } from "../core/reply/reply.js";
import { PlatformError } from "../errors.js";
import type { ChannelRef, Platform, Storage } from "../storage/storage.js";
import type { Delivery, DeliveryKey, Subscription } from "../storage/tips-store.js";
import { chooseTip, eligibleTips, nextRunFields, scheduleOf, type TipItem, tipReply } from "./daily-tips.js";
import { localDate } from "./local-time.js";
import { createPostQueue, type PostQueue, type PostQueueOptions } from "./post-queue.js";

export const DEFAULT_GRACE_MS = 3 * 3600_000;
export const DEFAULT_LEASE_MS = 10 * 60_000;
const DEFAULT_BATCH = 2000;
/** Due posts settled (advanced and posted) at once. */
const SETTLE_SLICE = 100;

/** Per-platform posting limits (see README, "Scale out", for splitting them across replicas). */
export const DEFAULT_QUEUES: Record<Platform, PostQueueOptions> = {
  slack: { perChannelIntervalMs: 1000, concurrency: 20, maxAttempts: 4, backoffMs: 1000 },
  discord: { perChannelIntervalMs: 0, concurrency: 20, maxAttempts: 4, backoffMs: 1000 },
  console: { perChannelIntervalMs: 0, concurrency: 1, maxAttempts: 1, backoffMs: 0 },
};

export type Poster = (channel: ChannelRef, reply: Reply) => Promise<void>;

export interface SchedulerDeps {
  storage: Storage;
  knowledge: Knowledge;
  post: Poster;
  clock: Clock;
  logger: Logger;
  /** Identifies this process in ledger claims. */
  processId: string;
  graceMs?: number;
  leaseMs?: number;
  batchSize?: number;
  queues?: Partial<Record<Platform, PostQueueOptions>>;
}

export interface TickReport {
  due: number;
  claimed: number;
  /** Due here but claimed by another process first. */
  claimedElsewhere: number;
  skippedLate: number;
  posted: number;
  failed: number;
  paused: number;
  staleClaims: Delivery[];
  /** Time to find and claim the due posts, excluding the posting itself. */
  collectMs: number;
}

const keyOf = (channel: ChannelRef, localDateStr: string): DeliveryKey => ({
  channel,
  kind: "tip",
  localDate: localDateStr,
});
const channelKey = (c: ChannelRef) => `${c.platform}:${c.workspaceId}:${c.channelId}`;

/** @example const scheduler = createTipScheduler(deps); await scheduler.tick(); */
export function createTipScheduler(deps: SchedulerDeps) {
  const { storage, knowledge, logger, clock } = deps;
  const graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const queues = new Map<Platform, PostQueue>();
  const queueFor = (platform: Platform) => {
    let queue = queues.get(platform);
    if (!queue) {
      queue = createPostQueue({ ...DEFAULT_QUEUES[platform], ...deps.queues?.[platform] });
      queues.set(platform, queue);
    }
    return queue;
  };

  /** The tip a subscription would post next, without recording anything. */
  async function pickTip(sub: Subscription): Promise<{ item: TipItem; newCycle: boolean } | undefined> {
    return chooseTip(sub, eligibleTips(knowledge, await storage.listTeamTips(sub.channel), sub.theme));
  }

  /** Posts a subscription's next tip now (queue, retries); records the rotation. */
  async function postNext(sub: Subscription): Promise<TipItem> {
    const picked = await pickTip(sub);
    if (!picked)
      throw new PlatformError(sub.channel.platform, "no_tips", "no tip matches this channel's focus", {
        permanent: true,
      });
    await queueFor(sub.channel.platform).run(channelKey(sub.channel), () =>
      deps.post(sub.channel, tipReply(knowledge, picked.item)),
    );
    await storage.recordRotation(sub.channel, picked.item.id, picked.newCycle);
    return picked.item;
  }

  async function deliver(sub: Subscription, key: DeliveryKey, report: TickReport): Promise<void> {
    const log = logger.child({ channel: channelKey(sub.channel), localDate: key.localDate });
    try {
      const item = await postNext(sub);
      await storage.finishDelivery(key, "sent", clock.now().getTime(), { item: item.id });
      report.posted++;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await storage.finishDelivery(key, "failed", clock.now().getTime(), { reason });
      report.failed++;
      if (error instanceof PlatformError && error.detail.permanent) {
        await storage.pauseSubscription(sub.channel, `${error.code}: ${reason}`);
        report.paused++;
        log.warn({ code: error.code }, "tip failed permanently; subscription paused");
      } else {
        log.error({ err: error }, "tip failed after retries");
      }
    }
  }

  interface DueRun {
    sub: Subscription;
    scheduledAt: number;
    key: DeliveryKey;
    late: boolean;
  }

  /** What a due subscription means at `now`; `todayIn` caches each zone's local date for the tick. */
  function plan(sub: Subscription, now: Date, todayIn: (zone: string) => string): DueRun {
    const scheduledAt = sub.nextRunAt ?? 0;
    const date = sub.nextRunDate ?? localDate(new Date(scheduledAt), sub.zone);
    const late = now.getTime() - scheduledAt > graceMs || todayIn(sub.zone) !== date;
    return { sub, scheduledAt, key: keyOf(sub.channel, date), late };
  }

  /** After the claim: move the next run on (compare-and-set), then post if this process won. */
  async function settle(run: DueRun, won: boolean, now: Date, report: TickReport): Promise<void> {
    const next = nextRunFields(scheduleOf(run.sub), new Date(Math.max(run.scheduledAt, now.getTime())));
    await storage.advanceSubscription(run.sub.channel, run.scheduledAt, next);
    if (run.late) {
      report.skippedLate++;
      logger.info(
        { channel: channelKey(run.sub.channel), localDate: run.key.localDate },
        "missed tip older than the grace window: skipped",
      );
    } else if (won) {
      await deliver(run.sub, run.key, report);
    } else {
      report.claimedElsewhere++;
    }
  }

  /**
   * One scheduler run: find due posts (indexed query), claim them all in one statement,
   * then move each next run on and post what this process won.
   */
  async function tick(): Promise<TickReport> {
    const now = clock.now();
    const started = performance.now();
    const report: TickReport = {
      due: 0,
      claimed: 0,
      claimedElsewhere: 0,
      skippedLate: 0,
      posted: 0,
      failed: 0,
      paused: 0,
      staleClaims: [],
      collectMs: 0,
    };
    const zoneDates = new Map<string, string>();
    const todayIn = (zone: string) => {
      const known = zoneDates.get(zone);
      if (known !== undefined) return known;
      const date = localDate(now, zone);
      zoneDates.set(zone, date);
      return date;
    };
    const runs = (await storage.dueSubscriptions(now.getTime(), deps.batchSize ?? DEFAULT_BATCH)).map((sub) =>
      plan(sub, now, todayIn),
    );
    report.due = runs.length;
    const onTime = runs.filter((r) => !r.late);
    const won = new Set(
      (
        await storage.claimDeliveries(
          onTime.map((r) => r.key),
          deps.processId,
          now.getTime(),
        )
      ).map((k) => channelKey(k.channel)),
    );
    report.claimed = won.size;
    report.collectMs = performance.now() - started;
    // Settle in slices, so a big tick never holds thousands of posts in flight at once.
    for (let i = 0; i < runs.length; i += SETTLE_SLICE) {
      const slice = runs.slice(i, i + SETTLE_SLICE);
      await Promise.all(
        slice.map((run) => settle(run, !run.late && won.has(channelKey(run.sub.channel)), now, report)),
      );
    }
    report.staleClaims = await storage.staleClaims(now.getTime() - leaseMs);
    for (const stale of report.staleClaims) {
      logger.warn(
        { channel: channelKey(stale.channel), kind: stale.kind, localDate: stale.localDate },
        "claimed but never sent (crash?): not resent",
      );
    }
    if (report.due > 0) logger.info({ ...report, staleClaims: report.staleClaims.length }, "scheduler tick");
    return report;
  }

  /** Posts lingering in the platform queues. */
  function queueDepth(): number {
    return [...queues.values()].reduce((sum, q) => sum + q.depth(), 0);
  }

  async function drain(): Promise<void> {
    await Promise.all([...queues.values()].map((q) => q.drain()));
  }

  return { tick, postNext, pickTip, queueDepth, drain };
}

export type TipScheduler = ReturnType<typeof createTipScheduler>;
