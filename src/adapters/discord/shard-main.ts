/**
 * The process each Discord shard runs, spawned by ShardingManager (sharding.ts). It is
 * an ordinary gateway adapter; discord.js reads its shard id and count from the
 * environment the manager sets. Shards never run the tip scheduler: the manager's
 * process does, once.
 */
import { createApp } from "../../app.js";
import { parseConfig } from "../../config.js";
import { createLogger } from "../../logger.js";
import { createDiscordAdapter } from "./discord-adapter.js";

const config = parseConfig();
const logger = createLogger({ level: config.logLevel }).child({ role: "discord-shard" });
process.on("unhandledRejection", (reason) => {
  logger.fatal({ message: reason instanceof Error ? reason.message : String(reason) }, "unhandled rejection");
  process.exit(1);
});
const app = await createApp(config, logger);
const adapter = createDiscordAdapter(app, { mode: "gateway" });
// Commands that post to a channel (Share, "tips now") go through the app's adapters.
app.registerAdapter(adapter);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await adapter.stop();
  await app.scheduler.drain();
  await app.close();
  process.exit(0);
};
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
// The manager went away (crash or kill -9): don't linger as an orphan connection.
process.once("disconnect", () => void stop());
await adapter.start();
