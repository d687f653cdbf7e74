/**
 * A rate-limited posting queue for one platform: posts to the same channel go one at a
 * time with a minimum gap (Slack allows about one message a second per channel), at most
 * `concurrency` posts run at once, optionally at most `perSecond` requests start per
 * second across channels (this replica's share of a platform-wide budget such as
 * Discord's 50 a second per bot), `retry_after` is honoured, transient failures retry
 * with exponential backoff, and permanent ones fail at once so the caller can pause the
 * channel instead of hammering it.
 */
import { PlatformError } from "../errors.js";

export interface PostQueueOptions {
  /** Minimum gap between two posts to the same channel. */
  perChannelIntervalMs: number;
  /** Posts in flight at once, across channels. */
  concurrency: number;
  /**
   * Requests started per second across channels, retries included, evenly spaced (no
   * bursts); unlimited when unset. With replicas, each gets its share of the budget.
   */
  perSecond?: number;
  /** Attempts per post, the first included. */
  maxAttempts: number;
  /** First backoff after a transient failure; doubles each time. */
  backoffMs: number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** @example const queue = createPostQueue({ perChannelIntervalMs: 1000, concurrency: 20, maxAttempts: 4, backoffMs: 500 }) */
export function createPostQueue(options: PostQueueOptions) {
  const sleep = options.sleep ?? realSleep;
  const lastPostAt = new Map<string, number>();
  const channelTail = new Map<string, Promise<void>>();
  const waiting: (() => void)[] = [];
  let active = 0;
  let queued = 0;
  /** When the next request may start, under `perSecond`. */
  let nextStartAt = 0;

  /** Waits for this queue's next request slot (a no-op without `perSecond`). */
  async function paced(): Promise<void> {
    if (!options.perSecond) return;
    const now = Date.now();
    const at = Math.max(now, nextStartAt);
    nextStartAt = at + 1000 / options.perSecond;
    if (at > now) await sleep(at - now);
  }

  async function acquire(): Promise<void> {
    if (active < options.concurrency) {
      active++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }

  async function attempt<T>(job: () => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries++) {
      await paced();
      try {
        return await job();
      } catch (error) {
        const permanent = error instanceof PlatformError && error.detail.permanent;
        if (permanent || tries >= options.maxAttempts) throw error;
        const retryAfter = error instanceof PlatformError ? error.detail.retryAfterMs : undefined;
        await sleep(retryAfter ?? options.backoffMs * 2 ** (tries - 1));
      }
    }
  }

  async function runInChannel<T>(channelKey: string, job: () => Promise<T>): Promise<T> {
    const gap = options.perChannelIntervalMs - (Date.now() - (lastPostAt.get(channelKey) ?? 0));
    if (gap > 0) await sleep(gap);
    await acquire();
    try {
      return await attempt(job);
    } finally {
      lastPostAt.set(channelKey, Date.now());
      release();
    }
  }

  /** Runs `job` for a channel in order behind that channel's earlier posts; rejects with the final error. */
  function run<T>(channelKey: string, job: () => Promise<T>): Promise<T> {
    queued++;
    const previous = channelTail.get(channelKey) ?? Promise.resolve();
    const result = previous.then(() => runInChannel(channelKey, job));
    const settled: Promise<void> = result.then(
      () => finish(),
      () => finish(),
    );
    function finish(): void {
      queued--;
      if (channelTail.get(channelKey) === settled) channelTail.delete(channelKey);
    }
    channelTail.set(channelKey, settled);
    return result;
  }

  /** Posts waiting or in flight (for metrics and graceful stop). */
  function depth(): number {
    return queued;
  }

  /** Resolves when every queued post has finished. */
  async function drain(): Promise<void> {
    await Promise.allSettled([...channelTail.values()]);
  }

  return { run, depth, drain };
}

export type PostQueue = ReturnType<typeof createPostQueue>;
