/**
 * `vitabot start`: runs every adapter whose configuration is present, side by side;
 * with no platform configured, the console chat on stdin/stdout.
 */
import { runConsoleChat } from "./adapters/console/console-adapter.js";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { createLogger } from "./logger.js";

export async function startBot(config: Config): Promise<void> {
  const logger = createLogger({ level: config.logLevel });
  const app = await createApp(config, logger);
  try {
    await runConsoleChat({
      dispatcher: app.dispatcher,
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
    });
  } finally {
    await app.close();
  }
}
