/**
 * The composition root's core: builds config-driven services in order (logger, content,
 * knowledge, storage, registry, dispatcher) and passes them down. No singletons.
 */
import { commands } from "../commands/index.js";
import type { Config } from "./config.js";
import { type Clock, systemClock } from "./core/commands/context.js";
import { createDispatcher, type Dispatcher } from "./core/commands/dispatch.js";
import { createRegistry, type Registry } from "./core/commands/registry.js";
import { loadContent } from "./core/content/load-content.js";
import { createKnowledge, type Knowledge } from "./core/knowledge/knowledge.js";
import type { Logger } from "./logger.js";
import { createStorage } from "./storage/create-storage.js";
import type { Storage } from "./storage/storage.js";

export interface App {
  config: Config;
  logger: Logger;
  knowledge: Knowledge;
  storage: Storage;
  registry: Registry;
  dispatcher: Dispatcher;
  clock: Clock;
  close(): Promise<void>;
}

/**
 * Loads content (refusing broken content), opens and migrates storage, and wires the
 * dispatcher.
 * @example const app = await createApp(parseConfig(), createLogger({ level: "info" }));
 */
export async function createApp(config: Config, logger: Logger, clock: Clock = systemClock): Promise<App> {
  const knowledge = createKnowledge(loadContent(config.contentDir), {
    emergencyNumber: config.emergencyNumber,
  });
  const registry = createRegistry(commands);
  const storage = createStorage(config.storage);
  await storage.migrate();
  const dispatcher = createDispatcher({
    registry,
    knowledge,
    storage,
    clock,
    logger,
    cooldownMs: config.cooldownMs,
  });
  logger.debug({ storage: storage.kind, commands: registry.names().length }, "app ready");
  return { config, logger, knowledge, storage, registry, dispatcher, clock, close: () => storage.close() };
}
