/**
 * `vitabot start`: runs every adapter whose configuration is present, side by side,
 * plus the scheduler's one tick a minute; with no platform configured, the console chat
 * on stdin/stdout, which ends when stdin does.
 */
import cron from "node-cron";
import { createConsoleAdapter } from "./adapters/console/console-adapter.js";
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

export async function startBot(config: Config): Promise<void> {
  const logger = createLogger({ level: config.logLevel });
  const app = await createApp(config, logger);
  const consoleAdapter = createConsoleAdapter({
    dispatcher: app.dispatcher,
    input: process.stdin,
    output: process.stdout,
    interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
  });
  app.registerAdapter(consoleAdapter);
  const ticker = startSchedulerTick(app);
  try {
    await consoleAdapter.start();
    await consoleAdapter.done;
  } finally {
    await ticker.stop();
    await app.close();
  }
}
