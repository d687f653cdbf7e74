/**
 * The Discord adapter's public face for the composition root: one gateway connection by
 * default, HTTP interactions when DISCORD_PUBLIC_KEY is set, sharded processes when
 * DISCORD_SHARDS is set (only the DISCORD_SHARD_IDS among them when that is set too).
 */
import type { HttpMount } from "../../ops/http-server.js";
import type { AdapterApp, ChatAdapter } from "../chat-adapter.js";
import { createDiscordAdapter } from "./discord-adapter.js";
import { createShardedDiscordAdapter } from "./sharding.js";

/**
 * The adapter the configuration asks for (not started yet). HTTP interactions mount on
 * `http`, the shared server on PORT.
 * @example const discord = await createConfiguredDiscordAdapter(app, { http }); app.registerAdapter(discord); await discord.start();
 */
export async function createConfiguredDiscordAdapter(
  app: AdapterApp,
  options: { http?: HttpMount } = {},
): Promise<ChatAdapter> {
  const shards = app.config.discord?.shards;
  // HTTP interactions replace the gateway, so DISCORD_SHARDS only applies without a public key.
  if (shards !== undefined && !app.config.discord?.publicKey) return createShardedDiscordAdapter(app);
  return createDiscordAdapter(app, options.http ? { http: options.http } : {});
}
