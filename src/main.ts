/**
 * `vitabot start`: runs every adapter whose configuration is present, side by side,
 * plus the scheduler's one tick a minute; with no platform configured, the console chat
 * on stdin/stdout, which ends when stdin does.
 */
import cron from "node-cron";
import type { ChatAdapter } from "./adapters/chat-adapter.js";
import { createConsoleAdapter } from "./adapters/console/console-adapter.js";
import { createSlackAdapter } from "./adapters/slack/slack-adapter.js";
import { type App, createApp } from "./app.js";
import type { Config } from "./config.js";
import { createLogger } from "./logger.js";

/** One node-cron task for the whole bot (never one per channel); overlapping ticks are skipped. */
export function startSchedulerTick(app: App): { stop(): Promise<void> } {
  const task = cron.schedule(
    "* * * * *",
    async () => {
      try {
        await app.scheduler.tick();
      } catch (error) {
        app.logger.error({ err: error }, "scheduler tick failed");
      }
    },
    { name: "vitabot-scheduler", noOverlap: true },
  );
  return {
    stop: async () => {
      await task.destroy();
      await app.scheduler.drain();
    },
  };
}

/** The platform adapters the configuration asks for. */
async function platformAdapters(app: App): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  if (app.config.slack) adapters.push(createSlackAdapter(app));
  if (app.config.discord) {
    const { createConfiguredDiscordAdapter } = await import("./adapters/discord/index.js");
    adapters.push(await createConfiguredDiscordAdapter(app));
  }
  return adapters;
}

/** Resolves on SIGTERM or SIGINT. */
function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => resolve(signal));
  });
}

export async function startBot(config: Config): Promise<void> {
  const logger = createLogger({ level: config.logLevel });
  const app = await createApp(config, logger);
  const adapters = await platformAdapters(app);
  const consoleAdapter =
    adapters.length === 0
      ? createConsoleAdapter({
          dispatcher: app.dispatcher,
          input: process.stdin,
          output: process.stdout,
          interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
        })
      : undefined;
  if (consoleAdapter) adapters.push(consoleAdapter);
  for (const adapter of adapters) app.registerAdapter(adapter);
  const ticker = startSchedulerTick(app);
  try {
    for (const adapter of adapters) await adapter.start();
    // In the console chat, log lines would land between the person's messages: keep them quiet.
    const log = consoleAdapter ? logger.debug.bind(logger) : logger.info.bind(logger);
    log({ adapters: adapters.map((a) => a.platform), storage: app.storage.kind }, "vitabot started");
    const reason = await (consoleAdapter ? consoleAdapter.done.then(() => "stdin ended") : stopSignal());
    log({ reason }, "vitabot stopping");
  } finally {
    await ticker.stop();
    for (const adapter of adapters) await adapter.stop();
    await app.close();
  }
}
