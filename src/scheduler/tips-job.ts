/**
 * The daily tips, a job of the minute tick (SCHEDULER_TICK_SECONDS), no timer per
 * channel. A tick asks the store for subscriptions whose next run is due (an indexed
 * query), then, a slice at a time: claim the slice's ledger keys, move each next run on,
 * and post through the platform's queue; the ledger row then becomes `sent` or `failed`.
 * At most once: only the claimer posts, and a crash between claim and send leaves a stale
 * claim that is reported, never resent. Replicas share one database and take turns over
 * the slices (a few per tick, sized to what is due). The tips are one job of the tick
 * (`tick.ts`), which also owns the post queues they go through; the claims and stale
 * claims are `tip-claims.ts`.
 */
import type { Logger } from "pino";
import type { Clock } from "../core/clock.js";
import type { Knowledge } from "../core/knowledge/knowledge.js";
import type { Platform, Storage } from "../core/storage-ports/storage.js";
import type { Delivery, DeliveryKey, Subscription } from "../core/storage-ports/tips-store.js";
import { localDate } from "../core/time/local-time.js";
import { nextRunFields, scheduleOf } from "../core/time/schedule.js";
import { PlatformError } from "../errors.js";
import { chooseTip, eligibleTips, type TipItem, tipReply } from "./daily-tips.js";
import {
  createPostQueues,
  createTick,
  DEFAULT_QUEUES,
  type Poster,
  type PostQueues,
  type QueueOverrides,
  type TickJob,
} from "./tick.js";
import { channelKey, claimInOrder, claimSliceSize, createStaleClaims, tipKey } from "./tip-claims.js";

const DEFAULT_GRACE_MS = 3 * 3600_000;
/** Due subscriptions fetched per query (a page), per platform. */
const DEFAULT_BATCH = 2000;
/** A backstop: pages one platform may take in one tick (each page's rows move on, so the next differs). */
const MAX_PAGES_PER_TICK = 50;
/**
 * Due runs of a slice settled at once (next-run update, then the post). More would only
 * lengthen the database's queue: every statement waits its turn for a connection.
 */
const SETTLE_CONCURRENCY = 50;

/** What the daily tips need; they post through the tick's shared queues. */
export interface DailyTipsDeps {
  storage: Storage;
  knowledge: Knowledge;
  queues: PostQueues;
  clock: Clock;
  logger: Logger;
  /** Identifies this process in ledger claims. */
  processId: string;
  graceMs?: number;
  leaseMs?: number;
  batchSize?: number;
}

/** A tip scheduler on its own (a replica in tests and benchmarks): its own tick and post queues. */
export interface SchedulerDeps extends Omit<DailyTipsDeps, "queues"> {
  /** Sends a reply (the adapter). */
  post: Poster;
  /** Per platform, over DEFAULT_QUEUES. */
  queues?: QueueOverrides;
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

const PLATFORMS = Object.keys(DEFAULT_QUEUES) as Platform[];

/** Runs `work` on every item, at most `limit` at once; once all have ended, rejects with the first failure. */
async function eachAtMost<T>(
  limit: number,
  items: readonly T[],
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item).catch((error: unknown) => void failures.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failures.length > 0) throw failures[0];
}

/**
 * The daily tips: `job` is what the tick runs; `postNext` and `pickTip` serve `/tips`.
 * @example const tips = createDailyTips(deps); const tick = createTick(home).register(tips.job);
 */
export function createDailyTips(deps: DailyTipsDeps) {
  const { storage, knowledge, logger, clock } = deps;
  const graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;
  const staleClaims = createStaleClaims({
    storage,
    logger,
    ...(deps.leaseMs !== undefined ? { leaseMs: deps.leaseMs } : {}),
  });
  let stopping = false;

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
    await deps.queues.post(sub.channel, tipReply(knowledge, picked.item));
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
    return { sub, scheduledAt, key: tipKey(sub.channel, date), late };
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

  /** Claims a slice's on-time keys (sorted, so two replicas' statements never deadlock); returns the won channels. */
  async function claimSlice(slice: DueRun[], report: TickReport): Promise<Set<string>> {
    const keys = slice.filter((r) => !r.late).map((r) => r.key);
    const started = performance.now();
    const won = await claimInOrder(storage, keys, deps.processId, clock.now().getTime());
    report.collectMs += performance.now() - started;
    report.claimed += won.length;
    return new Set(won.map((k) => channelKey(k.channel)));
  }

  /**
   * One platform's due posts, a slice at a time: claim the slice (one statement), then
   * move each next run on and post what this process won, then the next slice. Claiming
   * slice by slice is what shares the work between replicas ticking at once (whoever
   * claims a slice first posts it, the others skip it), and a crash loses at most the
   * slice in flight. Slices are sized to what is due (claimSliceSize), so a tick costs a
   * few claims however many posts are due; the next slice is claimed once the previous
   * one has settled, so a claim never waits behind that slice's writes.
   */
  async function settleAll(runs: DueRun[], now: Date, report: TickReport): Promise<void> {
    const size = claimSliceSize(runs.length);
    const slices: DueRun[][] = [];
    for (let i = 0; i < runs.length; i += size) slices.push(runs.slice(i, i + size));
    // Replicas find the same due list; starting each at a random slice keeps them from
    // racing for every slice (a lost race still costs a claim and the next-run updates).
    const start = Math.floor(Math.random() * slices.length);
    for (const slice of [...slices.slice(start), ...slices.slice(0, start)]) {
      if (stopping) break;
      const won = await claimSlice(slice, report);
      await eachAtMost(SETTLE_CONCURRENCY, slice, (run) =>
        settle(run, !run.late && won.has(channelKey(run.sub.channel)), now, report),
      );
    }
  }

  /**
   * One platform's due posts beyond the tick's first page, a page at a time (an indexed
   * query per page), each page claimed and settled slice by slice, until a page comes
   * back short.
   */
  async function tickPlatform(
    platform: Platform,
    now: Date,
    todayIn: (zone: string) => string,
    report: TickReport,
  ): Promise<void> {
    const limit = deps.batchSize ?? DEFAULT_BATCH;
    for (let page = 1; page < MAX_PAGES_PER_TICK && !stopping; page++) {
      const started = performance.now();
      const due = await storage.dueSubscriptions(now.getTime(), limit, platform);
      report.collectMs += performance.now() - started;
      report.due += due.length;
      await settleAll(
        due.map((sub) => plan(sub, now, todayIn)),
        now,
        report,
      );
      if (due.length < limit) return;
    }
  }

  /**
   * One scheduler run: one indexed query finds the first page of due posts for every
   * platform; then each platform goes on its own (so Discord's global limit never holds
   * up Slack), claiming and settling its part slice by slice, and paging through the rest
   * of its due posts when that first page was full.
   */
  async function runTick(): Promise<TickReport> {
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
    if (stopping) return report;
    const zoneDates = new Map<string, string>();
    const todayIn = (zone: string) => {
      const known = zoneDates.get(zone);
      if (known !== undefined) return known;
      const date = localDate(now, zone);
      zoneDates.set(zone, date);
      return date;
    };
    const limit = deps.batchSize ?? DEFAULT_BATCH;
    const first = await storage.dueSubscriptions(now.getTime(), limit);
    report.collectMs = performance.now() - started;
    report.due += first.length;
    await Promise.all(
      PLATFORMS.map(async (platform) => {
        const mine = first.filter((sub) => sub.channel.platform === platform);
        await settleAll(
          mine.map((sub) => plan(sub, now, todayIn)),
          now,
          report,
        );
        if (first.length >= limit) await tickPlatform(platform, now, todayIn, report);
      }),
    );
    report.staleClaims = await staleClaims.collect(now.getTime());
    if (report.due > 0) logger.info({ ...report, staleClaims: report.staleClaims.length }, "scheduler tick");
    return report;
  }

  /** A graceful stop: running ticks claim no further slice, and ticks after this do nothing. */
  const job: TickJob<TickReport> = {
    run: runTick,
    stop: () => {
      stopping = true;
    },
  };
  return { job, postNext, pickTip };
}

/** @example const scheduler = createTipScheduler(deps); await scheduler.tick(); */
export function createTipScheduler(deps: SchedulerDeps) {
  const { post, queues: overrides, ...rest } = deps;
  const queues = createPostQueues(post, overrides);
  const tips = createDailyTips({ ...rest, queues });
  const tick = createTick({ queues, logger: deps.logger }).register(tips.job);
  return {
    tick: tick.tick,
    postNext: tips.postNext,
    pickTip: tips.pickTip,
    queueDepth: tick.queueDepth,
    drain: tick.drain,
    postQueued: tick.postQueued,
  };
}
