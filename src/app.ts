/**
 * The composition root's core: builds config-driven services in order (content,
 * knowledge, storage, registry, scheduler, dispatcher) and passes them down. No
 * singletons. Adapters register themselves so posts (scheduled tips, Share, setup
 * checks) reach the right platform.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { commands } from "../commands/index.js";
import type { ChatAdapter } from "./adapters/chat-adapter.js";
import type { Config } from "./config.js";
import { type BotServices, type Clock, systemClock } from "./core/commands/context.js";
import type { CommandDefinition } from "./core/commands/define-command.js";
import { createDispatcher, type Dispatcher } from "./core/commands/dispatch.js";
import { createRegistry, type Registry } from "./core/commands/registry.js";
import { loadContent } from "./core/content/load-content.js";
import { createKnowledge, type Knowledge } from "./core/knowledge/knowledge.js";
import type { Reply } from "./core/reply/reply.js";
import { PlatformError } from "./errors.js";
import type { Logger } from "./logger.js";
import { createTipScheduler, type SchedulerDeps, type TipScheduler } from "./scheduler/scheduler.js";
import { createStorage } from "./storage/create-storage.js";
import type { ChannelRef, Platform, Storage } from "./storage/storage.js";

export interface App {
  config: Config;
  logger: Logger;
  knowledge: Knowledge;
  storage: Storage;
  registry: Registry;
  dispatcher: Dispatcher;
  scheduler: TipScheduler;
  clock: Clock;
  adapters: ReadonlyMap<Platform, ChatAdapter>;
  /** Makes an adapter the one that posts for its platform. */
  registerAdapter(adapter: ChatAdapter): void;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  /** Overrides for tests and benchmarks (grace, lease, queue limits). */
  scheduler?: Partial<Omit<SchedulerDeps, "storage" | "knowledge" | "post" | "clock" | "logger">>;
  /** An already open store (tests share one between two apps). */
  storage?: Storage;
  /** Replaces commands/index.ts (tests of the dispatcher itself). */
  commands?: readonly CommandDefinition[];
}

/**
 * Loads content (refusing broken content), opens and migrates storage, and wires the
 * scheduler and dispatcher.
 * @example const app = await createApp(parseConfig(), createLogger({ level: "info" }));
 */
export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const knowledge = createKnowledge(loadContent(config.contentDir), {
    emergencyNumber: config.emergencyNumber,
  });
  const registry = createRegistry(options.commands ?? commands);
  const storage = options.storage ?? createStorage(config.storage);
  await storage.migrate();
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
  const scheduler = createTipScheduler({
    storage,
    knowledge,
    post,
    clock,
    logger,
    processId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    graceMs: config.graceMs,
    ...options.scheduler,
  });
  const services: BotServices = { post, tips: { postNext: scheduler.postNext, pickTip: scheduler.pickTip } };
  const dispatcher = createDispatcher({
    registry,
    knowledge,
    storage,
    clock,
    logger,
    cooldownMs: config.cooldownMs,
    services,
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
    clock,
    adapters,
    registerAdapter: (adapter) => adapters.set(adapter.platform, adapter),
    close: () => storage.close(),
  };
}
