/**
 * The Discord adapter's public face for the composition root: one gateway connection by
 * default, HTTP interactions when DISCORD_PUBLIC_KEY is set, sharded processes when
 * DISCORD_SHARDS is set.
 */
import type { App } from "../../app.js";
import type { ChatAdapter } from "../chat-adapter.js";
import { createDiscordAdapter } from "./discord-adapter.js";
import { createShardedDiscordAdapter } from "./sharding.js";

export { commandsJson } from "./command-json.js";
export { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterOptions } from "./discord-adapter.js";
export { renderReply } from "./render.js";
export { createShardedDiscordAdapter, type ShardedDiscordAdapter } from "./sharding.js";

/**
 * The adapter the configuration asks for (not started yet).
 * @example const discord = await createConfiguredDiscordAdapter(app); app.registerAdapter(discord); await discord.start();
 */
export async function createConfiguredDiscordAdapter(app: App): Promise<ChatAdapter> {
  const shards = app.config.discord?.shards;
  // HTTP interactions replace the gateway, so DISCORD_SHARDS only applies without a public key.
  if (shards !== undefined && !app.config.discord?.publicKey) return createShardedDiscordAdapter(app);
  return createDiscordAdapter(app);
}
