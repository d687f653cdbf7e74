/**
 * Sharded gateway mode for large bots, opt-in with DISCORD_SHARDS (a number, or "auto"):
 * discord.js's ShardingManager runs one process per shard, each a normal gateway
 * adapter (shard-main.ts). "auto" asks the configured API's /gateway/bot for the count,
 * because discord.js's own "auto" always asks discord.com, ignoring DISCORD_API_URL.
 * This process keeps no gateway connection: it only spawns shards and posts over REST.
 * With DISCORD_SHARD_IDS it spawns only those shards of the DISCORD_SHARDS total, so
 * replicas with disjoint ids split the gateway between them.
 * @see https://discord.com/developers/docs/events/gateway#sharding
 */
import { once } from "node:events";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RESTGetAPIGatewayBotResult, Routes, type Shard, ShardingManager } from "discord.js";
import type { DiscordConfig } from "../../config.js";
import type { Reply } from "../../core/reply/reply.js";
import type { ChannelRef } from "../../core/storage-ports/storage.js";
import { PlatformError, UserFacingError } from "../../errors.js";
import type { AdapterApp, AdapterHealth, ChatAdapter } from "../chat-adapter.js";
import { postToChannel } from "./post.js";
import { createRest } from "./rest.js";

/** Discord lets one session start per 5 s per max_concurrency bucket. */
const SPAWN_DELAY_MS = 5500;
const READY_TIMEOUT_MS = 30_000;

/** Spawn settings; the defaults suit production. */
export interface ShardedDiscordOptions {
  /** Pause between shard starts (default 5.5 s, Discord's identify rate). */
  spawnDelayMs?: number;
  /** How long each shard may take to become ready. */
  readyTimeoutMs?: number;
  /** Extra environment for the shard processes (they read their configuration from it). */
  env?: Record<string, string>;
  /** Restart shards that exit (default true). */
  respawn?: boolean;
}

/** The ChatAdapter for sharded mode, exposing the ShardingManager once started. */
export interface ShardedDiscordAdapter extends ChatAdapter {
  readonly manager: ShardingManager | undefined;
}

/**
 * The shard count: the configured number, or the recommendation of `/gateway/bot` on
 * the configured API (DISCORD_API_URL), never a hard-coded host.
 */
async function resolveShardCount(config: DiscordConfig): Promise<number> {
  if (typeof config.shards === "number") return config.shards;
  const result = (await createRest(config).get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, result.shards);
}

/** The shard entry beside this file; TypeScript sources run through tsx, built files directly. */
function shardEntry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  return {
    file: join(dirname(here), `shard-main${ext}`),
    execArgv: ext === ".ts" ? ["--import", "tsx"] : ["--enable-source-maps"],
  };
}

/**
 * @example const discord = createShardedDiscordAdapter(app); await discord.start();
 */
export function createShardedDiscordAdapter(
  app: AdapterApp,
  options: ShardedDiscordOptions = {},
): ShardedDiscordAdapter {
  const config = app.config.discord;
  if (!config?.token)
    throw new UserFacingError("DISCORD_TOKEN is required for sharded mode (DISCORD_SHARDS).");
  const token = config.token;
  const log = app.logger.child({ platform: "discord", mode: "sharded" });
  let manager: ShardingManager | undefined;

  function watch(shard: Shard): void {
    Object.assign(shard.env as Record<string, unknown>, options.env);
    shard.on("death", () => log.warn({ shardId: shard.id }, "Discord shard process exited"));
    shard.on("error", (error) =>
      log.error({ shardId: shard.id, message: error.message }, "Discord shard error"),
    );
  }

  return {
    platform: "discord",
    get manager() {
      return manager;
    },
    async start() {
      const count = await resolveShardCount(config);
      const entry = shardEntry();
      // spawn() replaces shardList unless `amount` equals totalShards, so both are the total.
      manager = new ShardingManager(entry.file, {
        totalShards: count,
        ...(config.shardIds ? { shardList: config.shardIds } : {}),
        token,
        mode: "process",
        respawn: options.respawn ?? true,
        execArgv: entry.execArgv,
      });
      manager.on("shardCreate", watch);
      await manager.spawn({
        amount: count,
        delay: options.spawnDelayMs ?? SPAWN_DELAY_MS,
        timeout: options.readyTimeoutMs ?? READY_TIMEOUT_MS,
      });
      log.info({ shards: count, shardIds: manager.shardList }, "Discord shards ready");
    },
    async stop() {
      const exits = [...(manager?.shards.values() ?? [])].map((shard) => {
        const child = shard.process;
        const exited = child && child.exitCode === null ? once(child, "exit") : Promise.resolve();
        shard.kill();
        return exited;
      });
      await Promise.all(exits);
    },
    async post(target: ChannelRef, reply: Reply) {
      if (!manager)
        throw new PlatformError("discord", "not_started", "Discord shards are not running", {
          permanent: false,
        });
      await postToChannel(createRest(config), target, reply, log);
    },
    health(): AdapterHealth {
      const shards = [...(manager?.shards.values() ?? [])];
      const ready = shards.filter((s) => s.ready).length;
      return {
        ok: shards.length > 0 && ready === shards.length,
        detail: `${ready}/${shards.length} shards ready`,
      };
    },
  };
}
