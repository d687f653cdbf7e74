/**
 * The Discord adapter: one gateway connection through discord.js (the default), or the
 * HTTP interactions endpoint when DISCORD_PUBLIC_KEY is set. Either way every command,
 * button and autocomplete goes through the same handler and dispatcher, and channel
 * posts go over REST. Sharded mode is in sharding.ts.
 */
import type { AddressInfo } from "node:net";
import { type Client, Events, type REST } from "discord.js";
import type { DiscordConfig } from "../../config.js";
import { welcomeReply } from "../../core/reply/build.js";
import type { Reply } from "../../core/reply/reply.js";
import type { ChannelRef } from "../../core/storage-ports/storage.js";
import { PlatformError, UserFacingError } from "../../errors.js";
import type { HttpMount } from "../../ops/http-server.js";
import type { AdapterApp, AdapterHealth, ChatAdapter } from "../chat-adapter.js";
import { errorInfo } from "./discord-errors.js";
import { createGatewayClient, listen } from "./gateway.js";
import { type ServedInteractions, serveInteractions } from "./http-interactions.js";
import { createInteractionHandler, DEFER_AFTER_MS, type InteractionHandler } from "./interaction-handler.js";
import { trackGuildMembership } from "./membership.js";
import { postToChannel } from "./post.js";
import { createRest } from "./rest.js";
import { publicKeyFromHex } from "./signature.js";
import { welcomeNewGuilds } from "./welcome.js";

/** How interactions arrive: over the gateway WebSocket, or as signed HTTP requests. */
type DiscordMode = "gateway" | "http";

/** Overrides for tests and special deployments; the defaults follow the configuration. */
export interface DiscordAdapterOptions {
  /** Defaults to "http" when DISCORD_PUBLIC_KEY is set, otherwise "gateway". */
  mode?: DiscordMode;
  /** Defer when the answer takes longer than this (default 1.5 s; Discord allows 3 s). */
  deferAfterMs?: number;
  /** HTTP mode: the shared server to mount the endpoint on (vitabot start). */
  http?: HttpMount;
  /** HTTP mode without `http`: the port (default PORT) and host (default all interfaces) of its own server. */
  port?: number;
  host?: string;
  /** Gateway mode: how long to wait for guilds listed in READY. */
  waitGuildTimeoutMs?: number;
}

/** The ChatAdapter, plus what tests and the composition root may inspect. */
export interface DiscordAdapter extends ChatAdapter {
  readonly mode: DiscordMode;
  /** The discord.js client once started in gateway mode. */
  readonly client: Client | undefined;
  /** Where the HTTP interactions server listens once started in HTTP mode. */
  address(): AddressInfo | undefined;
}

function discordConfig(
  app: AdapterApp,
  mode: DiscordMode | undefined,
): { config: DiscordConfig; mode: DiscordMode } {
  const config = app.config.discord;
  if (!config)
    throw new UserFacingError("Discord is not configured: set DISCORD_TOKEN (see docs/discord.md).");
  const chosen = mode ?? (config.publicKey ? "http" : "gateway");
  if (chosen === "gateway" && !config.token) {
    throw new UserFacingError(
      "DISCORD_TOKEN is required for the gateway (Developer Portal > Bot > Reset Token).",
    );
  }
  if (chosen === "http" && !config.publicKey) {
    throw new UserFacingError("DISCORD_PUBLIC_KEY is required for HTTP interactions (General Information).");
  }
  return { config, mode: chosen };
}

async function loginGateway(client: Client, token: string, handler: InteractionHandler): Promise<void> {
  // Register before login: the READY and GUILD_CREATE can arrive before login() resolves.
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    throw new PlatformError("discord", "login_failed", "Could not log in to Discord: check DISCORD_TOKEN.", {
      permanent: true,
      cause: error,
    });
  }
  await ready;
  handler.log.info(
    { user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.ws.shards.size },
    "Discord gateway ready",
  );
}

/**
 * @example const discord = createDiscordAdapter(app); await discord.start();
 */
export function createDiscordAdapter(app: AdapterApp, options: DiscordAdapterOptions = {}): DiscordAdapter {
  const { config, mode } = discordConfig(app, options.mode);
  const handler = createInteractionHandler(app);
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  let client: Client | undefined;
  let served: ServedInteractions | undefined;
  let rest: REST = createRest(config);

  async function startGateway(token: string): Promise<void> {
    client = createGatewayClient(config, {
      ...(options.waitGuildTimeoutMs !== undefined ? { waitGuildTimeoutMs: options.waitGuildTimeoutMs } : {}),
    });
    listen(client, handler, deferAfterMs);
    welcomeNewGuilds(client, welcomeReply(app.knowledge), handler.log);
    trackGuildMembership(client, { storage: app.storage, clock: app.clock, log: handler.log });
    rest = client.rest;
    await loginGateway(client, token, handler);
  }

  async function startHttp(publicKeyHex: string): Promise<void> {
    const deps = { handler, publicKey: publicKeyFromHex(publicKeyHex), rest, deferAfterMs };
    served = await serveInteractions(deps, {
      port: options.port ?? app.config.port,
      logger: handler.log,
      ...(options.http ? { http: options.http } : {}),
      ...(options.host ? { host: options.host } : {}),
    });
    handler.log.info({ port: served.address()?.port }, "Discord HTTP interactions listening");
  }

  return {
    platform: "discord",
    mode,
    get client() {
      return client;
    },
    address: () => served?.address(),
    async start() {
      if (mode === "gateway") await startGateway(config.token ?? "");
      else await startHttp(config.publicKey ?? "");
    },
    async stop() {
      await client?.destroy();
      const serving = served;
      served = undefined;
      await serving?.stop();
    },
    async post(target: ChannelRef, reply: Reply) {
      if (!config.token) {
        throw new PlatformError("discord", "no_token", "DISCORD_TOKEN is required to post to channels.", {
          permanent: true,
        });
      }
      await postToChannel(rest, target, reply, handler.log).catch((error: unknown) => {
        handler.log.warn({ channelId: target.channelId, ...errorInfo(error) }, "Discord post failed");
        throw error;
      });
    },
    health(): AdapterHealth {
      if (mode === "http") return { ok: served !== undefined, detail: "http interactions" };
      const ok = client?.isReady() === true;
      return { ok, detail: ok ? `gateway ping ${client?.ws.ping ?? -1} ms` : "gateway not connected" };
    },
  };
}
