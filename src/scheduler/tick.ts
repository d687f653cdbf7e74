/**
 * The minute tick's one home. It owns:
 * - the timer: one task for the whole bot (never one per channel), every
 *   SCHEDULER_TICK_SECONDS; a tick still running when the next is due makes that one skip
 *   (`startTicking`);
 * - the jobs a tick runs, one after another in the order they registered (the app
 *   registers daily tips, then challenge posts, then purges of removed workspaces); each
 *   job's report is merged into the tick's;
 * - the per-platform post queues every scheduled post goes through (rate limits,
 *   `retry_after`, retries; `post-queue.ts`), so tips and challenge posts share one budget.
 * A graceful stop ends the timer, tells each job to claim nothing more, waits for the tick
 * under way and then for the queued posts.
 */
import cron, { type Logger as CronLogger } from "node-cron";
import type { Reply } from "../core/reply/reply.js";
import type { ChannelRef, Platform } from "../core/storage-ports/storage.js";
import type { Logger } from "../logger.js";
import { createPostQueue, type PostQueue, type PostQueueOptions } from "./post-queue.js";

/** A running ticker. */
export interface Ticker {
  /** No further ticks start (one already running finishes on its own). */
  stop(): Promise<void>;
}

/**
 * node-cron's own messages as JSON log lines instead of console text. A skipped tick
 * (the previous one still posting) is routine with short ticks, so it is debug only.
 */
function cronLogger(logger: Logger | undefined): CronLogger {
  if (!logger) return { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
  const log = logger.child({ component: "node-cron" });
  return {
    info: (message) => log.debug(message),
    warn: (message) => (message.includes("overlap") ? log.debug(message) : log.warn(message)),
    error: (message, err) => log.error({ err: err ?? message }, String(message)),
    debug: (message) => log.debug(String(message)),
  };
}

/**
 * node-cron's expression for a tick every `seconds`, or undefined when cron cannot space
 * the ticks evenly: the period must divide a minute (six fields, with seconds), or be
 * whole minutes that divide an hour.
 * @example tickExpression(10) === "*\/10 * * * * *"; tickExpression(300) === "*\/5 * * * *"; tickExpression(45) === undefined
 */
export function tickExpression(seconds: number): string | undefined {
  if (!Number.isInteger(seconds) || seconds < 1) return undefined;
  if (seconds < 60 && 60 % seconds === 0) return seconds === 1 ? "* * * * * *" : `*/${seconds} * * * * *`;
  const minutes = seconds / 60;
  if (!Number.isInteger(minutes) || 60 % minutes !== 0) return undefined;
  if (minutes === 1) return "* * * * *";
  return minutes === 60 ? "0 * * * *" : `*/${minutes} * * * *`;
}

/**
 * Calls `run` every `seconds`. Where cron can express the period, node-cron fires on the
 * wall clock (`*\/10 * * * * *` at :00, :10, …), so a restart keeps the rhythm and
 * replicas tick together, which is harmless since their claims never overlap. Other
 * periods (45 s, 90 s, 7 s) would come out uneven in cron (`*\/45` fires at :00 and :45,
 * 45 s then 15 s apart), so a plain interval runs those, with the same skip-on-overlap
 * rule as node-cron's `noOverlap`. A failed run goes to `onError`; the next still comes.
 * node-cron's own messages go to `logger` (JSON lines), or nowhere without one.
 * @example const ticker = startTicking(60, () => scheduler.tick(), (err) => logger.error({ err }, "tick failed"), logger);
 */
export function startTicking(
  seconds: number,
  run: () => Promise<unknown>,
  onError: (error: unknown) => void,
  logger?: Logger,
): Ticker {
  const guarded = async () => {
    try {
      await run();
    } catch (error) {
      onError(error);
    }
  };
  const expression = tickExpression(seconds);
  if (expression) {
    const task = cron.schedule(expression, guarded, {
      name: "vitabot-scheduler",
      noOverlap: true,
      logger: cronLogger(logger),
    });
    return { stop: async () => void (await task.destroy()) };
  }
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void guarded().finally(() => {
      running = false;
    });
  }, seconds * 1000);
  return { stop: async () => clearInterval(timer) };
}

/** Sends a reply to a channel: the adapter registered for its platform. */
export type Poster = (channel: ChannelRef, reply: Reply) => Promise<void>;

/** Discord's global rate limit per bot, in requests a second. */
const DISCORD_GLOBAL_REQUESTS_PER_SECOND = 50;

/**
 * Per-platform posting limits for one process. With replicas, each gets its share of the
 * platform-wide budgets (SLACK_POSTS_PER_SECOND, DISCORD_REQUESTS_PER_SECOND; see docs/scale-out.md).
 * createApp applies them.
 */
export const DEFAULT_QUEUES: Record<Platform, PostQueueOptions> = {
  slack: { perChannelIntervalMs: 1000, concurrency: 20, maxAttempts: 4, backoffMs: 1000 },
  discord: {
    perChannelIntervalMs: 0,
    concurrency: 20,
    perSecond: DISCORD_GLOBAL_REQUESTS_PER_SECOND,
    maxAttempts: 4,
    backoffMs: 1000,
  },
  console: { perChannelIntervalMs: 0, concurrency: 1, maxAttempts: 1, backoffMs: 0 },
};

/** Per platform, over DEFAULT_QUEUES. */
export type QueueOverrides = Partial<Record<Platform, Partial<PostQueueOptions>>>;

/** One queue per platform, made on first use; every scheduled post goes through them. */
export interface PostQueues {
  /** Posts a reply through its platform's queue (limits, retries); resolves once it is sent. */
  post: Poster;
  /** Posts waiting or in flight, all platforms together. */
  depth(): number;
  /** Resolves once every queued post has settled. */
  drain(): Promise<void>;
}

const channelKey = (c: ChannelRef) => `${c.platform}:${c.workspaceId}:${c.channelId}`;

/** @example const queues = createPostQueues((channel, reply) => adapter.post(channel, reply), { slack: { perSecond: 5 } }); */
export function createPostQueues(send: Poster, overrides: QueueOverrides = {}): PostQueues {
  const queues = new Map<Platform, PostQueue>();
  const queueFor = (platform: Platform) => {
    let queue = queues.get(platform);
    if (!queue) {
      queue = createPostQueue({ ...DEFAULT_QUEUES[platform], ...overrides[platform] });
      queues.set(platform, queue);
    }
    return queue;
  };
  return {
    post: (channel, reply) => queueFor(channel.platform).run(channelKey(channel), () => send(channel, reply)),
    depth: () => [...queues.values()].reduce((sum, q) => sum + q.depth(), 0),
    drain: async () => void (await Promise.all([...queues.values()].map((q) => q.drain()))),
  };
}

/** Something the tick runs every time: daily tips, challenge posts, purges. */
export interface TickJob<R extends object> {
  /** One run; its report is merged into the tick's. A failure fails the tick (the next still comes). */
  run(): Promise<R>;
  /** For a graceful stop: claim nothing more (what is not claimed stays due for the next start). */
  stop?(): void;
}

/** Hooks the timer calls around each tick. */
export interface TickHooks<R> {
  /** False when this process must not run the tick (another process holds the SQLite lock). */
  mayTick(): boolean;
  /** After each completed tick. */
  onTick(report: R): void;
}

/** The tick with its jobs; `R` is the report one tick makes. */
export interface Tick<R extends object> {
  /** Adds a job after those already registered; returns the tick, its report now including the job's. */
  register<J extends object>(job: TickJob<J>): Tick<R & J>;
  /** Runs every job once, in order, tracked so `drain` can wait for it. */
  tick(): Promise<R>;
  /** The shared post queues. */
  postQueued: Poster;
  queueDepth(): number;
  /**
   * For a graceful stop: jobs claim nothing more, and this resolves once the tick under
   * way and the posts already queued have settled.
   */
  drain(): Promise<void>;
  /** Starts the timer: a tick every `seconds`; `stop` ends it, then drains. */
  start(seconds: number, hooks?: TickHooks<R>): Ticker;
}

export interface TickDeps {
  queues: PostQueues;
  logger: Logger;
}

/**
 * @example
 * const tick = createTick({ queues: createPostQueues(post), logger }).register(tips.job).register(purges);
 * const timer = tick.start(60);
 */
export function createTick(deps: TickDeps): Tick<object> {
  const jobs: TickJob<object>[] = [];
  const running = new Set<Promise<object>>();
  async function runJobs(): Promise<object> {
    const report = {};
    for (const job of jobs) Object.assign(report, await job.run());
    return report;
  }
  const tick = async () => {
    const current = runJobs();
    running.add(current);
    try {
      return await current;
    } finally {
      running.delete(current);
    }
  };
  const drain = async () => {
    for (const job of jobs) job.stop?.();
    await Promise.allSettled([...running]);
    await deps.queues.drain();
  };
  const home: Tick<object> = {
    register<J extends object>(job: TickJob<J>) {
      jobs.push(job);
      // The same tick: only its report's type grows by the job's.
      return home as Tick<J>;
    },
    tick,
    postQueued: deps.queues.post,
    queueDepth: deps.queues.depth,
    drain,
    start: (seconds, hooks) => {
      const ticker = startTicking(
        seconds,
        async () => {
          if (hooks && !hooks.mayTick()) return;
          const report = await tick();
          hooks?.onTick(report);
        },
        (error) => deps.logger.error({ err: error }, "scheduler tick failed"),
        deps.logger,
      );
      return {
        stop: async () => {
          await ticker.stop();
          // A tick under way finishes claiming and queueing before the queues drain.
          await drain();
        },
      };
    },
  };
  return home;
}
