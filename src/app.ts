/**
 * The composition root's core: builds config-driven services in order (content,
 * knowledge, storage, registry, the tick and its jobs, dispatcher) and passes them down.
 * No singletons. Adapters register themselves so posts (scheduled tips, Share, setup
 * checks) reach the right platform.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { commands } from "../commands/index.js";
import type { AdapterApp, ChatAdapter } from "./adapters/chat-adapter.js";
import {
  type ChallengePosts,
  type ChallengeTickReport,
  createChallengePosts,
} from "./challenges/challenge-posts.js";
import { type ChartPool, type ChartPoolOptions, createChartPool } from "./challenges/chart-pool.js";
import type { ChallengeServices } from "./challenges/command-services.js";
import { createChallengeService } from "./challenges/service.js";
import type { Config } from "./config.js";
import { type Clock, systemClock } from "./core/clock.js";
import type { BotServices } from "./core/commands/context.js";
import type { CommandDefinition } from "./core/commands/define-command.js";
import { createDispatcher, type DispatcherDeps } from "./core/commands/dispatch.js";
import { createRegistry } from "./core/commands/registry.js";
import { loadContentFast } from "./core/knowledge/content-snapshot.js";
import { createKnowledge, type Knowledge } from "./core/knowledge/knowledge.js";
import { purgeRemovedWorkspaces } from "./core/privacy/workspace-removal.js";
import type { Reply } from "./core/reply/reply.js";
import type { ChannelRef, Platform, Storage } from "./core/storage-ports/storage.js";
import { PlatformError } from "./errors.js";
import { knowledgeOptions } from "./knowledge-options.js";
import type { Logger } from "./logger.js";
import { createPostQueues, createTick, type Tick } from "./scheduler/tick.js";
import { createDailyTips, type SchedulerDeps, type TickReport } from "./scheduler/tips-job.js";

/** The running app: what adapters use (`AdapterApp`), plus the tick, charts and adapters. */
export interface App extends AdapterApp {
  /**
   * The tick (src/scheduler/tick.ts): daily tips, then challenge posts, then purges of
   * removed workspaces, expired form drafts and day-old event claims, all posting through
   * its shared queues.
   */
  scheduler: AppScheduler;
  challengePosts: ChallengePosts;
  /** Where chart pictures are drawn: a small worker pool, or inline with CHART_THREADS=0. */
  charts: ChartPool;
  adapters: ReadonlyMap<Platform, ChatAdapter>;
  /** Makes an adapter the one that posts for its platform. */
  registerAdapter(adapter: ChatAdapter): void;
  close(): Promise<void>;
}

/** What one scheduler tick did, tips first. */
interface AppTickReport extends TickReport {
  challenges: ChallengeTickReport;
  /** Workspaces whose data was deleted after their grace period. */
  purgedWorkspaces: number;
  /** Refused forms' typed values deleted once expired. */
  purgedFormDrafts: number;
  /** Event and form-submission claims forgotten once a day old (hourly; 0 between). */
  prunedEventClaims: number;
}

/** How long a claimed event or form submission is remembered: Slack's last retry comes about 5 minutes after the first try. */
const EVENT_CLAIM_RETENTION_MS = 24 * 60 * 60_000;
/** How often the tick prunes old claims. */
const EVENT_CLAIM_PRUNE_EVERY_MS = 60 * 60_000;

type AppScheduler = Tick<AppTickReport>;

export interface AppOptions {
  clock?: Clock;
  /** Overrides for tests and benchmarks (grace, lease, queue limits). */
  scheduler?: Partial<Omit<SchedulerDeps, "storage" | "knowledge" | "post" | "clock" | "logger">>;
  /**
   * An already open store (tests share one between two apps), or one that opens on first
   * use (src/storage/lazy-storage.ts: a one-shot command). It is migrated, not closed on failure.
   */
  storage?: Storage;
  /** Replaces commands/index.ts (tests of the dispatcher itself). */
  commands?: readonly CommandDefinition[];
  /** Told about every command the dispatcher handles (metrics). */
  onCommand?: DispatcherDeps["onCommand"];
  /** A chart worker module of the test's own (one that waits on a gate). */
  chartWorker?: ChartPoolOptions["worker"];
  /** The knowledge base `knowledgeFor(config)` (src/knowledge-for.ts) gives, built already (tests share one). */
  knowledge?: Knowledge;
}

/** The configured database, opened and migrated (closed again if that fails). */
async function openConfiguredStorage(config: Config, logger: Logger): Promise<Storage> {
  const { openStorage } = await import("./storage/create-storage.js");
  return openStorage(config.storage, logger);
}

/**
 * This replica's share of each platform's posting budget (SLACK_POSTS_PER_SECOND,
 * DISCORD_REQUESTS_PER_SECOND), under any overrides from tests and benchmarks.
 */
export function queueLimits(
  config: Config,
  overrides: SchedulerDeps["queues"] = {},
): SchedulerDeps["queues"] {
  const slack = config.slack?.postsPerSecond;
  const discord = config.discord?.requestsPerSecond;
  return {
    ...overrides,
    slack: { ...(slack ? { perSecond: slack } : {}), ...overrides.slack },
    discord: { ...(discord ? { perSecond: discord } : {}), ...overrides.discord },
  };
}

/**
 * Loads content (refusing broken content), opens and migrates storage, and wires the
 * scheduler and dispatcher.
 * @example const app = await createApp(parseConfig(), createLogger({ level: "info" }));
 */
export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const knowledge =
    options.knowledge ??
    createKnowledge((await loadContentFast(config.contentDir)).content, knowledgeOptions(config));
  const registry = createRegistry(options.commands ?? commands);
  // The drivers (Kysely, better-sqlite3, pg) load only when this app opens a database.
  const storage = options.storage ?? (await openConfiguredStorage(config, logger));
  if (options.storage) await storage.migrate();
  const adapters = new Map<Platform, ChatAdapter>();
  const post = async (channel: ChannelRef, reply: Reply) => {
    const adapter = adapters.get(channel.platform);
    if (!adapter) {
      throw new PlatformError(
        channel.platform,
        "adapter_not_running",
        `the ${channel.platform} adapter is not running here`,
        {
          permanent: false,
        },
      );
    }
    await adapter.post(channel, reply);
  };
  const processId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const { queues: queueOverrides, ...tipOptions } = options.scheduler ?? {};
  const queues = createPostQueues(post, queueLimits(config, queueOverrides));
  const tips = createDailyTips({
    storage,
    knowledge,
    queues,
    clock,
    logger,
    processId,
    graceMs: config.graceMs,
    ...tipOptions,
  });
  const charts = createChartPool({
    threads: config.chartThreads,
    logger,
    ...(options.chartWorker ? { worker: options.chartWorker } : {}),
  });
  const challenges = createChallengeService({
    store: storage,
    templates: knowledge.content.challenges,
    clock,
  });
  const challengePosts = createChallengePosts({
    storage,
    challenges,
    post: (challenge, reply) => queues.post(challenge.channel, reply),
    clock,
    logger,
    processId,
    graceMs: config.graceMs,
    drawChart: charts.draw,
  });
  const scheduler: AppScheduler = createTick({ queues, logger })
    .register(tips.job)
    .register({ run: async () => ({ challenges: await challengePosts.tick() }) })
    .register({
      run: async () => ({ purgedWorkspaces: await purgeRemovedWorkspaces(storage, clock.now(), logger) }),
    })
    .register({
      // Refused forms' typed values (Discord's Try again) past their 15 minutes.
      run: async () => ({ purgedFormDrafts: await storage.purgeFormDrafts(clock.now().getTime()) }),
    })
    .register(pruneEventClaims(storage, clock));
  const challengeServices: ChallengeServices = {
    challenges,
    endChallenge: challengePosts.end,
    drawChart: charts.draw,
  };
  const services: BotServices = {
    post,
    tips: { postNext: tips.postNext, pickTip: tips.pickTip },
    ...challengeServices,
  };
  const dispatcher = createDispatcher({
    registry,
    knowledge,
    storage,
    clock,
    logger,
    cooldownMs: config.cooldownMs,
    services,
    ...(options.onCommand ? { onCommand: options.onCommand } : {}),
  });
  logger.debug({ storage: storage.kind, commands: registry.names().length }, "app ready");
  return {
    config,
    logger,
    knowledge,
    storage,
    registry,
    dispatcher,
    scheduler,
    challengePosts,
    charts,
    clock,
    adapters,
    registerAdapter: (adapter) => adapters.set(adapter.platform, adapter),
    close: async () => {
      await charts.close();
      await storage.close();
    },
  };
}

/**
 * The tick's job that forgets claims older than a day (Slack event ids, Discord and Slack form
 * submissions), at most once an hour, whichever platforms run.
 */
function pruneEventClaims(storage: Pick<Storage, "pruneEvents">, clock: Clock) {
  let last = Number.NEGATIVE_INFINITY;
  return {
    run: async () => {
      const now = clock.now().getTime();
      if (now - last < EVENT_CLAIM_PRUNE_EVERY_MS) return { prunedEventClaims: 0 };
      last = now;
      return { prunedEventClaims: await storage.pruneEvents(now - EVENT_CLAIM_RETENTION_MS) };
    },
  };
}
